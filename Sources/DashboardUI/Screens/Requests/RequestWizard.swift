import Foundation
import PrivacyModel
import TerminalKit

/// The filing wizard as a state machine: right → scope → details → identity → receipt.
///
/// Everything it shows lives in this value, so a resize (or leaving the screen and coming back)
/// redraws the same step with the same typed text. Esc goes one step back; at the first step it closes.
struct RequestWizard {
    /// The steps, in order; the raw value is the step number shown.
    enum Step: Int, CaseIterable {
        /// Choose the right.
        case right = 1
        /// Choose what it targets.
        case scope
        /// The correction's new value, or a note.
        case details
        /// Re-enter the password.
        case identity
        /// The filed request's reference and deadlines.
        case receipt
    }

    /// Which field of the details step has focus.
    enum Field {
        /// A correction's new value.
        case newValue
        /// A portability export's category checklist.
        case categories
        /// A portability export's first day.
        case since
        /// The folder an export is written to.
        case folder
        /// The free-text note.
        case note
    }

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

    /// The step on show.
    var step: Step = .right
    /// The highlighted right.
    private(set) var rightList = ListState()
    /// The highlighted scope option.
    private(set) var scopeList = ListState()
    /// An open request for the chosen right and scope, shown instead of going on.
    private(set) var duplicate: RightsRequest? {
        didSet { duplicateCarriesOut = duplicate != nil && duplicateEffect.isSelfService }
    }
    /// The effect of the right and scope the duplicate was found for.
    private var duplicateEffect = RequestEffect.note
    /// Whether Enter on the duplicate goes on and carries that open request out (rather than showing it).
    private(set) var duplicateCarriesOut = false
    /// The value held now for a correction's field (nil when not recorded).
    private(set) var currentValue: String?
    /// A correction's new value.
    private(set) var newValue = TextField(maxLength: 500)
    /// The free-text note.
    private(set) var note = TextField(maxLength: RequestDetails.maximumLength)
    /// The password typed at the identity step.
    private(set) var password = TextField(masked: true, maxLength: AccountService.maximumPasswordBytes)
    /// The focused field of the details step.
    var focus: Field = .note
    /// A problem or hint shown inside the wizard until the next attempt.
    var message: Flash?
    /// The request filed at the end.
    var filed: RightsRequest?
    /// What carrying the request out did, for the receipt step.
    var outcome: FulfilmentWork = .filed
    /// The folder, categories and start date of an access or portability export.
    var exportChoices: RequestExportChoices?
    /// The dry run of an erasure, shown at the details step.
    var erasurePlan: ErasurePlan?
    /// The work under way after the identity check (an export, an erasure…), if any.
    var job: ExportJob?
    /// What the work under way carries out.
    var jobEffect = RequestEffect.note
    /// An access or portability request filed whose export failed or was stopped: a retry completes it.
    var openExport: String?
    /// Set by Enter at the identity step: the password check and the filing run once the frame saying so is shown.
    private(set) var isChecking = false
    /// The right the scope list was last shown for; choosing another starts it at the top.
    private var scopeListRight: String?
    /// The right and scope the details were typed for; choosing another clears them.
    private var detailsFor: (RightKind, RequestScope)?

    /// A wizard at its first step.
    init() {}

    /// Whether printable keys are text (the details and identity steps).
    var capturesText: Bool { step == .details || step == .identity }

    /// Whether closing now would lose something typed (or stop an export under way).
    var hasTypedInput: Bool {
        if job != nil { return true }
        return step != .receipt
            && (!newValue.isEmpty || !note.isEmpty || !password.isEmpty || exportChoices?.hasTypedInput == true)
    }

    /// Whether a right is being carried out in steps (an export, or an erasure of a long history).
    var isExporting: Bool { job != nil }

    /// Whether the work under way is an export (which shows a gauge and stops with Esc).
    var isWritingExport: Bool { job != nil && jobEffect.exports }

    // MARK: Hints

    /// The keys the bottom bar offers at this step (at the receipt Enter and Esc both close; Esc stops an export).
    var hintActions: [Action] {
        if job != nil { return isWritingExport ? [.back] : [] }
        return step == .receipt ? [.select] : [.select, .back]
    }

