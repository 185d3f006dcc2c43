import PrivacyModel
import TerminalKit

/// One request in the staff console: the subscriber's identity details, the request with its timeline (drawn as
/// the Requests screen draws it), and the steps the model allows now, each asking its note or reason in a dialog.
@MainActor
struct ConsoleRequestView {
    private(set) var detail: RequestDetail
    private(set) var identity: ConsoleIdentity?
    private(set) var dialog: ConsoleStepDialog?
    /// A password reset or an under-age closure, while open.
    private(set) var accountDialog: (any ConsoleActionDialog)?
    /// Why the model refuses this member of staff the completion now (four eyes, role); nil when it allows it.
    private(set) var completionRefusal: StaffError?
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
    var steps: [ConsoleStep] {
        ConsoleStep.allCases.filter {
            $0.isAllowed(on: detail.request, by: staff) && ($0 != .complete || completionRefusal == nil)
        }
    }

    /// The actions on the subscriber's account the model allows this member of staff now (both cite this request,
    /// so it must be open).
    var accountActions: [Action] {
        guard let account = identity?.account, account.status == .active, detail.request.isOpen else { return [] }
        return (AssistedPasswordReset.isOffered(on: detail.request, to: staff) ? [.resetSubscriberPassword] : [])
            + (staff.may(.closeUnderageAccount) ? [.closeUnderage] : [])
    }

    private var hasDialog: Bool { dialog != nil || accountDialog != nil }
    var contexts: [BindingContext] { hasDialog ? [.textField] : [.consoleRequest] }
    var capturesText: Bool { hasDialog }
    var hasUnsavedInput: Bool { dialog?.hasUnsavedInput ?? accountDialog?.hasUnsavedInput ?? false }
    var hintActions: [Action] { hasDialog ? [.select, .back] : steps.map(\.action) + accountActions + [.back] }
    /// In a step's dialog, Enter takes the step.
    func hintLabels(strings: Strings) -> [Action: String] {
        dialog == nil ? [:] : [.select: strings["console.step.confirm"]]
    }

    /// Asks the model whether this member of staff may complete the request now, after each load.
    mutating func readRules(session: ConsoleSession) {
        do {
            completionRefusal =
                detail.request.status.allows(.complete)
                ? try StaffRequestRules.completionRefusal(of: detail.request, by: staff, context: session.context)
                : nil
        } catch {
            session.show(error: error)
        }
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
        if var open = accountDialog { return updateAccountDialog(&open, input, session: session) }
        if let action = input.action, accountActions.contains(action) {
            openAccountDialog(action, session: session)
            return .handled
        }
        if let step = ConsoleStep(action: input.action) {
            guard steps.contains(step) else { return .handled }
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
            identity = try ConsoleIdentity.load(accountId: request.accountId, session: session)
            readRules(session: session)
        } catch {
            session.show(error: error)
        }
    }

    private mutating func openAccountDialog(_ action: Action, session: ConsoleSession) {
        guard let account = identity?.account else { return }
        let reference = detail.request.reference
        guard action == .closeUnderage else {
            accountDialog = ConsolePasswordResetDialog(
                reference: reference, accountId: account.id, username: account.username)
            return
        }
        do {
            accountDialog = try ConsoleUnderageClosureDialog(
                reference: reference, username: account.username, accountId: account.id, session: session)
        } catch {
            session.show(error: error)
        }
    }

    /// Routes a key to the open account dialog; after an under-age closure the purge took the request with it,
    /// so the console goes back to the queue.
    private mutating func updateAccountDialog(
        _ open: inout any ConsoleActionDialog, _ input: ScreenInput, session: ConsoleSession
    ) -> ConsoleOutcome {
        switch open.update(input, session: session) {
        case .stay: accountDialog = open
        case .close: accountDialog = nil
        case .passThrough: return .ignored
        case .done(let message):
            accountDialog = nil
            let remains = (try? session.requests.request(reference: detail.request.reference)) != nil
            if remains { reload(session: session) }
            session.show(message, .success)
            if !remains { return .back }
        }
        return .handled
    }

    /// The identity details, then the request as the Requests screen words it, timeline last.
    private func lines(width: Int, session: ConsoleSession, glyphs: Glyphs) -> [RequestStyledLine] {
        let identityLines =
            identity?.lines(width: width, session: session)
            ?? [RequestStyledLine(session.strings["console.identity.gone"], style: .warning), .blank]
        return ConsoleFourEyesNote.lines(detail.request, refusal: completionRefusal, width: width, session: session)
            + identityLines + RequestDetailView.lines(detail, width: width, session: session, glyphs: glyphs)
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
        let stepHints = (steps.map(\.action) + accountActions).map { KeyHint($0) }
        let footer =
            (stepHints.isEmpty ? strings["console.request.noSteps"] + canvas.glyphs.separator : "")
            + KeyHints.footer(
                stepHints + [KeyHint(.up, .down, label: "hint.scroll"), KeyHint(.back)],
                contexts: [.consoleRequest, .navigation], strings: strings, glyphs: canvas.glyphs)
        canvas.write(footer, x: text.x, y: text.maxY, width: text.width, style: .muted)
        dialog?.render(into: &canvas, area: area, session: session)
        accountDialog?.render(into: &canvas, area: area, session: session)
    }
}
