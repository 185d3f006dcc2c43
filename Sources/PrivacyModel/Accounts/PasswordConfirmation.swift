public import Foundation

/// Re-checks a signed-in subscriber's password before a sensitive step (a new password, deleting the
/// account, filing a request); a wrong one counts toward the same lockout as a failed sign-in.
public struct PasswordConfirmation: Sendable {
    /// What the check found.
    public enum Outcome: Sendable, Equatable {
        /// The password is right.
        case confirmed
        /// The password is wrong; the failure was recorded.
        case wrong
        /// Too many failures: nothing is checked until `until`.
        case locked(until: Date)
    }

    /// The shared context.
    public let context: PrivacyContext

    /// Binds the check to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Checks `password` against the account's hash outside any transaction (scrypt is slow); a wrong
    /// password is recorded as a sign-in failure with an audit entry naming `refusedAction`.
    public func check(_ password: String, for account: Account, refusedAction: String) throws -> Outcome {
        if let until = try SignInService(context: context).lockedUntil(accountId: account.id) {
            return .locked(until: until)
        }
        let hasher = PasswordHasher(parameters: context.settings.scrypt, random: context.settings.random)
        if try hasher.verify(password, against: account.passwordHash) { return .confirmed }
        let now = context.now
        try context.store.write { db in
            try db.execute(
                sql: "INSERT INTO sign_in_failure (accountId, at) VALUES (?, ?)",
                arguments: [account.id, now.epochSeconds])
            try AuditLog.append(
                db, at: now, accountId: account.id, actor: RequestActor.subscriber.rawValue, action: refusedAction,
                detail: "wrong password")
        }
        return .wrong
    }
}
