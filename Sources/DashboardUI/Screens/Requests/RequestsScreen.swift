import PrivacyModel
import TerminalKit

/// Screen 4: the account's rights requests, one request's detail and timeline, cancelling, and the filing wizard.
struct RequestsScreen: DashboardScreen {
    let id: ScreenID = .requests

    /// The account's requests, newest first, as last read.
    private var requests: [RightsRequest] = []
    /// The selected row of the list.
    private var list = ListState()
    /// The request opened with Enter, if any.
    private var detail: RequestDetail?
    /// The request waiting for a y/n answer before it is cancelled.
    private var confirmingCancel: RightsRequest?
    /// The filing wizard, while it is open.
    private var wizard: RequestWizard?
    /// The account's restrictions, as last read (a completed restriction request whose restriction stands can lift it).
    private var restrictions: [Restriction] = []
    /// The dialog lifting a restriction, while it is open.
    private var lifting: RestrictionLiftDialog?

    /// A screen with nothing loaded yet (`activate` reads the list).
    init() {}

    var contexts: [BindingContext] {
        wizard == nil && confirmingCancel == nil && lifting == nil ? [.requests] : []
    }

    var hintActions: [Action] {
        if let wizard { return wizard.hintActions }
        if let lifting { return lifting.hintActions }
        if confirmingCancel != nil { return [] }
        // "x cancel" is offered only where it can work: on a request that is still open; "u" likewise only on a
        // restriction that still stands.
        if let detail {
            if liftableCategory(detail.request) != nil { return [.back, .liftRestriction, .pageDown] }
            return detail.request.isOpen ? [.back, .cancelRequest, .pageDown] : [.back, .pageDown]
        }
        if let selected, liftableCategory(selected) != nil { return [.select, .newRequest, .liftRestriction] }
        return selected?.isOpen == true ? [.select, .newRequest, .cancelRequest] : [.select, .newRequest]
    }

    func hintLabels(strings: Strings) -> [Action: String] {
        wizard?.hintLabels(strings: strings) ?? lifting?.hintLabels(strings: strings) ?? [:]
    }

    var capturesText: Bool { wizard?.capturesText ?? lifting?.capturesText ?? false }

    var hasUnsavedInput: Bool { wizard?.hasTypedInput ?? lifting?.hasUnsavedInput ?? false }

    var hasPendingWork: Bool { wizard?.hasPendingWork ?? lifting?.hasPendingWork ?? false }

    var quitQuestionKey: String { wizard?.quitQuestionKey ?? "quit.question" }

    mutating func activate(session: Session) {
        reload(session: session)
        if let open = detail {
            do {
                var fresh = try RequestDetail.load(reference: open.request.reference, session: session)
                fresh?.scroll = open.scroll
                detail = fresh
            } catch {
                session.show(error: error)
            }
        }
    }

    mutating func update(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        if let request = confirmingCancel {
            confirmingCancel = nil
            if KeyBindings.isYes(input.key, language: session.strings.language) { cancel(request, session: session) }
            return .handled
        }
        if wizard != nil { return updateWizard(input, session: session) }
        if lifting != nil { return updateLifting(input, session: session) }
        if detail != nil { return updateDetail(input, session: session) }
        return updateList(input, session: session)
    }

    // MARK: List

    private mutating func updateList(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        let visible = RequestListView.visibleRows(in: input.area)
        if list.apply(input.action, count: requests.count, page: visible) {
            list.scroll(visible: visible)
            return .handled
        }
        switch input.action {
        case .select:
            guard let request = selected else { return .handled }
            open(request, session: session)
            return .handled
        case .newRequest:
            wizard = RequestWizard()
            return .handled
        case .cancelRequest:
            askToCancel(selected, session: session)
            return .handled
        case .liftRestriction:
            askToLift(selected, session: session)
            return .handled
        default:
            return .ignored
        }
    }

    private var selected: RightsRequest? {
        requests.indices.contains(list.selected) ? requests[list.selected] : nil
    }

    // MARK: Detail

