import PrivacyModel
import TerminalKit

/// Files a request for a subscriber who asked by email, chat, phone or post: finds them by email or username,
/// takes the right and scope the subscriber's own wizard offers (`RightScopes`), the channel and an optional
/// ticket, and files through the model in the member of staff's name.
@MainActor
struct ConsoleBehalfDialog {
    /// The rows of the dialog, in focus order.
    enum Field: CaseIterable {
        case subscriber, right, scope, channel, ticket
    }

    /// What the dialog wants after a key.
    enum Outcome: Equatable {
        case stay
        case close
        /// The request was filed: open it.
        case filed(reference: String)
        case passThrough
    }

    private(set) var focus = Field.subscriber
    private(set) var subscriber = TextField(maxLength: 254)
    private(set) var ticket = TextField(maxLength: 40)
    /// The rights the catalogue offers with at least one scope.
    let rights: [RightKind]
    private(set) var rightIndex = 0
    private(set) var scopeIndex = 0
    private(set) var channelIndex = 0
    /// The model's refusal of the last attempt, in the console's language.
    private(set) var error: String?
    private let scopes: RightScopes

    /// Reads the rights and scopes from the catalogue in force.
    init(session: ConsoleSession) {
        let scopes = RightScopes(catalogue: session.catalogue)
        self.scopes = scopes
        rights = RightKind.allCases.filter { !scopes.scopes(for: $0).isEmpty }
    }

    /// Whether anything has been typed.
    var hasUnsavedInput: Bool { !subscriber.isEmpty || !ticket.isEmpty }

    private var right: RightKind? { rights.indices.contains(rightIndex) ? rights[rightIndex] : nil }
    private var scopeChoices: [RequestScope] { right.map { scopes.scopes(for: $0) } ?? [] }
    private var scope: RequestScope? { scopeChoices.indices.contains(scopeIndex) ? scopeChoices[scopeIndex] : nil }
    private var channel: String { StaffRequestRules.behalfChannels[channelIndex] }

    /// Tab and the arrows move between rows, Left and Right change a choice, Enter files, Esc cancels.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> Outcome {
        switch input.action {
        case .select: return file(session: session)
        case .back: return .close
        case .quit: return .passThrough
        case .nextFocus, .down: move(by: 1)
        case .previousFocus, .up: move(by: -1)
        default:
            switch (focus, input.key) {
            case (.subscriber, let key): _ = subscriber.handle(key)
            case (.ticket, let key): _ = ticket.handle(key)
            case (_, .left): change(by: -1)
            case (_, .right): change(by: 1)
            default: break
            }
        }
        return .stay
    }

    private mutating func move(by step: Int) {
        let fields = Field.allCases
        let index = fields.firstIndex(of: focus) ?? 0
        focus = fields[(index + step + fields.count) % fields.count]
    }

    private mutating func change(by step: Int) {
        func next(_ index: Int, _ count: Int) -> Int { count == 0 ? 0 : (index + step + count) % count }
        switch focus {
        case .right:
            rightIndex = next(rightIndex, rights.count)
            scopeIndex = 0
        case .scope: scopeIndex = next(scopeIndex, scopeChoices.count)
        case .channel: channelIndex = next(channelIndex, StaffRequestRules.behalfChannels.count)
        case .subscriber, .ticket: break
        }
    }

    private mutating func file(session: ConsoleSession) -> Outcome {
        guard let right, let scope else { return .stay }
        do {
            let account = try session.accounts.require(subscriber.text)
            let typedTicket = ticket.text.trimmingCharacters(in: .whitespaces)
            let reason = typedTicket.isEmpty ? nil : try AccessReason.ticket(typed: typedTicket)
            let request = try session.requests.file(
                accountId: account.id, type: right, scope: scope, channel: channel, actor: .support,
                staff: StaffAccess(staff: session.staff, reason: reason))
            session.show(
                session.strings("console.behalf.filed", ["reference": request.reference, "channel": channel]),
                .success)
            return .filed(reference: request.reference)
        } catch {
            self.error = session.message(for: error)
            return .stay
        }
    }

    /// Draws the dialog centred in `area`.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession) {
        let strings = session.strings
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 72, height: 19, title: strings["console.behalf.title"])
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
        for line in TextWrap.lines(strings["console.behalf.intro"], width: inner.width).prefix(2) {
            canvas.write(line, x: inner.x, y: y, width: inner.width, style: .muted)
            y += 1
        }
        y += 1
        let label = 22
        let valueWidth = max(1, inner.width - label)
        for field in Field.allCases {
            let focused = field == focus
            canvas.write(
                strings["console.behalf.field.\(field)"], x: inner.x, y: y, width: label - 1,
                style: focused ? .heading : .normal)
            switch field {
            case .subscriber:
                subscriber.render(into: &canvas, x: inner.x + label, y: y, width: valueWidth, focused: focused)
            case .ticket: ticket.render(into: &canvas, x: inner.x + label, y: y, width: valueWidth, focused: focused)
            case .right, .scope, .channel:
                let shown = "< \(choice(field, session: session)) >"
                canvas.write(
                    shown, x: inner.x + label, y: y, width: valueWidth, style: focused ? .selected : .normal)
            }
            y += 2
        }
        if let error {
            for line in TextWrap.lines(error, width: inner.width).prefix(max(1, inner.maxY - 1 - y)) {
                canvas.write(line, x: inner.x, y: y, width: inner.width, style: .danger)
                y += 1
            }
        }
        let hints = [
            KeyHint(.select, label: "console.behalf.confirm"), KeyHint(.nextFocus, label: "console.step.switchField"),
            KeyHint(.back),
        ]
        canvas.write(
            KeyHints.footer(hints, strings: strings, glyphs: canvas.glyphs), x: inner.x, y: inner.maxY - 1,
            width: inner.width, style: .muted)
    }

    /// The words of a choice row's current value.
    private func choice(_ field: Field, session: ConsoleSession) -> String {
        switch field {
        case .right: return right.map { RequestText.rightName($0, session: session) } ?? ""
        case .scope: return scope.map { RequestText.scope($0, session: session) } ?? ""
        case .channel: return session.strings["console.behalf.channel.\(channel)"]
        case .subscriber, .ticket: return ""
        }
    }
}
