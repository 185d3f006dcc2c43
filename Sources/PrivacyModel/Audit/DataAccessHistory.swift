import Foundation
import GRDB

/// "Who has seen my data": every staff read or change of one subscriber's data, and every step the system took on
/// it, from the audit log; the dashboard, the access report and the export show the same list.
public struct DataAccessHistory: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// The audit actors that mean the program itself.
    static let systemActors = [RequestActor.system.rawValue, "retention"]

    /// The actions whose detail is a code that may be shown (a reference, a record set, a format).
    static let codeDetailActions = StaffRead.auditActions.union([RetentionService.deletionAuditAction])

    /// Binds the history to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// The account's entries, newest first.
    public func entries(accountId: Int64) throws -> [DataAccessEntry] {
        try context.store.read { db in try Self.entries(accountId: accountId, db) }
    }

    /// The account's entries read inside the caller's transaction, newest first.
    static func entries(accountId: Int64, _ db: Database) throws -> [DataAccessEntry] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT audit_log.id, audit_log.at, audit_log.action, audit_log.detail, audit_log.staffId,
                       audit_log.staffRole, audit_log.reason, staff.pseudonym
                FROM audit_log LEFT JOIN staff ON staff.id = audit_log.staffId
                WHERE audit_log.accountId = ?
                  AND (audit_log.staffId IS NOT NULL OR audit_log.actor IN (?, ?))
                ORDER BY audit_log.at DESC, audit_log.id DESC
                """,
            arguments: [accountId, systemActors[0], systemActors[1]])
        return rows.map { row in
            let action: String = row["action"]
            let staffId: Int64? = row["staffId"]
            let actor: DataAccessEntry.Actor =
                staffId.map { id in
                    .staff(
                        role: (row["staffRole"] as String?).flatMap(StaffRole.init(rawValue:)),
                        pseudonym: row["pseudonym"] ?? "S-\(id)")
                } ?? .system
            let detail: String = row["detail"]
            return DataAccessEntry(
                id: row["id"], at: Date(epochSeconds: row["at"]), actor: actor,
                reason: (row["reason"] as String?).flatMap(AccessReason.init(storedForm:)), action: action,
                subject: codeDetailActions.contains(action) && !detail.isEmpty ? detail : nil)
        }
    }
}
