public import Foundation
public import GRDB

/// One line of the append-only audit log: who did what to which account, and when.
public struct AuditEntry: Codable, Sendable, FetchableRecord {
    /// Row id.
    public let id: Int64
    /// When it happened (seconds since 1970).
    public let at: Int64
    /// The account concerned, if any.
    public let accountId: Int64?
    /// Who acted ("subscriber", "support", "staff", "system", "retention").
    public let actor: String
    /// What happened (e.g. "sign-in", "sign-in-failed", "account-created").
    public let action: String
    /// Free text detail; never holds a password.
    public let detail: String
    /// The staff account that acted, when a member of staff did (nil for entries before staff accounts existed).
    public let staffId: Int64?
    /// That staff account's role at the time.
    public let staffRole: String?
    /// Why staff acted: an access reason's stored form ("request:REF" or "ticket:TEXT").
    public let reason: String?
}

/// Appends to and reads the audit log, so every security-relevant step leaves a trace.
public enum AuditLog {
    /// Appends one entry inside the caller's transaction, chained to the entry before it.
    ///
    /// `staff` names the signed-in staff member (and the reason they gave) when staff acted.
    public static func append(
        _ db: Database, at: Date, accountId: Int64?, actor: String, action: String, detail: String = "",
        staff: StaffAccess? = nil
    ) throws {
        let link = AuditChain.Link(
            at: at.epochSeconds, accountId: accountId, actor: staff == nil ? actor : StaffAccess.auditActor,
            action: action, detail: detail, staffId: staff?.staff.id, staffRole: staff?.staff.role.rawValue,
            reason: staff?.reason?.storedForm)
        let previous = try AuditChain.head(db)
        try db.execute(
            sql: """
                INSERT INTO audit_log (at, accountId, actor, action, detail, staffId, staffRole, reason, prevHash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                link.at, link.accountId, link.actor, link.action, link.detail, link.staffId, link.staffRole,
                link.reason, previous, AuditChain.hash(link, after: previous),
            ])
    }

    /// The newest entries for an account, newest first.
    public static func entries(_ db: Database, accountId: Int64, limit: Int = 100) throws -> [AuditEntry] {
        try AuditEntry.fetchAll(
            db, sql: "SELECT * FROM audit_log WHERE accountId = ? ORDER BY at DESC, id DESC LIMIT ?",
            arguments: [accountId, limit])
    }
}
