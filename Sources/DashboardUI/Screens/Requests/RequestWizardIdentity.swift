import PrivacyModel

/// The wizard's identity step: the password typed again, checked once the frame saying so is shown, then
/// the request filed (or carried out at once).
extension RequestWizard {
    /// A key at the identity step: typing into the password, Enter asks for the check, Esc goes back.
    @MainActor
    mutating func updateIdentity(_ input: ScreenInput, password: TextField, session: Session) -> Result {
        switch input.action {
        case .back:
            stage = .details
            message = nil
        case .nextFocus, .previousFocus, .up, .down:
            break
        case .select:
            // An empty password is refused at once; otherwise the slow part (scrypt) is left to `submit`.
            guard !password.isEmpty else {
                message = Flash(text: session.strings["requests.wizard.passwordMissing"], kind: .warning)
                return .stay
            }
            stage = .identity(password: password, isChecking: true)
            message = Flash(text: session.strings["requests.wizard.checking"], kind: .info)
        default:
            var typed = password
            _ = typed.handle(input.key)
            stage = .identity(password: typed, isChecking: false)
        }
        return .stay
    }

    /// Checks the password typed at the identity step, then files the request (or shows the open
    /// duplicate the model found). Runs only after Enter set `isChecking`.
    @MainActor
    mutating func submit(session: Session) -> Result {
        guard case .identity(let password, true) = stage else { return .stay }
        stage = .identity(password: password, isChecking: false)
        message = nil
        guard let form, let kind = chosenKind(session: session), let option = chosenScope(session: session) else {
            return .stay
        }
        do {
            switch try RequestFiling.confirmPassword(password.text, session: session) {
            case .confirmed: break
            case .wrong:
                stage = .emptyIdentity
                message = Flash(text: session.strings["requests.wizard.passwordWrong"], kind: .danger)
                return .stay
            case .locked(let until):
                stage = .emptyIdentity
                message = Flash(
                    text: session.strings("requests.wizard.locked", ["time": session.formats.time(until)]),
                    kind: .danger)
                return .stay
            }
        } catch {
            message = Self.flash(for: error, session: session)
            return .stay
        }
        stage = .emptyIdentity
        let effect = RequestEffect.of(kind, option.scope)
        if effect.isSelfService && !effect.exports {
            return carryOut(effect, kind: kind, scope: option.scope, details: form.details, session: session)
        }
        if effect.exports, let reference = form.resumableReference {
            return carryOutOpen(reference: reference, effect: effect, session: session)
        }
        do {
            let request = try RequestFiling.file(
                type: kind, scope: option.scope, details: form.details, session: session)
            if effect.exports {
                self.form?.resumableReference = request.reference
                return carryOutOpen(reference: request.reference, effect: effect, session: session)
            }
            stage = .receipt(request, outcome: .filed)
            message = nil
            return .filed(request)
        } catch RequestError.duplicate(let existingReference) {
            if let existing = try? session.requests.request(reference: existingReference) {
                stage = .scope(duplicate: OpenDuplicate(request: existing, carriesOut: false))
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
}