    private mutating func updateDetail(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        guard var open = detail else { return .ignored }
        if open.scroll(input.action, area: input.area, session: session, glyphs: input.glyphs) {
            detail = open
            return .handled
        }
        switch input.action {
        case .back, .left:
            detail = nil
            return .handled
        case .cancelRequest:
            askToCancel(open.request, session: session)
            return .handled
        case .liftRestriction:
            askToLift(open.request, session: session)
            return .handled
        case .newRequest:
            detail = nil
            wizard = RequestWizard()
            return .handled
        default:
            return .ignored
        }
    }

    /// Opens a request the list already read: its details are not read and decoded a second time (a stored note
    /// may be a megabyte of escaped JSON).
    private mutating func open(_ request: RightsRequest, session: Session) {
        do {
            detail = RequestDetail(request: request, events: try session.requests.events(requestId: request.id))
        } catch {
            session.show(error: error)
        }
    }

    private mutating func open(_ reference: String, session: Session) {
        do {
            detail = try RequestDetail.load(reference: reference, session: session)
        } catch {
            session.show(error: error)
        }
    }

    // MARK: Cancelling

    private mutating func askToCancel(_ request: RightsRequest?, session: Session) {
        guard let request else {
            session.show(session.strings["requests.cancel.nothing"], .warning)
            return
        }
        guard request.isOpen else {
            session.show(
                session.strings(
                    "requests.cancel.closed",
                    ["reference": request.reference, "status": RequestText.status(request.status, session: session)]),
                .danger)
            return
        }
        confirmingCancel = request
    }

    private mutating func cancel(_ request: RightsRequest, session: Session) {
        do {
            let cancelled = try session.requests.cancel(reference: request.reference, actor: .subscriber)
            session.show(session.strings("requests.cancel.done", ["reference": cancelled.reference]), .success)
        } catch {
            session.show(error: error)
        }
        reload(session: session, select: request.reference)
        if detail != nil { open(request.reference, session: session) }
    }

    // MARK: Lifting a restriction

    /// The category a request's standing restriction covers, if the request is the completed restriction
    /// that put it in place.
    private func liftableCategory(_ request: RightsRequest) -> String? {
        guard request.type == .restriction, request.status == .completed, request.scope.kind == .category,
            restrictions.contains(where: {
                $0.categoryId == request.scope.value && $0.requestReference == request.reference
            })
        else { return nil }
        return request.scope.value
    }

    private mutating func askToLift(_ request: RightsRequest?, session: Session) {
        guard let request, let category = liftableCategory(request) else {
            session.show(session.strings["requests.lift.nothing"], .info)
            return
        }
        lifting = RestrictionLiftDialog(categoryId: category)
    }

    private mutating func updateLifting(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        guard var dialog = lifting else { return .ignored }
        let outcome = dialog.update(input, session: session)
        lifting = dialog
        return apply(outcome, session: session)
    }

    private mutating func apply(_ outcome: RestrictionLiftDialog.Outcome, session: Session) -> ScreenOutcome {
        let (result, lifted) = RestrictionLiftDialog.settle(outcome, dialog: &lifting)
        if lifted {
            reload(session: session)
            if let open = detail { self.open(open.request.reference, session: session) }
        }
        return result
    }

    // MARK: Wizard

    private mutating func updateWizard(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        guard var current = wizard else { return .ignored }
        let result = current.update(input, session: session)
        wizard = current
        return apply(result, session: session)
    }

    /// The password check and the filing, once the frame saying "checking your password" is on screen;
    /// then, for work carried out in steps, one step per call so every frame shows it moving.
    mutating func performPendingWork(session: Session) -> ScreenOutcome {
        if var dialog = lifting, dialog.hasPendingWork {
            let outcome = dialog.performPendingWork(session: session)
            lifting = dialog
            return apply(outcome, session: session)
        }
        guard var current = wizard, current.hasPendingWork else { return .handled }
        let result = current.performPendingWork(session: session)
        wizard = current
        return apply(result, session: session)
    }

