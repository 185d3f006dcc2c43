public import Foundation
public import GRDB

/// The one check before a member of staff acts on a subscriber: the role must allow the action, and a
/// subscriber's data needs a reason (one of that subscriber's open requests, or a valid ticket reference).
public enum StaffAccessGuard {
    /// Refuses with `StaffError.notPermitted` when the role does not allow `action`; when `accountId` names a
    /// subscriber, with `.reasonRequired` without a reason, `.invalidTicket` for a malformed ticket and
    /// `.requestNotOpenForAccount` when the request given is not an open request of that subscriber.
    ///
    /// Runs inside the caller's transaction, so the check and what it guards see the same store.
    public static func check(
        _ access: StaffAccess, _ action: StaffAction, accountId: Int64?, _ db: Database
    ) throws {
        guard access.staff.may(action) else {
            throw StaffError.notPermitted(role: access.staff.role, action: action)
        }
        guard let accountId else { return }
        switch access.reason {
        case nil:
            throw StaffError.reasonRequired
        case .ticket(let text):
            guard try AccessReason.ticket(typed: text) == .ticket(text) else { throw StaffError.invalidTicket }
        case .request(let reference):
            guard let canonical = ReferenceNumber.normalise(reference),
                let status = try String.fetchOne(
                    db, sql: "SELECT status FROM rights_request WHERE reference = ? AND accountId = ?",
                    arguments: [canonical, accountId]),
                RequestStatus(rawValue: status)?.isOpen == true
            else { throw StaffError.requestNotOpenForAccount(reference: reference) }
        }
    }

    /// Checks that staff may read the subscriber's data for the reason given and records the read in the
    /// audit log, naming what was read, inside the caller's transaction.
    public static func recordRead(
        _ access: StaffAccess, _ read: StaffRead, accountId: Int64, at: Date, _ db: Database
    ) throws {
        try check(access, .readSubscriberData, accountId: accountId, db)
        try AuditLog.append(
            db, at: at, accountId: accountId, actor: StaffAccess.auditActor, action: read.auditAction,
            detail: read.auditDetail, staff: access)
    }
}
