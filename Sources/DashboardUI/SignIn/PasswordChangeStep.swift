import Foundation
import PrivacyModel
import TerminalKit

/// The sign-in step after a one-time password staff set: the subscriber chooses a new password (typed twice)
/// before any other screen opens; the one-time password they just typed is the current one.
struct PasswordChangeStep: Sendable {
    /// The account signed in with the one-time password.
    let account: Account
    /// Failed sign-ins to tell of once the dashboard opens.
    let failures: FailedSignIns?
    /// The one-time password typed on the form, checked again by the change.
    private let oneTimePassword: String
    private var fields = [
        TextField(masked: true, maxLength: AccountService.maximumPasswordBytes),
        TextField(masked: true, maxLength: AccountService.maximumPasswordBytes),
    ]
    private var focus = 0
    private var error: String?
    /// Set by Enter on the last field: the change (scrypt) runs once the frame saying so is on screen.
    private(set) var isChecking = false

    /// What a key or the change led to.
    enum Outcome {
        /// Still choosing.
        case stay
        /// Esc: back to the empty sign-in form, not signed in.
        case cancel
        /// Changed: the account as it now stands.
        case changed(Account)
    }

    /// Starts the step for an account that signed in with `oneTimePassword`.
    init(account: Account, failures: FailedSignIns?, oneTimePassword: String) {
        self.account = account
        self.failures = failures
        self.oneTimePassword = oneTimePassword
    }

    /// Handles a key: editing, Tab/arrows between the fields, Enter to go on or change, Esc to leave.
    mutating func update(_ input: ScreenInput, strings: Strings) -> Outcome {
        switch input.action {
        case .nextFocus, .down, .previousFocus, .up:
            focus = 1 - focus
        case .select:
            if focus == 0 {
                focus = 1
            } else if let empty = fields.firstIndex(where: \.isEmpty) {
                error = strings["signin.mustChange.missing"]
                focus = empty
            } else {
                error = nil
                isChecking = true
            }
        case .back:
            return .cancel
        default:
            _ = fields[focus].handle(input.key)
        }
        return .stay
    }

    /// Changes the password through the model (after Enter set `isChecking`), or says why it could not.
    mutating func performPendingWork(context: PrivacyContext, strings: Strings) -> Outcome {
        guard isChecking else { return .stay }
        isChecking = false
        do {
            try PasswordChangeService(context: context).change(
                accountId: account.id, current: oneTimePassword, new: fields[0].text, repeated: fields[1].text)
            return .changed(try AccountService(context: context).account(id: account.id) ?? account)
        } catch PasswordChangeError.mismatch {
            error = strings["account.password.mismatch"]
            fields[1].set("")
            focus = 1
        } catch PasswordChangeError.sameAsCurrent {
            error = strings["account.password.same"]
            clear()
        } catch AccountError.weakPassword(let length) {
            error = strings.plural("account.password.weak", count: length)
            clear()
        } catch {
            self.error = strings.message(for: error, formats: Formats(language: strings.language))
            clear()
        }
        return .stay
    }

    private mutating func clear() {
        fields[0].set("")
        fields[1].set("")
        focus = 0
    }

    /// Draws the step centred in `area`.
    func render(into canvas: inout Canvas, area: Rect, strings: Strings) {
        let inner = Dialog.frame(
            into: &canvas, area: area, width: min(66, area.width - 2), height: min(area.height, 13),
            title: strings["signin.mustChange.title"])
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
        for line in TextWrap.lines(strings["signin.mustChange.intro"], width: inner.width, maxLines: 2) {
            canvas.write(line, x: inner.x, y: y, width: inner.width, style: .muted)
            y += 1
        }
        canvas.write(
            strings.plural("account.password.intro", count: AccountService.minimumPasswordLength), x: inner.x, y: y,
            width: inner.width, style: .muted)
        y += 2
        let message: FieldForm.Message? =
            isChecking
            ? FieldForm.Message(strings["account.password.checking"], style: .accent)
            : error.map { FieldForm.Message($0, style: .danger) }
        FieldForm.render(
            into: &canvas, x: inner.x, y: y, width: inner.width, labelWidth: min(18, inner.width / 3),
            labels: [strings["account.password.new"], strings["account.password.repeat"]], fields: fields,
            focus: focus, message: message)
    }
}
