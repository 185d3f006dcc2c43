public import Foundation
import GRDB

/// Which policy version an account acknowledged, and when (if the store knows).
public struct PolicyAcknowledgement: Sendable, Equatable {
    /// The acknowledged version.
    public let version: String
    /// When it was acknowledged: the audit entry's time, or the account's opening for the version accepted at sign-up.
    public let at: Date?

    /// Records an acknowledgement.
    public init(version: String, at: Date?) {
        self.version = version
        self.at = at
    }
}

/// Why a policy version could not be acknowledged.
public enum PolicyAcknowledgementError: UserFacingError, Equatable {
    /// Only the version in force can be acknowledged.
    case notCurrent(version: String, current: String)

    /// The failure's kind.
    public var kind: FailureKind { .usage }
}

extension AccountService {
    /// The audit action written when a subscriber acknowledges a policy version.
    public static let policyAcknowledgedAction = "policy-acknowledged"

    /// Stores that the account acknowledged the policy `version` (which must be the one in force).
    ///
    /// The account row and an audit entry are written in one transaction. Returns false, writing
    /// nothing, when the account had already acknowledged this version.
    @discardableResult
    public func acknowledgePolicy(accountId: Int64, version: String, actor: String = "subscriber") throws -> Bool {
        let current = context.catalogue.version
        guard version == current else {
            throw PolicyAcknowledgementError.notCurrent(version: version, current: current)
        }
        let now = context.now
        return try context.store.write { db in
            guard let account = try Account.fetchOne(db, key: accountId) else {
                throw AccountError.notFound("account \(accountId)")
            }
            guard account.status == .active else { throw AccountError.notActive(account.username) }
            if account.acknowledgedPolicyVersion == version { return false }
            try db.execute(
                sql: "UPDATE account SET acknowledgedPolicyVersion = ? WHERE id = ?", arguments: [version, accountId])
            let previous = account.acknowledgedPolicyVersion ?? "none"
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: actor, action: Self.policyAcknowledgedAction,
                detail: "\(version) (previously \(previous))")
            return true
        }
    }

    /// The version the account last acknowledged and when, or nil when it never acknowledged one.
    ///
    /// The time comes from the newest acknowledgement in the audit log; a version accepted when the
    /// account was opened (and never acknowledged again) dates from the account's creation.
    public func policyAcknowledgement(accountId: Int64) throws -> PolicyAcknowledgement? {
        try context.store.read { db in
            guard let account = try Account.fetchOne(db, key: accountId) else {
                throw AccountError.notFound("account \(accountId)")
            }
            guard let version = account.acknowledgedPolicyVersion else { return nil }
            let logged = try Int64.fetchOne(
                db,
                sql: """
                    SELECT at FROM audit_log
                    WHERE accountId = ? AND action = ? AND (detail = ? OR detail LIKE ? ESCAPE '\\')
                    ORDER BY at DESC, id DESC LIMIT 1
                    """,
                arguments: [
                    accountId, Self.policyAcknowledgedAction, version, LikePattern.escaped(version) + " (%",
                ])
            let at = logged ?? account.createdAt
            return PolicyAcknowledgement(version: version, at: Date(epochSeconds: at))
        }
    }
}
