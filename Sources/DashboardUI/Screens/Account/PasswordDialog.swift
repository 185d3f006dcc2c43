import PrivacyModel
import TerminalKit

/// Changes the password: the current one, the new one and its repetition, all masked.
@MainActor
struct PasswordDialog: AccountDialog, Equatable {
    private(set) var fields = [
        TextField(masked: true, maxLength: AccountService.maximumPasswordBytes),
        TextField(masked: true, maxLength: AccountService.maximumPasswordBytes),
        TextField(masked: true, maxLength: AccountService.maximumPasswordBytes),
    ]
    private(set) var focus = 0
    private(set) var error: String?
    /// Set by Enter on the last field: the check runs once the frame saying so is on screen.
    private(set) var isChecking = false

    private static let labelKeys = ["account.password.current", "account.password.new", "account.password.repeat"]

    /// Every field is typed into.
    var capturesText: Bool { true }

    /// Whether anything has been typed.
    var hasUnsavedInput: Bool { fields.contains { !$0.isEmpty } }

    /// Whether the password check waits to run.
    var hasPendingWork: Bool { isChecking }

    /// Enter, Tab between fields, Esc.
    var hintActions: [Action] { [.select, .nextFocus, .back] }

    /// Handles a key: editing, Tab/arrows between fields, Enter to go on or change, Esc to cancel.
    mutating func update(_ key: ScreenInput, session: Session) -> DialogOutcome {
        switch key.action {
        case .nextFocus, .down:
            focus = (focus + 1) % fields.count
        case .previousFocus, .up:
            focus = (focus + fields.count - 1) % fields.count
        case .select:
            if focus < fields.count - 1 {
                focus += 1
            } else {
                startChecking(session: session)
            }
        case .back: return .close
        case .quit: return .passThrough
        case .some: break
        case nil: _ = fields[focus].handle(key.key)
        }
        return .stay
    }

    /// What Enter does now, for the bottom bar: move on, or change the password on the last field; Esc cancels.
    func hintLabels(strings: Strings) -> [Action: String] {
        let enter = focus < fields.count - 1 ? "account.hint.nextField" : "account.hint.changePassword"
        return [.select: strings[enter], .back: strings["account.hint.cancel"]]
    }

    /// Enter on the last field: refuses empty fields at once, otherwise says the check is running and
    /// leaves the slow part (scrypt) to `performPendingWork`, which the dashboard calls once that frame is shown.
    private mutating func startChecking(session: Session) {
        if let empty = fields.firstIndex(where: \.isEmpty) {
            error = session.strings["account.password.missing"]
            focus = empty
            return
        }
        error = nil
        isChecking = true
    }

    /// Checks the current password and changes it (after Enter set `isChecking`).
    mutating func performPendingWork(session: Session) -> DialogOutcome {
        guard isChecking else { return .stay }
        isChecking = false
        let strings = session.strings
        do {
            try PasswordChangeService(context: session.context).change(
                accountId: session.account.id, current: fields[0].text, new: fields[1].text, repeated: fields[2].text)
            session.reloadAccount()
            session.show(strings["account.password.done"], .success)
            return .close
        } catch PasswordChangeError.wrongCurrentPassword {
            error = strings["account.password.wrong"]
            fields[0].set("")
            focus = 0
        } catch PasswordChangeError.mismatch {
            error = strings["account.password.mismatch"]
            fields[2].set("")
            focus = 2
        } catch PasswordChangeError.sameAsCurrent {
            error = strings["account.password.same"]
            fields[1].set("")
            fields[2].set("")
            focus = 1
        } catch AccountError.weakPassword(let length) {
            error = strings.plural("account.password.weak", count: length)
            focus = 1
        } catch PasswordChangeError.locked(let until) {
            error = strings("account.password.locked", ["time": session.formats.dateTime(until)])
        } catch {
            self.error = DialogMessage.text(for: error, strings: strings)
        }
        return .stay
    }

    /// Draws the dialog centred in `area`.
    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 66, height: 14, title: strings["account.password.title"])
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
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
            labels: Self.labelKeys.map { strings[$0] }, fields: fields, focus: focus, message: message)
        let keys = KeyHints.footer(
            [KeyHint(.nextFocus, label: "account.hint.nextField"), KeyHint(.select), KeyHint(.back)],
            labels: hintLabels(strings: strings),
            strings: strings, glyphs: canvas.glyphs)
        canvas.write(
            keys, x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
    }
}
