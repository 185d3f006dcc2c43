import PrivacyModel
import TerminalKit

/// Resets the password of the subscriber behind a request whose requester was verified: Enter sets a one-time
/// password through the model and shows it this once, with how to pass it on; it is never shown again.
@MainActor
struct ConsolePasswordResetDialog: ConsoleActionDialog {
    /// The request whose identity check allows the reset (the reason the audit entry names).
    let reference: String
    /// The subscriber's account.
    let accountId: Int64
    /// The subscriber's username, named in the title.
    let username: String
    /// The password once set, until the dialog closes.
    private(set) var password: OneTimePassword?
    /// The model's refusal, in the console's language.
    private(set) var error: String?

    /// A password on show must not vanish with a stray quit before it was passed on.
    var hasUnsavedInput: Bool { password != nil }

    /// Enter resets (then closes once the password was seen), Esc cancels or closes.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> ConsoleStepDialog.Outcome {
        switch input.action {
        case .quit: return .passThrough
        case .select where password == nil:
            do {
                password = try AssistedPasswordReset(context: session.context).reset(
                    accountId: accountId, staff: StaffAccess(staff: session.staff, reason: .request(reference)))
                error = nil
            } catch {
                self.error = session.message(for: error)
            }
            return .stay
        case .select, .back:
            guard password != nil else { return .close }
            return .done(session.strings("console.reset.done", ["name": username]))
        default: return .stay
        }
    }

    /// Draws the question, or the password with what to do with it.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession) {
        let strings = session.strings
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 70, height: 14,
            title: strings("console.reset.title", ["name": username]))
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
        if let password {
            canvas.write(strings["console.reset.password"], x: inner.x, y: y, width: inner.width, style: .heading)
            canvas.write(password.password, x: inner.x + 2, y: y + 1, width: inner.width - 2, style: .success)
            y = paragraphs(
                [strings("console.reset.instruction", ["reference": reference])], into: &canvas, inner: inner,
                y: y + 3)
        } else {
            y = paragraphs(
                [strings("console.reset.intro", ["reference": reference])], into: &canvas, inner: inner, y: y,
                style: .muted)
        }
        if let error { _ = paragraphs([error], into: &canvas, inner: inner, y: y, style: .danger) }
        let hints =
            password == nil
            ? [KeyHint(.select, label: "console.reset.confirm"), KeyHint(.back)]
            : [KeyHint(.select, label: "console.reset.close")]
        canvas.write(
            KeyHints.footer(hints, strings: strings, glyphs: canvas.glyphs), x: inner.x, y: inner.maxY - 1,
            width: inner.width, style: .muted)
    }
}
