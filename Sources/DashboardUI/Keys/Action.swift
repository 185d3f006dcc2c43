/// Everything a key can ask the dashboard to do; the key-binding table maps keys to these.
public enum Action: String, Sendable, CaseIterable {
    /// Show the help overlay.
    case help
    /// Quit (asks first when a form has unsaved input).
    case quit
    /// Repaint the whole screen.
    case redraw
    /// Focus the next pane or field (or the next screen where nothing else takes focus).
    case nextFocus
    /// Focus the previous pane or field.
    case previousFocus
    /// Jump to a screen.
    case goOverview, goMyData, goPreferences, goRequests, goAccount, goPolicy, goHelp
    /// Move within a list or text.
    case up, down, left, right
    /// Move a page.
    case pageUp, pageDown
    /// Jump to the first or last item (newest or oldest record).
    case first, last
    /// Open or confirm.
    case select
    /// Close a detail, dialog or step, or leave a field.
    case back
    /// Filter the records shown.
    case filter
    /// Switch My data's viewing history between its details and its charts.
    case showCharts
    /// Ask for a correction of the selected record in My data (reviewed by support).
    case correctRecord
    /// Lift the restriction of the selected category (My data) or restriction request (Requests).
    case liftRestriction
    /// Switch a preference on or off.
    case toggle
    /// Show the consent history.
    case history
    /// File a new request.
    case newRequest
    /// Cancel the selected open request.
    case cancelRequest
    /// Correct a profile field.
    case editProfile
    /// Change the password.
    case changePassword
    /// Sign out.
    case signOut
    /// Start deleting the account (a dry run first).
    case deleteAccount
    /// Show who has seen or changed the subscriber's data (staff and the system).
    case accessLog
    /// Acknowledge the current policy version (or, in the change view, the coming version on show).
    case acknowledgePolicy
    /// Policy: show what a published version not yet acknowledged changes, and the ways to act before it applies.
    case policyChanges
    /// Policy: list every version with its dates, state and the subscriber's acknowledgement.
    case policyHistory
    /// Policy: object to a purpose before a change applies (opens the request wizard at the objection).
    case objectToPurpose
    /// Tick or untick the highlighted item of a checklist.
    case toggleItem
    /// Tick every item of a checklist, or none when all are ticked.
    case toggleAll
    /// Answer yes to a question such as "Quit anyway?" (any other key answers no).
    case confirm
    /// Move to the start of a text field.
    case lineStart
    /// Move to the end of a text field.
    case lineEnd
    /// Clear a text field.
    case clearLine
    /// Staff console: list only one status of the queue, the next one each time (then all again).
    case filterStatus
    /// Staff console: list only one right of the queue, the next one each time (then all again).
    case filterRight
    /// Staff console: list only overdue requests, or all again.
    case filterOverdue
    /// Staff console: search the queue by reference, email or username.
    case searchQueue
    /// Staff console: confirm receipt of the request.
    case acknowledgeRequest
    /// Staff console: record that the requester is the account holder.
    case verifyIdentity
    /// Staff console: start work on the request.
    case startRequest
    /// Staff console: carry the request out and complete it.
    case completeRequest
    /// Staff console: refuse the request with a reason.
    case denyRequest
    /// Staff console: move the due date later, once, with a reason.
    case extendRequest
    /// Staff console: file a request for a subscriber who asked by email, chat, phone or post.
    case fileOnBehalf
    /// Staff console: give a verified subscriber a one-time password.
    case resetSubscriberPassword
    /// Staff console: close the account of a subscriber found to be under age and delete its data at once.
    case closeUnderage
    /// Staff console, audit log: list only one member of staff's entries, the next one each time (then all again).
    case filterStaff
    /// Staff console, audit log: list only one action's entries, the next one each time (then all again).
    case filterAction
    /// Staff console, staff accounts: create an account.
    case newStaff
    /// Staff console, staff accounts: give the selected account another role.
    case changeRole
    /// Staff console, staff accounts: disable the selected account.
    case disableStaff
    /// Overview: open the list of breach notices.
    case openNotices
    /// A breach notice: record that it was read and go on.
    case acknowledgeNotice
    /// Staff console: open the breach register (deadlines, notices, acknowledgements).
    case breachRegister
    /// Staff console, breach register: publish the selected draft's notices.
    case publishBreach
    /// Staff console, breach register: close the selected published breach.
    case closeBreach
}