    /// What Enter and Esc do at this step, where the key table's "open" and "back" read wrong.
    func hintLabels(strings: Strings) -> [Action: String] {
        if isWritingExport { return [.back: strings["requests.hint.stop"]] }
        switch step {
        case .right: return [.select: strings["requests.hint.next"], .back: strings["requests.hint.close"]]
        case .scope where duplicate != nil:
            return [.select: strings[duplicateCarriesOut ? "requests.hint.carryOut" : "requests.hint.showRequest"]]
        case .scope, .details: return [.select: strings["requests.hint.next"]]
        case .identity: return [.select: strings["requests.hint.file"]]
        case .receipt: return [.select: strings["requests.hint.done"]]
        }
    }

    // MARK: Choices

    /// The rights the catalogue offers that the model knows.
    @MainActor
    static func rights(session: Session) -> [Right] {
        session.catalogue.rights.filter { RightKind(rawValue: $0.id) != nil }
    }

    /// The highlighted right.
    @MainActor
    func chosenRight(session: Session) -> Right? {
        let rights = Self.rights(session: session)
        return rights.indices.contains(rightList.selected) ? rights[rightList.selected] : nil
    }

    /// The right as the model's kind.
    @MainActor
    func chosenKind(session: Session) -> RightKind? {
        chosenRight(session: session).flatMap { RightKind(rawValue: $0.id) }
    }

    /// The scope options for the highlighted right.
    @MainActor
    func scopeOptions(session: Session) -> [RequestScopeOption] {
        chosenRight(session: session).map { RequestScopeOption.options(for: $0, session: session) } ?? []
    }

    /// The highlighted scope option.
    @MainActor
    func chosenScope(session: Session) -> RequestScopeOption? {
        let options = scopeOptions(session: session)
        return options.indices.contains(scopeList.selected) ? options[scopeList.selected] : nil
    }

    /// What happens after the identity check for the highlighted right and scope.
    @MainActor
    func effect(session: Session) -> RequestEffect {
        guard let kind = chosenKind(session: session), let scope = chosenScope(session: session)?.scope else {
            return .note
        }
        return RequestEffect.of(kind, scope)
    }

    /// The fields of the details step, in order.
    @MainActor
    func detailFields(session: Session) -> [Field] {
        if asksNewValue(session: session) { return [.newValue, .note] }
        if let choices = exportChoices {
            return choices.portability ? [.note, .categories, .since, .folder] : [.note, .folder]
        }
        return [.note]
    }

    /// Whether the details step asks for a new value (a correction of a named field).
    @MainActor
    func asksNewValue(session: Session) -> Bool {
        guard chosenKind(session: session) == .correction, let scope = chosenScope(session: session)?.scope else {
            return false
        }
        return scope.kind == .field && scope.value != RequestScope.otherField
    }

    /// Whether the note must be filled in (a correction of data without a named field).
    @MainActor
    func requiresNote(session: Session) -> Bool {
        chosenKind(session: session) == .correction
            && chosenScope(session: session)?.scope.value == RequestScope.otherField
    }

    // MARK: Keys

    /// Handles one key at the current step.
    @MainActor
    mutating func update(_ input: ScreenInput, session: Session) -> Result {
        if let job {
            // While the export runs only Esc counts: it stops the export, which then leaves nothing.
            if input.action == .back && jobEffect.exports && !job.isCancelling {
                job.cancel()
                message = Flash(text: session.strings["requests.export.stopping"], kind: .warning)
            }
            return .stay
        }
        switch step {
        case .right: return updateRight(input, session: session)
        case .scope: return updateScope(input, session: session)
        case .details: return updateDetails(input, session: session)
        case .identity: return updateIdentity(input, session: session)
        case .receipt:
            switch input.action {
            case .select, .back: return .closeShowing(reference: filed?.reference ?? "")
            default: return .pass
            }
        }
    }

    @MainActor
    private mutating func updateRight(_ input: ScreenInput, session: Session) -> Result {
        let count = Self.rights(session: session).count
        let page = RequestWizardLayout.listRows(in: input.area)
        if rightList.apply(input.action, count: count, page: page) {
            message = nil
            return .stay
        }
        switch input.action {
        case .select:
            guard count > 0 else { return .stay }
            let rightId = chosenRight(session: session)?.id
            if rightId != scopeListRight {
                scopeList = ListState()
                scopeListRight = rightId
            }
            step = .scope
            message = nil
            return .stay
        case .back: return .close
        default: return .pass
        }
    }

