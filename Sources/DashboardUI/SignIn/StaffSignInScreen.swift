import Foundation
import PrivacyModel
import TerminalKit

/// The staff door's sign-in: username and password, then a code from the authenticator (or a recovery code), or,
/// for an account still enrolling, a new password, the authenticator set-up and the recovery codes shown once.
///
/// Only staff accounts are checked here (`StaffSignInService`); subscribers sign in on `SignInScreen`.
@MainActor
struct StaffSignInScreen {
    /// Where the sign-in stands.
    private enum Phase {
        case credentials
        case code(StaffPasswordStep)
        case newPassword(StaffPasswordStep)
        case enrolment(StaffEnrolment)
        case recoveryCodes(StaffEnrolmentResult)
    }

    /// What a key or a check led to.
    enum Outcome {
        case stay
        /// Signed in with both factors: open the console.
        case signedIn(StaffIdentity)
    }

    private var phase = Phase.credentials
    private var username = TextField(maxLength: 32)
    private var password = TextField(masked: true, maxLength: AccountService.maximumPasswordBytes)
    private var code = TextField(maxLength: 32)
    private var newPasswords = [
        TextField(masked: true, maxLength: AccountService.maximumPasswordBytes),
        TextField(masked: true, maxLength: AccountService.maximumPasswordBytes),
    ]
    private var focus = 0
    private var message: Flash?
    /// Set by Enter: the check (scrypt, or the code) runs once the frame saying so is on screen.
    private(set) var isChecking = false

    /// An empty form, with an optional message (after an idle sign-out or a quit console).
    init(message: Flash? = nil) { self.message = message }

    /// Whether anything secret is held: typed text, a checked password, a secret being set up or recovery codes.
    var hasUnsavedInput: Bool {
        if case .credentials = phase { return !username.isEmpty || !password.isEmpty }
        return true
    }

    /// The recovery codes are on show: no field takes text, Enter goes on.
    var capturesText: Bool {
        if case .recoveryCodes = phase { return false }
        return true
    }

    /// Enter, and Tab where there are two fields.
    var hintActions: [Action] {
        switch phase {
        case .credentials: [.nextFocus, .select]
        case .newPassword: [.nextFocus, .select, .back]
        case .code, .enrolment: [.select, .back]
        case .recoveryCodes: [.select]
        }
    }

    /// What Enter does on each step.
    func hintLabels(strings: Strings) -> [Action: String] {
        switch phase {
        case .credentials: [.select: strings["signin.submit"]]
        case .code, .enrolment: [.select: strings["staffSignIn.checkCode"], .back: strings["account.hint.cancel"]]
        case .newPassword: [.select: strings["account.hint.changePassword"], .back: strings["account.hint.cancel"]]
        case .recoveryCodes: [.select: strings["staffSignIn.recovery.goOn"]]
        }
    }

    // MARK: - Keys

    /// Handles a key: editing, Tab between two fields, Enter to check.
    mutating func update(_ input: ScreenInput, strings: Strings) -> Outcome {
        switch phase {
        case .credentials: return updateCredentials(input, strings: strings)
        case .code, .enrolment:
            if input.action == .select {
                guard !code.isEmpty else {
                    message = Flash(text: strings["staffSignIn.code.missing"], kind: .warning)
                    return .stay
                }
                startChecking(strings["staffSignIn.code.checking"])
            } else if input.action == .back {
                self = StaffSignInScreen()
            } else {
                _ = code.handle(input.key)
            }
        case .newPassword:
            switch input.action {
            case .nextFocus, .previousFocus, .up, .down: focus = 1 - focus
            case .select:
                if focus == 0 {
                    focus = 1
                } else if let empty = newPasswords.firstIndex(where: \.isEmpty) {
                    message = Flash(text: strings["signin.mustChange.missing"], kind: .warning)
                    focus = empty
                } else if newPasswords[0].text != newPasswords[1].text {
                    message = Flash(text: strings["account.password.mismatch"], kind: .danger)
                    newPasswords[1].set("")
                } else {
                    startChecking(strings["account.password.checking"])
                }
            case .back: self = StaffSignInScreen()
            default: _ = newPasswords[focus].handle(input.key)
            }
        case .recoveryCodes(let result):
            if input.action == .select {
                self = StaffSignInScreen()
                return .signedIn(result.identity)
            }
        }
        return .stay
    }

    private mutating func updateCredentials(_ input: ScreenInput, strings: Strings) -> Outcome {
        switch input.action {
        case .nextFocus, .down, .previousFocus, .up:
            focus = 1 - focus
        case .select:
            if focus == 0 {
                focus = 1
            } else if username.text.trimmingCharacters(in: .whitespaces).isEmpty || password.isEmpty {
                message = Flash(text: strings["staffSignIn.missing"], kind: .warning)
            } else {
                startChecking(strings["signin.checking"])
            }
        case .back:
            focus = 0
        default:
            if focus == 0 { _ = username.handle(input.key) } else { _ = password.handle(input.key) }
        }
        return .stay
    }

