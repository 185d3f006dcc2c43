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
    /// Who acted ("subscriber", "support", "system", "retention").
    public let actor: String
    /// What happened (e.g. "sign-in", "sign-in-failed", "account-created").
    public let action: String
    /// Free text detail; never holds a password.
    public let detail: String
}

/// Appends to and reads the audit log, so every security-relevant step leaves a trace.
public enum AuditLog {
    /// Appends one entry inside the caller's transaction.
    public static func append(
        _ db: Database, at: Date, accountId: Int64?, actor: String, action: String, detail: String = ""
    ) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (at, accountId, actor, action, detail) VALUES (?, ?, ?, ?, ?)",
            arguments: [at.epochSeconds, accountId, actor, action, detail])
    }

    /// The newest entries for an account, newest first.
    public static func entries(_ db: Database, accountId: Int64, limit: Int = 100) throws -> [AuditEntry] {
        try AuditEntry.fetchAll(
            db, sql: "SELECT * FROM audit_log WHERE accountId = ? ORDER BY at DESC, id DESC LIMIT ?",
            arguments: [accountId, limit])
    }
}
