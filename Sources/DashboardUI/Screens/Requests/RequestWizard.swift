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

    /// Which text field of the details step has focus.
    enum Field {
        /// A correction's new value.
        case newValue
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
    }

    /// The step on show.
    private(set) var step: Step = .right
    /// The highlighted right.
    private(set) var rightList = ListState()
    /// The highlighted scope option.
    private(set) var scopeList = ListState()
    /// An open request for the chosen right and scope, shown instead of going on.
    private(set) var duplicate: RightsRequest?
    /// The value held now for a correction's field (nil when not recorded).
    private(set) var currentValue: String?
    /// A correction's new value.
    private(set) var newValue = TextField(maxLength: 500)
    /// The free-text note.
    private(set) var note = TextField(maxLength: RequestDetails.maximumLength)
    /// The password typed at the identity step.
    private(set) var password = TextField(masked: true, maxLength: AccountService.maximumPasswordBytes)
    /// The focused field of the details step.
    private(set) var focus: Field = .note
    /// A problem or hint shown inside the wizard until the next attempt.
    private(set) var message: Flash?
    /// The request filed at the end.
    private(set) var filed: RightsRequest?
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

    /// Whether closing now would lose something typed.
    var hasTypedInput: Bool {
        step != .receipt && (!newValue.isEmpty || !note.isEmpty || !password.isEmpty)
    }

    // MARK: Hints

    /// The keys the bottom bar offers at this step (at the receipt Enter and Esc both close).
    var hintActions: [Action] { step == .receipt ? [.select] : [.select, .back] }

    /// What Enter and Esc do at this step, where the key table's "open" and "back" read wrong.
    func hintLabels(strings: Strings) -> [Action: String] {
        switch step {
        case .right: return [.select: strings["requests.hint.next"], .back: strings["requests.hint.close"]]
        case .scope where duplicate != nil: return [.select: strings["requests.hint.showRequest"]]
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
            case .select: return .closeShowing(reference: duplicate.reference)
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
                    duplicate = existing
                    return .stay
                }
                try prepareDetails(kind: kind, scope: option.scope, session: session)
            } catch {
                message = Self.flash(for: error, session: session)
                return .stay
            }
            step = .details
            message = nil
            return .stay
        case .back:
            step = .right
            message = nil
            return .stay
        default: return .pass
        }
    }

    /// Clears the details when they were typed for another right or scope and reads the held value.
    @MainActor
    private mutating func prepareDetails(kind: RightKind, scope: RequestScope, session: Session) throws {
        if let previous = detailsFor, previous.0 == kind, previous.1 == scope { return }
        detailsFor = (kind, scope)
        newValue = TextField(maxLength: newValue.maxLength)
        note = TextField(maxLength: note.maxLength)
        currentValue = nil
        if asksNewValue(session: session) {
            currentValue = try RequestFiling.currentValue(field: scope.value, session: session)
            focus = .newValue
        } else {
            focus = .note
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
        case .nextFocus, .previousFocus, .up, .down:
            if twoFields { focus = focus == .newValue ? .note : .newValue }
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
            step = .identity
            message = nil
            return .stay
        default:
            if focus == .newValue && twoFields {
                _ = newValue.handle(input.key)
            } else {
                _ = note.handle(input.key)
            }
            return .stay
        }
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
        do {
            let request = try RequestFiling.file(
                type: kind, scope: option.scope, details: details(kind: kind, scope: option.scope), session: session)
            filed = request
            step = .receipt
            message = nil
            return .filed(request)
        } catch RequestError.duplicate(let existingReference) {
            if let existing = try? session.requests.request(reference: existingReference) {
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
    private func details(kind: RightKind, scope: RequestScope) -> RequestDetails {
        let noteText = note.text.isBlank ? nil : note.text
        guard kind == .correction else { return RequestDetails(note: noteText) }
        guard scope.value != RequestScope.otherField else { return RequestDetails(field: scope.value, note: noteText) }
        return RequestDetails(
            field: scope.value, currentValue: currentValue, requestedValue: newValue.text, note: noteText)
    }

    /// A model error in its own words, as a wizard message.
    @MainActor
    private static func flash(for error: any Error, session: Session) -> Flash {
        if let failure = error as? any UserFacingError { return Flash(text: failure.description, kind: .danger) }
        return Flash(text: session.strings("error.unexpected", ["detail": String(describing: error)]), kind: .danger)
    }
}

extension String {
    /// Whether the text is empty or only spaces.
    fileprivate var isBlank: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