    private mutating func startChecking(_ text: String) {
        isChecking = true
        message = Flash(text: text, kind: .info)
    }

    // MARK: - Checks

    /// Runs the check Enter asked for through the model, once the "checking" frame is on screen.
    mutating func performPendingWork(context: PrivacyContext, strings: Strings) -> Outcome {
        guard isChecking else { return .stay }
        isChecking = false
        message = nil
        do {
            switch phase {
            case .credentials:
                let step = try StaffSignInService(context: context).checkPassword(
                    username: username.text, password: password.text)
                password.set("")
                username.set("")
                focus = 0
                switch step.status {
                case .enrolling where step.mustChangePassword: phase = .newPassword(step)
                case .enrolling:
                    phase = .enrolment(try StaffEnrolmentService(context: context).begin(step, newPassword: nil))
                case .active, .disabled: phase = .code(step)
                }
            case .code(let step):
                let typed = code.text
                code.set("")
                return .signedIn(try StaffSignInService(context: context).completeSignIn(step, code: typed))
            case .newPassword(let step):
                let typed = newPasswords[0].text
                clearNewPasswords()
                phase = .enrolment(try StaffEnrolmentService(context: context).begin(step, newPassword: typed))
            case .enrolment(let enrolment):
                let typed = code.text
                code.set("")
                phase = .recoveryCodes(try StaffEnrolmentService(context: context).finish(enrolment, code: typed))
            case .recoveryCodes:
                break
            }
        } catch {
            refused(error, context: context, strings: strings)
        }
        return .stay
    }

    /// Says why the model refused; a lock or an expired step goes back to the first form, where it applies.
    private mutating func refused(_ error: any Error, context: PrivacyContext, strings: Strings) {
        password.set("")
        clearNewPasswords()
        let formats = Formats(language: strings.language)
        let text: String
        switch error {
        case StaffError.locked(let until):
            let minutes = max(1, Int((until.timeIntervalSince(context.now) / 60).rounded(.up)))
            text = strings.plural("signin.locked", count: minutes, ["time": formats.time(until)])
        case AccountError.weakPassword(let length):
            text = strings.plural("account.password.weak", count: length)
        case PasswordChangeError.sameAsCurrent:
            text = strings["account.password.same"]
        default:
            text = strings.message(for: error, formats: formats)
        }
        switch error {
        case StaffError.locked, StaffError.sessionExpired, StaffError.disabled, StaffError.alreadyEnrolled:
            self = StaffSignInScreen()
        default:
            focus = 0
        }
        message = Flash(text: text, kind: .danger)
    }

    private mutating func clearNewPasswords() {
        newPasswords[0].set("")
        newPasswords[1].set("")
    }

    // MARK: - Drawing

    /// Draws the current step centred in `area` (the enrolment uses the whole area, for the QR code).
    func render(into canvas: inout Canvas, area: Rect, strings: Strings) {
        let flash = message.map { FieldForm.Message($0.text, style: $0.style) }
        switch phase {
        case .credentials:
            form(
                into: &canvas, area: area, title: strings["staffSignIn.title"], intro: strings["staffSignIn.intro"],
                labels: [strings["staffSignIn.username"], strings["signin.password"]], fields: [username, password],
                message: flash)
        case .code(let step):
            form(
                into: &canvas, area: area, title: strings["staffSignIn.title"],
                intro: strings("staffSignIn.code.intro", ["username": step.username]),
                labels: [strings["staffSignIn.code"]], fields: [code], message: flash)
        case .newPassword:
            form(
                into: &canvas, area: area, title: strings["staffSignIn.newPassword.title"],
                intro: strings["staffSignIn.newPassword.intro"],
                labels: [strings["account.password.new"], strings["account.password.repeat"]], fields: newPasswords,
                message: flash)
        case .enrolment(let enrolment):
            StaffEnrolmentView.render(
                enrolment, code: code, message: flash, into: &canvas, area: area, strings: strings)
        case .recoveryCodes(let result):
            StaffEnrolmentView.render(recoveryCodes: result.recoveryCodes, into: &canvas, area: area, strings: strings)
        }
    }

    private func form(
        into canvas: inout Canvas, area: Rect, title: String, intro: String, labels: [String], fields: [TextField],
        message: FieldForm.Message?
    ) {
        let inner = Dialog.frame(
            into: &canvas, area: area, width: min(66, area.width - 2), height: min(area.height, 12), title: title)
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
        for line in TextWrap.lines(intro, width: inner.width, maxLines: 2) {
            canvas.write(line, x: inner.x, y: y, width: inner.width, style: .muted)
            y += 1
        }
        y += 1
        FieldForm.render(
            into: &canvas, x: inner.x, y: y, width: inner.width, labelWidth: min(18, inner.width / 3),
            labels: labels, fields: fields, focus: min(focus, fields.count - 1), message: message)
    }
}
