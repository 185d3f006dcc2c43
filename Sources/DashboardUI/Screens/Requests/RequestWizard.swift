import Foundation
import PrivacyModel
import TerminalKit

/// The filing wizard as a state machine: right → scope → details → identity → receipt.
///
/// Everything it shows lives in this value, so a resize (or leaving the screen and coming back)
/// redraws the same step with the same typed text. Esc goes one step back; at the first step it closes.
struct RequestWizard {
    /// What the screen should do after a key.
    enum Result: Equatable {
        /// Stay in the wizard.
        case stay
        /// The key means nothing here: let the dashboard apply its global meaning.
        case pass
        /// Close the wizard.
        case close
        /// Close the wizard and select this request in the list.
        case closeShowing(reference: String)
        /// A request was filed (the wizard now shows its receipt).
        case filed(RightsRequest)
        /// A request was filed and carried out at once (the wizard now shows what it did).
        case fulfilled(RightsRequest)
        /// A request was filed but not carried out (the export failed or was stopped); it stays open.
        case leftOpen(reference: String)
    }

    /// The step on show, with what only that step needs.
    var stage = Stage.right
    /// The highlighted right (kept when stepping back, so later steps read the choice).
    var rightList = ListState()
    /// The highlighted scope option (kept when stepping back to the right with the same right).
    var scopeList = ListState()
    /// The right the scope list was last shown for; choosing another starts it at the top.
    var scopeListRight: String?
    /// The details typed for the chosen right and scope, kept when stepping back.
    var form: RequestDetailsForm?
    /// A problem or hint shown inside the wizard until the next attempt.
    var message: Flash?

    /// A wizard at its first step.
    init() {}

    /// A wizard with `right` chosen, at the step choosing what it targets (another screen pointed at the right,
    /// as the Policy screen does for an objection before a change applies); Esc goes back to the list of rights.
    @MainActor
    init(right: RightKind, session: Session) {
        let rights = Self.rights(session: session)
        guard let index = rights.firstIndex(where: { $0.id == right.rawValue }) else { return }
        rightList.select(index, count: rights.count)
        scopeListRight = right.rawValue
        stage = .scope(duplicate: nil)
    }

    /// The step number and name shown.
    var step: Step { stage.step }

    /// Whether printable keys are text (the details and identity steps, and the work that follows).
    var capturesText: Bool {
        switch stage {
        case .details, .identity, .working: true
        case .right, .scope, .receipt: false
        }
    }

    /// Whether closing now would lose something typed (or stop work under way).
    var hasTypedInput: Bool {
        switch stage {
        case .working: true
        case .receipt: false
        case .identity(let password, _): !password.isEmpty || form?.hasTypedInput == true
        case .right, .scope, .details: form?.hasTypedInput == true
        }
    }

    /// The work under way after the identity check (an export, an erasure…), if any.
    var runningWork: SteppedWork? {
        if case .working(let work, _) = stage { return work }
        return nil
    }

    /// Whether a right is being carried out in steps (an export, or an erasure of a long history).
    var hasWorkRunning: Bool { runningWork != nil }

    /// Whether the work under way reports progress and stops with Esc (an export, which shows a gauge).
    var showsProgress: Bool {
        if case .working(_, let effect) = stage { return effect.exports }
        return false
    }

    /// Whether Enter at the identity step asked for the password check, which runs once that frame is shown.
    var isChecking: Bool {
        if case .identity(_, true) = stage { return true }
        return false
    }

    /// What the quit question says: an export stops and leaves no file; other work stops part-way.
    var quitQuestionKey: String {
        guard hasWorkRunning else { return "quit.question" }
        return showsProgress ? "quit.questionExporting" : "quit.questionCarryingOut"
    }

    /// Whether the dashboard should call `performPendingWork` before the next key.
    var hasPendingWork: Bool { isChecking || hasWorkRunning }

    // MARK: Hints

    /// The keys the bottom bar offers at this step (at the receipt Enter and Esc both close; Esc stops an export).
    var hintActions: [Action] {
        switch stage {
        case .working: showsProgress ? [.back] : []
        case .receipt: [.select]
        default: [.select, .back]
        }
    }

    /// What Enter and Esc do at this step, where the key table's "open" and "back" read wrong.
    func hintLabels(strings: Strings) -> [Action: String] {
        switch stage {
        case .working: return showsProgress ? [.back: strings["requests.hint.stop"]] : [:]
        case .right: return [.select: strings["requests.hint.next"], .back: strings["requests.hint.close"]]
        case .scope(let duplicate?):
            return [.select: strings[duplicate.carriesOut ? "requests.hint.carryOut" : "requests.hint.showRequest"]]
        case .scope, .details: return [.select: strings["requests.hint.next"]]
        case .identity: return [.select: strings["requests.hint.file"]]
        case .receipt: return [.select: strings["requests.hint.done"]]
        }
    }

    // MARK: Keys

    /// Handles one key at the current step.
    @MainActor
    mutating func update(_ input: ScreenInput, session: Session) -> Result {
        switch stage {
        case .right: return updateRight(input, session: session)
        case .scope(let duplicate?): return updateDuplicate(input, duplicate: duplicate, session: session)
        case .scope: return updateScope(input, session: session)
        case .details: return updateDetails(input, session: session)
        case .identity(let password, _): return updateIdentity(input, password: password, session: session)
        case .working(let work, let effect):
            // While the work runs only Esc counts: it stops an export, which then leaves nothing.
            if input.action == .back && effect.exports && !work.isCancelling {
                work.cancel()
                message = Flash(text: session.strings["requests.export.stopping"], kind: .warning)
            }
            return .stay
        case .receipt(let request, _):
            switch input.action {
            case .select, .back: return .closeShowing(reference: request.reference)
            default: return .pass
            }
        }
    }

    /// The password check and filing after Enter at the identity step, or the next step of the work under way.
    @MainActor
    mutating func performPendingWork(session: Session) -> Result {
        isChecking ? submit(session: session) : stepWork(session: session)
    }

    @MainActor
    private mutating func updateDetails(_ input: ScreenInput, session: Session) -> Result {
        guard var form else { return .stay }
        defer { self.form = form }
        switch input.action {
        case .back:
            stage = .scope(duplicate: nil)
            message = nil
        case .nextFocus: form.moveFocus(by: 1)
        case .previousFocus: form.moveFocus(by: -1)
        case .up: form.move(by: -1)
        case .down: form.move(by: 1)
        case .select:
            switch form.enter(session: session) {
            case .focusMoved: break
            case .refused(let problem): message = problem
            case .complete:
                stage = .emptyIdentity
                message = nil
            }
        default: form.handle(input.key)
        }
        return .stay
    }

    /// A model error in its own words, as a wizard message.
    @MainActor
    static func flash(for error: any Error, session: Session) -> Flash {
        Flash(text: session.message(for: error), kind: .danger)
    }
}
