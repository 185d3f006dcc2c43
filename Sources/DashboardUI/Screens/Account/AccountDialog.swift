import PrivacyModel
import TerminalKit

/// A dialog over the Account screen: everything the screen asks of the one on show, so it forwards instead of
/// switching over each kind.
@MainActor
protocol AccountDialog: Sendable {
    /// Actions to offer in the bottom bar while the dialog is open, most important first.
    var hintActions: [Action] { get }
    /// Whether a text field has focus, so printable keys are text rather than commands.
    var capturesText: Bool { get }
    /// Whether closing now would lose typed input.
    var hasUnsavedInput: Bool { get }
    /// Whether a slow check (scrypt) waits to run once the frame saying so is on screen.
    var hasPendingWork: Bool { get }
    /// Bottom-bar labels where the key table's read wrong in the dialog's current state.
    func hintLabels(strings: Strings) -> [Action: String]
    /// Handles one key.
    mutating func update(_ input: ScreenInput, session: Session) -> DialogOutcome
    /// Runs the waiting check; the dashboard calls it right after presenting the frame that announces it.
    mutating func performPendingWork(session: Session) -> DialogOutcome
    /// Draws the dialog over `area`.
    func render(into canvas: inout Canvas, area: Rect, session: Session)
}

extension AccountDialog {
    /// Enter saves and Esc cancels, the commonest dialog.
    var hintActions: [Action] { [.select, .back] }
    /// Most dialogs hold no typed text.
    var hasUnsavedInput: Bool { false }
    /// Most dialogs never defer work.
    var hasPendingWork: Bool { false }
    /// Most dialogs never defer work.
    mutating func performPendingWork(session: Session) -> DialogOutcome { .stay }
    /// Enter saves and Esc cancels.
    func hintLabels(strings: Strings) -> [Action: String] {
        [.select: strings["account.hint.save"], .back: strings["account.hint.cancel"]]
    }
}