    @MainActor
    private mutating func updateScope(_ input: ScreenInput, session: Session) -> Result {
        if let duplicate {
            switch input.action {
            case .select:
                // A right carried out at once goes on with the open request (e.g. after an export failed).
                guard duplicateCarriesOut else {
                    return .closeShowing(reference: duplicate.reference)
                }
                self.duplicate = nil
                goToDetails(resuming: duplicate.reference, session: session)
                return .stay
            case .back:
                self.duplicate = nil
                return .stay
            default: return .pass
            }
        }
        let options = scopeOptions(session: session)
        let page = RequestWizardLayout.listRows(in: input.area)
        if scopeList.apply(input.action, count: options.count, page: page) {
            scopeList.scroll(visible: page)
            message = nil
            return .stay
        }
        switch input.action {
        case .select:
            guard let kind = chosenKind(session: session), let option = chosenScope(session: session) else {
                return .stay
            }
            do {
                if let existing = try RequestFiling.openDuplicate(type: kind, scope: option.scope, session: session) {
                    duplicateEffect = RequestEffect.of(kind, option.scope)
                    duplicate = existing
                    return .stay
                }
            } catch {
                message = Self.flash(for: error, session: session)
                return .stay
            }
            goToDetails(resuming: nil, session: session)
            return .stay
        case .back:
            step = .right
            message = nil
            return .stay
        default: return .pass
        }
    }

    /// Prepares the details step for the chosen right and scope (the erasure's dry run too) and shows it;
    /// `resuming` names an open request an export completes instead of filing a new one.
    @MainActor
    private mutating func goToDetails(resuming reference: String?, session: Session) {
        guard let kind = chosenKind(session: session), let option = chosenScope(session: session) else { return }
        do {
            try prepareDetails(kind: kind, scope: option.scope, session: session)
            erasurePlan = nil
            if RequestEffect.of(kind, option.scope) == .restrict {
                try RestrictionService(context: session.context).requireRestrictable(
                    accountId: session.account.id, categoryId: option.scope.value)
            }
            if RequestEffect.of(kind, option.scope) == .erase {
                erasurePlan = try ErasureService(context: session.context).plan(
                    accountId: session.account.id, categoryId: option.scope.value)
            }
        } catch {
            message = Self.flash(for: error, session: session)
            return
        }
        if let reference, exportChoices != nil { openExport = reference }
        step = .details
        message = nil
    }

    /// Clears the details when they were typed for another right or scope and reads the held value.
    @MainActor
    private mutating func prepareDetails(kind: RightKind, scope: RequestScope, session: Session) throws {
        if let previous = detailsFor, previous.0 == kind, previous.1 == scope { return }
        detailsFor = (kind, scope)
        newValue = TextField(maxLength: newValue.maxLength)
        note = TextField(maxLength: note.maxLength)
        currentValue = nil
        exportChoices = nil
        openExport = nil
        let effect = RequestEffect.of(kind, scope)
        if effect.exports {
            exportChoices = RequestExportChoices(
                portability: effect == .portability, categoryIds: session.catalogue.categories.map(\.id),
                defaultFolder: ExportLocation.defaultFolder())
        }
        if asksNewValue(session: session) {
            currentValue = try ProfileField.currentValue(
                scope.value, accountId: session.account.id, context: session.context)
            focus = .newValue
        } else {
            focus = detailFields(session: session).first ?? .note
        }
    }

    @MainActor
    private mutating func updateDetails(_ input: ScreenInput, session: Session) -> Result {
        let twoFields = asksNewValue(session: session)
        switch input.action {
        case .back:
            step = .scope
            message = nil
            return .stay
        case .nextFocus:
            moveFocus(by: 1, session: session)
            return .stay
        case .previousFocus:
            moveFocus(by: -1, session: session)
            return .stay
        case .up, .down:
            let step = input.action == .up ? -1 : 1
            if focus == .categories, exportChoices?.moveCursor(by: step) == true { return .stay }
            moveFocus(by: step, session: session)
            return .stay
        case .select:
            if twoFields && focus == .newValue && !newValue.text.isBlank {
                focus = .note
                return .stay
            }
            if twoFields && newValue.text.isBlank {
                let field = chosenScope(session: session).map {
                    RequestText.fieldName($0.scope.value, session: session)
                }
                message = Flash(
                    text: session.strings("requests.wizard.newValueMissing", ["field": field ?? ""]), kind: .warning)
                focus = .newValue
                return .stay
            }
            if requiresNote(session: session) && note.text.isBlank {
                message = Flash(text: session.strings["requests.wizard.noteMissing"], kind: .warning)
                return .stay
            }
            if let choices = exportChoices, case .failure(let problem) = choices.checked(session: session) {
                message = Flash(text: session.strings(problem.key, ["text": problem.text]), kind: .warning)
                focus =
                    problem.key == "requests.export.folderMissing"
                    ? .folder : problem.key == "requests.export.noCategory" ? .categories : .since
                return .stay
            }
            step = .identity
            message = nil
            return .stay
        default:
            switch focus {
            case .newValue where twoFields: _ = newValue.handle(input.key)
            case .categories: exportChoices?.handleChecklist(input.key)
            case .since: _ = exportChoices?.since.handle(input.key)
            case .folder: _ = exportChoices?.folder.handle(input.key)
            default: _ = note.handle(input.key)
            }
            return .stay
        }
    }

