public import Foundation
import GRDB

/// What closing the account of a subscriber found to be under age did: who decided, why, and what the purge
/// deleted and kept.
public struct UnderageClosureReceipt: Sendable, Equatable {
    /// The account closed.
    public let accountId: Int64
    /// When it was closed and purged.
    public let closedAt: Date
    /// The pseudonymous id of the approver who closed it.
    public let approver: String
    /// The reason they gave (a ticket, or one of the subscriber's open requests).
    public let reason: AccessReason
    /// What the purge deleted and what the catalogue's legal holds kept (payments for the tax years).
    public let purge: AccountPurgeResult
}

/// Closes the account of a subscriber found to be younger than the service's minimum age and deletes its data at
/// once, without the usual wait; what a legal hold keeps stays, as in every purge.
public struct UnderageClosure: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the closure to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Closes the account and purges it now through `AccountDeletionService`'s purge.
    ///
    /// `staff` needs `.closeUnderageAccount` (an approver) and a reason: a ticket, or an open request of this
    /// subscriber. The audit entry naming the approver and the reason is written before the purge starts; an
    /// interrupted purge is finished by the next retention run, since the account is due at once.
    public func close(accountId: Int64, staff: StaffAccess) throws -> UnderageClosureReceipt {
        guard staff.staff.may(.closeUnderageAccount) else {
            throw StaffError.notPermitted(role: staff.staff.role, action: .closeUnderageAccount)
        }
        let reason = try checkedReason(staff.reason, accountId: accountId)
        let now = Date(epochSeconds: context.now.epochSeconds)
        try context.store.write { db in
            guard
                let status = try String.fetchOne(
                    db, sql: "SELECT status FROM account WHERE id = ?", arguments: [accountId])
            else { throw AccountDeletionError.accountNotFound(accountId) }
            guard status != AccountStatus.purged.rawValue else { throw AccountDeletionError.alreadyPurged(accountId) }
            try db.execute(
                sql: """
                    UPDATE account SET status = ?, deletionRequestedAt = COALESCE(deletionRequestedAt, ?), purgeDueAt = ?
                    WHERE id = ?
                    """,
                arguments: [AccountStatus.deletionPending.rawValue, now.epochSeconds, now.epochSeconds, accountId])
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: RequestActor.support.rawValue,
                action: "account-closed-underage", detail: "purge due \(now.iso8601UTC)",
                staff: StaffAccess(staff: staff.staff, reason: reason))
        }
        let purge = try AccountDeletionService(context: context).performPurge(accountId: accountId, purgeDueAt: now)
        return UnderageClosureReceipt(
            accountId: accountId, closedAt: now, approver: staff.staff.pseudonym, reason: reason, purge: purge)
    }

    /// The reason when there is one and it holds: a well-formed ticket, or an open request of this account.
    private func checkedReason(_ reason: AccessReason?, accountId: Int64) throws -> AccessReason {
        switch reason {
        case nil: throw StaffError.reasonRequired
        case .ticket(let ticket)?: return try AccessReason.ticket(typed: ticket)
        case .request(let typed)?:
            guard let request = try RequestService(context: context).request(reference: typed),
                request.accountId == accountId, request.isOpen
            else { throw StaffError.requestNotOpenForAccount(reference: typed) }
            return .request(request.reference)
        }
    }
}
