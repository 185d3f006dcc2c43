public import Foundation
import GRDB

/// A subscriber's side of the breach register: the notices they were sent, the ones still to read before any
/// other screen, and their acknowledgements.
public struct BreachNoticeService: Sendable {
    /// The audit action written when a subscriber acknowledges a notice (detail: breach reference and version).
    public static let acknowledgedAction = "breach-notice-acknowledged"

    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Every notice the account was sent, newest breach first.
    public func notices(accountId: Int64) throws -> [BreachNotice] {
        try context.store.read { db in try Self.notices(accountId: accountId, db) }
    }

    /// The notices the subscriber must read at sign-in: never acknowledged or updated since, oldest first.
    public func unacknowledged(accountId: Int64) throws -> [BreachNotice] {
        try notices(accountId: accountId).filter(\.needsAcknowledgement).reversed()
    }

    /// The notices of breaches still open (published, not closed): the Overview's alert.
    public func open(accountId: Int64) throws -> [BreachNotice] {
        try notices(accountId: accountId).filter { $0.breach.status == .published }
    }

    /// Records that the subscriber read the notice in its current version. Returns false, writing nothing, when
    /// that version was already acknowledged.
    @discardableResult
    public func acknowledge(accountId: Int64, noticeId: Int64) throws -> Bool {
        let now = context.now
        return try context.store.write { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT breach_notice.acknowledgedVersion, breach_notice.version, breach.reference
                        FROM breach_notice JOIN breach ON breach.id = breach_notice.breachId
                        WHERE breach_notice.id = ? AND breach_notice.accountId = ?
                        """,
                    arguments: [noticeId, accountId])
            else { throw BreachError.noticeNotFound }
            let version: Int = row["version"]
            let acknowledged: Int = row["acknowledgedVersion"]
            guard acknowledged < version else { return false }
            try db.execute(
                sql: "UPDATE breach_notice SET acknowledgedVersion = ?, acknowledgedAt = ? WHERE id = ?",
                arguments: [version, now.epochSeconds, noticeId])
            let reference: String = row["reference"]
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: "subscriber", action: Self.acknowledgedAction,
                detail: "\(reference) v\(version)")
            return true
        }
    }

    /// The account's notices read inside the caller's transaction, newest breach first.
    static func notices(accountId: Int64, _ db: Database) throws -> [BreachNotice] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT breach.*, breach_notice.id AS noticeId, breach_notice.version AS noticeVersion,
                       breach_notice.involved, breach_notice.notInvolved,
                       breach_notice.notifiedAt, breach_notice.byEmail, breach_notice.acknowledgedVersion,
                       breach_notice.acknowledgedAt
                FROM breach_notice JOIN breach ON breach.id = breach_notice.breachId
                WHERE breach_notice.accountId = ? AND breach.status != 'draft'
                ORDER BY breach.discoveredAt DESC, breach.id DESC
                """,
            arguments: [accountId])
        return rows.compactMap { row in
            guard let breach = Breach(row: row) else { return nil }
            let involved: String = row["involved"]
            let notInvolved: String = row["notInvolved"]
            return BreachNotice(
                id: row["noticeId"], breach: breach, involved: involved.split(separator: ",").map(String.init),
                notInvolved: notInvolved.split(separator: ",").map(String.init), version: row["noticeVersion"],
                notifiedAt: Date(epochSeconds: row["notifiedAt"]), byEmail: row["byEmail"],
                acknowledgedVersion: row["acknowledgedVersion"],
                acknowledgedAt: (row["acknowledgedAt"] as Int64?).map(Date.init(epochSeconds:)))
        }
    }
}
