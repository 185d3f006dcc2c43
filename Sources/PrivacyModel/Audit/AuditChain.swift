import Crypto
public import Foundation
public import GRDB

/// The audit log's hash chain: each entry's hash covers its own fields and the hash of the entry before it, so an
/// edited, removed or reordered entry breaks every hash after it.
public enum AuditChain {
    /// The hash the first entry follows.
    static let genesis = String(repeating: "0", count: 64)

    /// The fields of one entry that its hash covers.
    struct Link {
        let at: Int64
        let accountId: Int64?
        let actor: String
        let action: String
        let detail: String
        let staffId: Int64?
        let staffRole: String?
        let reason: String?

        /// Reads the covered fields from an audit_log row.
        init(row: Row) {
            self.init(
                at: row["at"], accountId: row["accountId"], actor: row["actor"], action: row["action"],
                detail: row["detail"], staffId: row["staffId"], staffRole: row["staffRole"], reason: row["reason"])
        }

        init(
            at: Int64, accountId: Int64?, actor: String, action: String, detail: String, staffId: Int64?,
            staffRole: String?, reason: String?
        ) {
            self.at = at
            self.accountId = accountId
            self.actor = actor
            self.action = action
            self.detail = detail
            self.staffId = staffId
            self.staffRole = staffRole
            self.reason = reason
        }
    }

    /// SHA-256 over the previous hash and each field, length-prefixed so no two different entries encode alike.
    static func hash(_ link: Link, after previous: String) -> String {
        var text = ""
        for field in [
            previous, String(link.at), link.accountId.map(String.init) ?? "-", link.actor, link.action, link.detail,
            link.staffId.map(String.init) ?? "-", link.staffRole ?? "-", link.reason ?? "-",
        ] {
            text += "\(field.utf8.count):\(field);"
        }
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The hash the next entry must follow: the newest entry's, or the genesis value on an empty log.
    static func head(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1") ?? genesis
    }

    /// Where the chain first fails to verify, if anywhere.
    public struct Break: Sendable, Equatable {
        /// The id of the first entry whose stored hashes do not match what its fields and predecessor give.
        public let entryId: Int64
    }

    /// Verifies a store's whole audit log in one read transaction (what `check` runs).
    public static func verify(store: PrivacyStore) throws -> Break? {
        try store.read { db in try verify(db) }
    }

    /// Walks the whole log in id order and returns the first entry that breaks the chain, or nil when it holds.
    public static func verify(_ db: Database) throws -> Break? {
        var previous = genesis
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY id")
        while let row = try rows.next() {
            let id: Int64 = row["id"]
            let prevHash: String = row["prevHash"]
            let stored: String = row["hash"]
            guard prevHash == previous, stored == hash(Link(row: row), after: previous) else {
                return Break(entryId: id)
            }
            previous = stored
        }
        return nil
    }
}
