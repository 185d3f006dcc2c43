import PrivacyModel
import TerminalKit

/// One request in the staff console: the subscriber's identity details, the request with its timeline (drawn as
/// the Requests screen draws it), and the steps the model allows now, each asking its note or reason in a dialog.
@MainActor
struct ConsoleRequestView {
    private(set) var detail: RequestDetail
    private(set) var identity: ConsoleIdentity?
    private(set) var dialog: ConsoleStepDialog?
    private var scroll = 0
    /// The member of staff looking at it (their role decides which steps they are offered).
    let staff: StaffIdentity

    /// Reads the request, its events and its subscriber's details: one audited read of the request's details (with
    /// the request as the reason) per opening; later redraws and reloads after a step read nothing new of theirs.
    static func load(reference: String, session: ConsoleSession) throws -> ConsoleRequestView {
        let request = try StaffDataAccess(context: session.context, access: session.access(for: reference)).request(
            reference: reference)
        return ConsoleRequestView(
            detail: RequestDetail(request: request, events: try session.requests.events(requestId: request.id)),
            identity: try ConsoleIdentity.load(accountId: request.accountId, session: session), staff: session.staff)
    }

    /// The steps the model allows this member of staff on the request now, in the order they are usually taken.
    var steps: [ConsoleStep] { ConsoleStep.allCases.filter { $0.isAllowed(on: detail.request, by: staff) } }

    var contexts: [BindingContext] { dialog == nil ? [.consoleRequest] : [.textField] }
    var capturesText: Bool { dialog != nil }
    var hasUnsavedInput: Bool { dialog?.hasUnsavedInput ?? false }
    var hintActions: [Action] { dialog == nil ? steps.map(\.action) + [.back] : [.select, .back] }
    /// In a step's dialog, Enter takes the step.
    func hintLabels(strings: Strings) -> [Action: String] {
        dialog == nil ? [:] : [.select: strings["console.step.confirm"]]
    }

    /// Handles one key.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> ConsoleOutcome {
        if var open = dialog {
            switch open.update(input, session: session) {
            case .stay: dialog = open
            case .close: dialog = nil
            case .passThrough: return .ignored
            case .done(let message):
                dialog = nil
                reload(session: session)
                session.show(message, .success)
            }
            return .handled
        }
        if let step = ConsoleStep(action: input.action) {
            guard step.isAllowed(on: detail.request, by: staff) else { return .handled }
            let latest = session.requests.deadlines(for: detail.request).latestExtension
            dialog = ConsoleStepDialog(step: step, reference: detail.request.reference, latestExtension: latest)
            return .handled
        }
        let text = Self.textArea(in: input.area)
        let total = lines(width: text.width, session: session, glyphs: input.glyphs).count
        let page = max(1, text.height)
        switch input.action {
        case .back: return .back
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .first: scroll = 0
        case .last: scroll = total
        default: return .ignored
        }
        scroll = min(max(0, scroll), max(0, total - page))
        return .handled
    }

    /// Reads the request and its events again after a step.
    private mutating func reload(session: ConsoleSession) {
        do {
            let request = try session.requests.require(reference: detail.request.reference)
            detail = RequestDetail(request: request, events: try session.requests.events(requestId: request.id))
        } catch {
            session.show(error: error)
        }
    }

    /// The identity details, then the request as the Requests screen words it, timeline last.
    private func lines(width: Int, session: ConsoleSession, glyphs: Glyphs) -> [RequestStyledLine] {
        let identityLines =
            identity?.lines(width: width, session: session)
            ?? [RequestStyledLine(session.strings["console.identity.gone"], style: .warning), .blank]
        return identityLines + RequestDetailView.lines(detail, width: width, session: session, glyphs: glyphs)
    }

    /// Where the text goes inside the view's area (within the box, above the key line).
    private static func textArea(in area: Rect) -> Rect { RequestDetail.textArea(in: area) }

    /// Draws the request into `area`, and its step dialog over it when one is open.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession) {
        let strings = session.strings
        let request = detail.request
        let title = strings(
            "requests.detail.title",
            ["reference": request.reference, "right": RequestText.rightName(request.type, session: session)])
        canvas.box(area, title: title, style: dialog == nil ? .borderFocused : .border)
        let text = Self.textArea(in: area)
        guard text.width > 8, text.height > 0 else { return }
        let all = lines(width: text.width, session: session, glyphs: canvas.glyphs)
        let skip = min(scroll, max(0, all.count - text.height))
        _ = RequestStyledLine.draw(all, into: &canvas, area: text, skip: skip)
        let stepHints = steps.map { KeyHint($0.action) }
        let footer =
            (stepHints.isEmpty ? strings["console.request.noSteps"] + canvas.glyphs.separator : "")
            + KeyHints.footer(
                stepHints + [KeyHint(.up, .down, label: "hint.scroll"), KeyHint(.back)],
                contexts: [.consoleRequest, .navigation], strings: strings, glyphs: canvas.glyphs)
        canvas.write(footer, x: text.x, y: text.maxY, width: text.width, style: .muted)
        dialog?.render(into: &canvas, area: area, session: session)
    }
}