    /// What the wizard's result means for the screen.
    private mutating func apply(_ result: RequestWizard.Result, session: Session) -> ScreenOutcome {
        switch result {
        case .stay: return .handled
        case .pass: return .ignored
        case .close:
            wizard = nil
            return .handled
        case .closeShowing(let reference):
            wizard = nil
            reload(session: session, select: reference)
            return .handled
        case .filed(let request):
            reload(session: session, select: request.reference)
            session.show(session.strings("requests.filed", ["reference": request.reference]), .success)
            return .handled
        case .fulfilled(let request):
            reload(session: session, select: request.reference)
            session.reloadAccount()
            session.show(session.strings("requests.fulfilled", ["reference": request.reference]), .success)
            return .handled
        case .leftOpen(let reference):
            reload(session: session, select: reference)
            return .handled
        }
    }

    // MARK: Revealing

    /// Selects a request another screen pointed at (the overview's open requests).
    ///
    /// A detail view or a wizard with nothing typed closes so the list shows; a wizard holding typed
    /// text stays as it is, with the list selection untouched, and the status line says why.
    mutating func reveal(_ item: String, session: Session) {
        confirmingCancel = nil
        lifting = nil
        if let right = Self.newRequestRight(item) {
            startWizard(at: right, session: session)
            return
        }
        if let wizard {
            guard !wizard.hasTypedInput else {
                session.show(session.strings("requests.reveal.wizardOpen", ["reference": item]), .info)
                return
            }
            self.wizard = nil
        }
        detail = nil
        guard let index = requests.firstIndex(where: { $0.reference == item }) else {
            session.show(session.strings("requests.reveal.missing", ["reference": item]), .warning)
            return
        }
        list.select(index, count: requests.count)
    }

    /// The item another screen reveals to open the wizard with `right` chosen (the Policy screen's objection).
    static func newRequestItem(_ right: RightKind) -> String { newRequestPrefix + right.rawValue }

    private static let newRequestPrefix = "new-request:"

    /// The right a `newRequestItem` names, or nil for a request reference.
    private static func newRequestRight(_ item: String) -> RightKind? {
        guard item.hasPrefix(newRequestPrefix) else { return nil }
        return RightKind(rawValue: String(item.dropFirst(newRequestPrefix.count)))
    }

    /// Opens the wizard at `right`'s scope step, unless a wizard holding typed text is open (it stays as it is).
    private mutating func startWizard(at right: RightKind, session: Session) {
        if let wizard, wizard.hasTypedInput {
            session.show(session.strings["requests.reveal.wizardBusy"], .info)
            return
        }
        detail = nil
        wizard = RequestWizard(right: right, session: session)
    }

    // MARK: Loading

    /// Reads the list again, keeping the selection on the same request (or on `select`).
    private mutating func reload(session: Session, select reference: String? = nil) {
        let keep = reference ?? selected?.reference
        do {
            requests = try session.requests.requests(accountId: session.account.id)
            restrictions = try RestrictionService(context: session.context).restrictedCategories(
                accountId: session.account.id)
        } catch {
            session.show(error: error)
        }
        if let keep, let index = requests.firstIndex(where: { $0.reference == keep }) {
            list.select(index, count: requests.count)
        } else {
            list.clamp(count: requests.count)
        }
    }

    // MARK: Drawing

    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        if let detail {
            RequestDetailView.render(detail, into: &canvas, area: area, session: session)
        } else {
            // Under a dialog the list's selection is drawn inactive, so only the dialog looks focused.
            let focused = wizard == nil && confirmingCancel == nil && lifting == nil
            RequestListView.render(requests, list: list, into: &canvas, area: area, session: session, focused: focused)
        }
        if let wizard { RequestWizardView.render(wizard, into: &canvas, area: area, session: session) }
        if let confirmingCancel {
            RequestCancelDialog.render(confirmingCancel, into: &canvas, area: area, session: session)
        }
        lifting?.render(into: &canvas, area: area, session: session)
    }
}
