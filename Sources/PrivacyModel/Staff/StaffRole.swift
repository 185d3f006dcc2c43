/// What a member of staff is there to do; what each role may do is `StaffPermissions`.
public enum StaffRole: String, CaseIterable, Codable, Sendable {
    /// Manages staff accounts and roles, and nothing else.
    case owner
    /// The data-protection officer: an agent's work plus approving erasures, account deletions and closures.
    case approver
    /// Works the request queue and reads a subscriber's data for a stated reason.
    case agent
    /// Reads the audit log and the queue's figures, never a subscriber's personal data.
    case auditor
}
