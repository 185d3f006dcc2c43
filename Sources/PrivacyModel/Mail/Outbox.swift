public import Foundation
public import GRDB

/// The mail outbox: messages are queued here inside the transaction of the event that causes them, so an event
/// that is rolled back sends nothing and one that is committed cannot lose its message.
public enum Outbox {
    /// Queues one message of `kind` to the account's sign-in email (the address the account was opened with), in the account's language, inside the caller's
    /// transaction. `params` are codes and values the wording is built from when the message is sent (a
    /// reference, a date, category codes), never prose and never more personal data than the message needs.
    /// Returns the outbox row's id, or nil when the account has no address to write to.
    @discardableResult
    public static func enqueue(
        _ db: Database, at: Date, accountId: Int64, kind: MailKind, params: [String: String] = [:],
        requestId: Int64? = nil, breachId: Int64? = nil, policyVersion: String? = nil
    ) throws -> Int64? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: "SELECT email, language FROM account WHERE id = ?", arguments: [accountId])
        else { return nil }
        let recipient: String = row["email"]
        guard !recipient.isEmpty else { return nil }
        let language: String = row["language"] ?? "en"
        return try enqueue(
            db, at: at, recipient: recipient, language: language, accountId: accountId, kind: kind, params: params,
            requestId: requestId, breachId: breachId, policyVersion: policyVersion)
    }

    /// Queues one message to an explicit address (for an account whose row no longer holds one, such as the
    /// purge confirmation), inside the caller's transaction.
    @discardableResult
    public static func enqueue(
        _ db: Database, at: Date, recipient: String, language: String, accountId: Int64?, kind: MailKind,
        params: [String: String] = [:], requestId: Int64? = nil, breachId: Int64? = nil,
        policyVersion: String? = nil
    ) throws -> Int64? {
        let encoded = try JSONEncoder.sortedKeys.encode(params)
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO outbox (accountId, recipient, language, kind, params, requestId, breachId, policyVersion,
                                    createdAt, nextAttemptAt)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        try insert.execute(
            arguments: [
                accountId, recipient, language, kind.rawValue, String(decoding: encoded, as: UTF8.self), requestId,
                breachId, policyVersion, at.epochSeconds, at.epochSeconds,
            ])
        return db.lastInsertedRowID
    }
}

extension JSONEncoder {
    /// An encoder with sorted keys, so the same parameters are stored as the same text.
    static var sortedKeys: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
