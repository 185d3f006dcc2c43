public import Foundation
import GRDB

/// One outbox row as staff see it: no address and no wording, only what following up a failed mail needs.
public struct OutboxEntry: Sendable, Equatable, Codable {
    /// The row's id.
    public let id: Int64
    /// The account the mail is for (nil for a purge confirmation whose account is gone).
    public let accountId: Int64?
    /// The message kind's code.
    public let kind: String
    /// pending, sending, sent or failed.
    public let status: String
    /// How many times it was handed to sendmail.
    public let attempts: Int
    /// The last failure's code.
    public let lastError: String?
    /// When it was queued.
    public let createdAt: Date
    /// When it was sent.
    public let sentAt: Date?
}

/// Reads the outbox for staff allowed `StaffAction.viewOutbox`.
public struct OutboxListing: Sendable {
    /// The statuses a row can have.
    public static let statuses = ["pending", "sending", "sent", "failed"]
    let context: PrivacyContext

    /// A listing over the context's store.
    public init(context: PrivacyContext) { self.context = context }

    /// The newest rows first, optionally only one status; refused unless `staff` may view the outbox.
    public func entries(staff: StaffIdentity, status: String? = nil, limit: Int = 500) throws -> [OutboxEntry] {
        guard staff.may(.viewOutbox) else { throw StaffError.notPermitted(role: staff.role, action: .viewOutbox) }
        return try context.store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, accountId, kind, status, attempts, lastError, createdAt, sentAt FROM outbox
                    WHERE ? IS NULL OR status = ? ORDER BY createdAt DESC, id DESC LIMIT ?
                    """, arguments: [status, status, limit]
            ).map {
                OutboxEntry(
                    id: $0["id"], accountId: $0["accountId"], kind: $0["kind"], status: $0["status"],
                    attempts: $0["attempts"], lastError: $0["lastError"],
                    createdAt: Date(epochSeconds: $0["createdAt"]),
                    sentAt: ($0["sentAt"] as Int64?).map(Date.init(epochSeconds:)))
            }
        }
    }
}