    /// Moves the focus to the next (or previous) field of the details step, wrapping around.
    @MainActor
    private mutating func moveFocus(by step: Int, session: Session) {
        let fields = detailFields(session: session)
        guard fields.count > 1 else { return }
        let index = fields.firstIndex(of: focus) ?? 0
        focus = fields[(index + step + fields.count) % fields.count]
    }

    @MainActor
    private mutating func updateIdentity(_ input: ScreenInput, session: Session) -> Result {
        switch input.action {
        case .back:
            step = .details
            message = nil
            return .stay
        case .nextFocus, .previousFocus, .up, .down:
            return .stay
        case .select:
            startChecking(session: session)
            return .stay
        default:
            _ = password.handle(input.key)
            return .stay
        }
    }

    /// Enter at the identity step: refuses an empty password at once, otherwise says the check is running
    /// and leaves the slow part (scrypt) to `submit`, which the dashboard calls once that frame is shown.
    @MainActor
    private mutating func startChecking(session: Session) {
        guard !password.isEmpty else {
            message = Flash(text: session.strings["requests.wizard.passwordMissing"], kind: .warning)
            return
        }
        isChecking = true
        message = Flash(text: session.strings["requests.wizard.checking"], kind: .info)
    }

    /// Checks the password typed at the identity step, then files the request (or shows the open
    /// duplicate the model found). Runs only after Enter set `isChecking`.
    @MainActor
    mutating func submit(session: Session) -> Result {
        guard isChecking, step == .identity else {
            isChecking = false
            return .stay
        }
        isChecking = false
        message = nil
        guard let kind = chosenKind(session: session), let option = chosenScope(session: session) else { return .stay }
        do {
            switch try RequestFiling.confirmPassword(password.text, session: session) {
            case .confirmed: break
            case .wrong:
                password.set("")
                message = Flash(text: session.strings["requests.wizard.passwordWrong"], kind: .danger)
                return .stay
            case .locked(let until):
                password.set("")
                message = Flash(
                    text: session.strings("requests.wizard.locked", ["time": session.formats.time(until)]),
                    kind: .danger)
                return .stay
            }
        } catch {
            message = Self.flash(for: error, session: session)
            return .stay
        }
        password.set("")
        let effect = RequestEffect.of(kind, option.scope)
        if effect.isSelfService && !effect.exports {
            return carryOut(effect, kind: kind, scope: option.scope, session: session)
        }
        if effect.exports, let reference = openExport {
            return startExport(reference: reference, effect: effect, session: session)
        }
        do {
            let request = try RequestFiling.file(
                type: kind, scope: option.scope, details: details(kind: kind, scope: option.scope), session: session)
            if effect.exports {
                openExport = request.reference
                return startExport(reference: request.reference, effect: effect, session: session)
            }
            filed = request
            outcome = .filed
            step = .receipt
            message = nil
            return .filed(request)
        } catch RequestError.duplicate(let existingReference) {
            if let existing = try? session.requests.request(reference: existingReference) {
                duplicateEffect = .note
                duplicate = existing
                step = .scope
                message = nil
            } else {
                message = Self.flash(
                    for: RequestError.duplicate(existingReference: existingReference), session: session)
            }
            return .stay
        } catch {
            message = Self.flash(for: error, session: session)
            return .stay
        }
    }

    /// The details as filed: field, held and new value for a correction; the note for anything.
    func details(kind: RightKind, scope: RequestScope) -> RequestDetails {
        let noteText = note.text.isBlank ? nil : note.text
        guard kind == .correction else { return RequestDetails(note: noteText) }
        guard scope.value != RequestScope.otherField else { return RequestDetails(field: scope.value, note: noteText) }
        return RequestDetails(
            field: scope.value, currentValue: currentValue, requestedValue: newValue.text, note: noteText)
    }

    /// A model error in its own words, as a wizard message.
    @MainActor
    static func flash(for error: any Error, session: Session) -> Flash {
        Flash(text: session.message(for: error), kind: .danger)
    }
}

extension String {
    /// Whether the text is empty or only spaces.
    fileprivate var isBlank: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
