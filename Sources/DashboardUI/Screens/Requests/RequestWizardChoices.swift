import PrivacyModel

/// The wizard's first two steps: the right and the scope it targets (or the open request already filed for
/// them), and the way on to the details.
extension RequestWizard {
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

    /// A key at the right step: moves in the list, Enter goes on to the scope, Esc closes.
    @MainActor
    mutating func updateRight(_ input: ScreenInput, session: Session) -> Result {
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
            stage = .scope(duplicate: nil)
            message = nil
            return .stay
        case .back: return .close
        default: return .pass
        }
    }

    /// A key at the scope step: moves in the list, Enter checks for an open duplicate and goes on, Esc goes back.
    @MainActor
    mutating func updateScope(_ input: ScreenInput, session: Session) -> Result {
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
                    let carriesOut = RequestEffect.of(kind, option.scope).isSelfService
                    stage = .scope(duplicate: OpenDuplicate(request: existing, carriesOut: carriesOut))
                    return .stay
                }
            } catch {
                message = Self.flash(for: error, session: session)
                return .stay
            }
            goToDetails(resuming: nil, session: session)
            return .stay
        case .back:
            stage = .right
            message = nil
            return .stay
        default: return .pass
        }
    }

    /// The open request found for the right and scope: Enter shows it (or carries it out), Esc chooses again.
    @MainActor
    mutating func updateDuplicate(_ input: ScreenInput, duplicate: OpenDuplicate, session: Session) -> Result {
        switch input.action {
        case .select:
            // A right carried out at once goes on with the open request (e.g. after an export failed).
            guard duplicate.carriesOut else {
                return .closeShowing(reference: duplicate.request.reference)
            }
            stage = .scope(duplicate: nil)
            goToDetails(resuming: duplicate.request.reference, session: session)
            return .stay
        case .back:
            stage = .scope(duplicate: nil)
            return .stay
        default: return .pass
        }
    }

    /// Prepares the details for the chosen right and scope (a new form when they changed, the erasure's dry
    /// run each time) and shows them; `resuming` names an open request an export completes instead of filing
    /// a new one.
    @MainActor
    private mutating func goToDetails(resuming reference: String?, session: Session) {
        guard let kind = chosenKind(session: session), let option = chosenScope(session: session) else { return }
        do {
            var details =
                try form.flatMap { $0.kind == kind && $0.scope == option.scope ? $0 : nil }
                ?? RequestDetailsForm(kind: kind, scope: option.scope, session: session)
            details.erasurePlan = nil
            form = details
            if details.effect == .restrict {
                try RestrictionService(context: session.context).requireRestrictable(
                    accountId: session.account.id, categoryId: option.scope.value)
            }
            if details.effect == .erase {
                form?.erasurePlan = try ErasureService(context: session.context).plan(
                    accountId: session.account.id, categoryId: option.scope.value)
            }
        } catch {
            message = Self.flash(for: error, session: session)
            return
        }
        if let reference, form?.exportChoices != nil { form?.resumableReference = reference }
        stage = .details
        message = nil
    }
}
