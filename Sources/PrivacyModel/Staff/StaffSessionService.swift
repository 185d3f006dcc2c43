import Crypto
public import Foundation
import GRDB

/// Kept staff sign-ins for the command line, like sudo's timestamp: a random token the caller keeps where only
/// its user can read it, and only the token's hash in the store, good until 15 minutes after its last use.
public struct StaffSessionService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// How long a kept sign-in lasts after its last use.
    public static let idleLifetime: TimeInterval = 15 * 60
    /// Random bytes in a token.
    static let tokenBytes = 32

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Keeps a sign-in and returns its token (64 hex digits), to be written where only this user can read it.
    public func keep(_ staff: StaffIdentity) throws -> String {
        let token = context.settings.random.bytes(Self.tokenBytes).map { String(format: "%02x", $0) }.joined()
        let now = context.now
        try context.store.write { db in
            try db.execute(sql: "DELETE FROM staff_session WHERE expiresAt <= ?", arguments: [now.epochSeconds])
            try db.execute(
                sql: "INSERT INTO staff_session (staffId, tokenHash, createdAt, expiresAt) VALUES (?, ?, ?, ?)",
                arguments: [
                    staff.id, Self.hash(token), now.epochSeconds,
                    now.addingTimeInterval(Self.idleLifetime).epochSeconds,
                ])
        }
        return token
    }

    /// The staff member a kept token belongs to, with the role the store holds now; each use moves the expiry
    /// 15 minutes on. An unknown, expired or disabled one is `StaffError.sessionExpired`.
    public func resume(token: String) throws -> StaffIdentity {
        let now = context.now
        return try context.store.write { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT staff.*, staff_session.id AS sessionId FROM staff_session
                    JOIN staff ON staff.id = staff_session.staffId
                    WHERE staff_session.tokenHash = ? AND staff_session.expiresAt > ? AND staff.status = 'active'
                    """,
                arguments: [Self.hash(token), now.epochSeconds])
            guard let row, let sessionId: Int64 = row["sessionId"] else { throw StaffError.sessionExpired }
            try db.execute(
                sql: "UPDATE staff_session SET expiresAt = ? WHERE id = ?",
                arguments: [now.addingTimeInterval(Self.idleLifetime).epochSeconds, sessionId])
            return StaffAccount(row: row).identity
        }
    }

    /// Ends a kept sign-in (sign-out); a token already gone is not an error.
    public func end(token: String) throws {
        try context.store.write { db in
            try db.execute(sql: "DELETE FROM staff_session WHERE tokenHash = ?", arguments: [Self.hash(token)])
        }
    }

    private static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
