/// Everything a member of staff can be allowed or refused, so the console, the CLI and the tests ask the same
/// question of `StaffPermissions`.
public enum StaffAction: String, CaseIterable, Codable, Sendable {
    /// Create staff accounts, change roles, disable accounts, reissue enrolment.
    case manageStaff = "manage-staff"
    /// See the open requests queue with its deadlines (no personal data beyond reference and deadlines).
    case viewQueue = "view-queue"
    /// See the queue's figures (counts open, due soon, overdue).
    case viewQueueFigures = "view-queue-figures"
    /// Read the audit log.
    case readAuditLog = "read-audit-log"
    /// Read a subscriber's personal data (request details, data summary, records, exports, reports), with a reason.
    case readSubscriberData = "read-subscriber-data"
    /// Confirm receipt of a request.
    case acknowledgeRequest = "acknowledge-request"
    /// Record that the requester's identity was checked.
    case verifyIdentity = "verify-identity"
    /// Start work on a request.
    case startRequest = "start-request"
    /// Complete a request whose completion needs no approver (access, portability, correction, ...).
    case completeRequest = "complete-request"
    /// Complete an erasure of a category or an account deletion (the second pair of eyes).
    case approveErasure = "approve-erasure"
    /// Refuse a request with a reason.
    case denyRequest = "deny-request"
    /// Extend a request's deadline once, with a reason.
    case extendRequest = "extend-request"
    /// File a request for a subscriber who asked by email, chat, phone or post.
    case fileOnBehalf = "file-on-behalf"
    /// Reset a subscriber's password after verifying their identity.
    case resetSubscriberPassword = "reset-subscriber-password"
    /// Create subscriber accounts and list them.
    case manageSubscribers = "manage-subscribers"
    /// Close the account of a subscriber found to be under 18, deleting its data at once.
    case closeUnderageAccount = "close-underage-account"
    /// Record breaches and publish breach notices.
    case manageBreaches = "manage-breaches"
    /// See the breach register: deadlines and counts, no subscriber's personal data.
    case viewBreaches = "view-breaches"
    /// Publish policy versions (next issue).
    case publishPolicy = "publish-policy"
    /// See the mail outbox (recipients, kinds, statuses, error codes) to follow up failed mail.
    case viewOutbox = "view-outbox"
}
