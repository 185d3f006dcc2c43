public import Foundation

/// One line of a subscriber's "who has seen my data": when, who (a staff role and pseudonymous id, or the
/// system), why, and what was read or changed, kept as codes so it is put into words in the reader's language.
public struct DataAccessEntry: Sendable, Equatable {
    /// Who acted.
    public enum Actor: Sendable, Equatable {
        /// A member of staff: their role at the time and the pseudonymous id subscribers see (never a name).
        case staff(role: StaffRole?, pseudonym: String)
        /// The program itself (retention runs, purges, automatic steps).
        case system
    }

    /// The audit entry's id.
    public let id: Int64
    /// When it happened.
    public let at: Date
    /// Who acted.
    public let actor: Actor
    /// Why staff acted (nil for the system).
    public let reason: AccessReason?
    /// What was read or changed: the audit action code, put into words by the `access.action.<code>` strings.
    public let action: String
    /// The code naming exactly what was read (a record set, an export format, a request reference), if any.
    public let subject: String?

    /// The strings key of the words for `action`.
    public var actionKey: String { "access.action.\(action)" }
}
