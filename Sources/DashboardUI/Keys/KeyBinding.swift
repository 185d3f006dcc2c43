public import TerminalKit

/// Where a binding applies; the help overlay groups bindings by it.
public enum BindingContext: String, Sendable, CaseIterable {
    /// Anywhere (text fields keep printable keys for themselves).
    case global
    /// Lists, tables and scrolling text.
    case navigation
    /// Forms and dialogs.
    case form
    /// My data.
    case myData
    /// Preferences.
    case preferences
    /// Requests.
    case requests
    /// Account.
    case account
    /// Policy.
    case policy
    /// A checklist (the categories of a portability export).
    case checklist
    /// A yes/no question.
    case confirmation
    /// Editing inside a text field.
    case textField
    /// The notice shown when the terminal is below the minimum size.
    case tooSmall
    /// The Overview.
    case overview
    /// A breach notice on show (at sign-in or from the Notices list).
    case notice
    /// The staff console's request queue.
    case consoleQueue
    /// One request in the staff console.
    case consoleRequest
    /// The staff console's audit log (auditors).
    case consoleAudit
    /// The staff console's staff accounts (owners).
    case consoleStaff
    /// The staff console's dialog for a staff account (choosing a role).
    case consoleStaffDialog
    /// The staff console's breach register.
    case consoleBreaches

    /// The contexts only the staff console uses (the subscriber's help leaves them out).
    public static let console: Set<BindingContext> = [
        .consoleQueue, .consoleRequest, .consoleAudit, .consoleStaff, .consoleStaffDialog, .consoleBreaches,
    ]
}

/// One row of the key-binding table: keys, the action, where it applies and its help text.
public struct KeyBinding: Sendable {
    /// What the keys do.
    public let action: Action
    /// The keys, the first being the one shown in hints.
    public let keys: [Key]
    /// Where it applies.
    public let context: BindingContext
    /// Strings key of the short label in the bottom bar, e.g. "toggle".
    public let hint: String
    /// Strings key of the sentence in the help overlay.
    public let help: String

    /// Makes a binding; the strings keys are derived from the action name.
    public init(_ action: Action, _ keys: [Key], _ context: BindingContext) {
        self.action = action
        self.keys = keys
        self.context = context
        hint = "key.\(action.rawValue).hint"
        help = "key.\(action.rawValue).help"
    }
}
