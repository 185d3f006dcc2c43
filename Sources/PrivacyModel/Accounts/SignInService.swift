public import Foundation
import GRDB

/// The result of a sign-in attempt; wrong email and wrong password are one outcome so accounts cannot be discovered.
public enum SignInOutcome: Sendable, Equatable {
    /// Signed in.
    case success(Account)
    /// The email/username or the password is wrong (deliberately not saying which).
    case invalidCredentials
    /// Too many failures: no attempt is checked until `until`.
    case locked(until: Date)
    /// The password was right but the account awaits deletion; its data is purged on `purgeOn`.
    case deletionPending(purgeOn: Date)
}

/// Checks passwords, enforces the lockout across every session sharing the store, and records each attempt.
public struct SignInService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// A fixed hash checked when no account matches, so an unknown email costs as long as a wrong password.
    private static let decoyHash =
        "$scrypt$ln=17,r=8,p=1$3RSmC2l3hVAm1cA8YbyR8w$jZ4D8M9cPxy+TZt+53aQuSpZlIRi8fZtZ2aeEIWnXWk"

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    private var hasher: PasswordHasher {
        PasswordHasher(parameters: context.settings.scrypt, random: context.settings.random)
    }

    /// Tries to sign in with an email or username and a password.
    public func signIn(_ identifier: String, password: String) throws -> SignInOutcome {
        let now = context.now
        let found = try context.store.read { db -> (Account, Date?)? in
            guard let account = try AccountService.find(identifier, in: db) else { return nil }
            return (account, try lockedUntil(accountId: account.id, lastSignIn: account.lastSignInAt, at: now, db))
        }
        guard let (account, lockEnd) = found, account.status != .purged else {
            _ = try? hasher.verify(password, against: decoyHash(for: context.settings.scrypt))
            return .invalidCredentials
        }
        if let lockEnd { return .locked(until: lockEnd) }
        // The slow hash runs outside any transaction so other sessions are never held up by it.
        let matches = try hasher.verify(password, against: account.passwordHash)
        let upgradedHash = matches && hasher.needsUpgrade(account.passwordHash) ? try hasher.hash(password) : nil
        return try context.store.write { db in
            // Another session may have locked the account while the hash ran.
            let current = try Account.fetchOne(db, key: account.id) ?? account
            if let until = try lockedUntil(accountId: account.id, lastSignIn: current.lastSignInAt, at: now, db) {
                return .locked(until: until)
            }
            guard matches else {
                try db.execute(
                    sql: "INSERT INTO sign_in_failure (accountId, at) VALUES (?, ?)",
                    arguments: [account.id, now.epochSeconds])
                try recordUsage(db, accountId: account.id, kind: "sign-in-failed", at: now)
                try AuditLog.append(db, at: now, accountId: account.id, actor: "subscriber", action: "sign-in-failed")
                if let until = try lockedUntil(accountId: account.id, lastSignIn: current.lastSignInAt, at: now, db) {
                    try AuditLog.append(
                        db, at: now, accountId: account.id, actor: "system", action: "account-locked",
                        detail: "until \(until.iso8601UTC)")
                    return .locked(until: until)
                }
                return .invalidCredentials
            }
            if current.status == .deletionPending {
                try AuditLog.append(
                    db, at: now, accountId: account.id, actor: "subscriber", action: "sign-in-refused",
                    detail: "deletion pending")
                let purge = current.purgeDueDate ?? now
                return .deletionPending(purgeOn: purge)
            }
            if let upgradedHash {
                try db.execute(
                    sql: "UPDATE account SET passwordHash = ? WHERE id = ?", arguments: [upgradedHash, account.id])
                try AuditLog.append(
                    db, at: now, accountId: account.id, actor: "system", action: "password-hash-upgraded",
                    detail: context.settings.scrypt.description)
            }
            try db.execute(
                sql: "UPDATE account SET lastSignInAt = ? WHERE id = ?", arguments: [now.epochSeconds, account.id])
            try recordUsage(db, accountId: account.id, kind: "sign-in", at: now)
            try AuditLog.append(
                db, at: now, accountId: account.id, actor: "subscriber", action: "sign-in",
                detail: "channel \(context.settings.channel)")
            return .success(try Account.fetchOne(db, key: account.id) ?? current)
        }
    }

    /// Whether the account is locked now, and until when; failures before the last success do not count.
    public func lockedUntil(accountId: Int64) throws -> Date? {
        let now = context.now
        return try context.store.read { db in
            let last = try Int64.fetchOne(
                db, sql: "SELECT lastSignInAt FROM account WHERE id = ?", arguments: [accountId])
            return try lockedUntil(accountId: accountId, lastSignIn: last, at: now, db)
        }
    }

    /// Locked when the newest `maxFailures` failures since the last success fall within one window;
    /// the lock lasts one window from the failure that completed the count (no attempt is recorded meanwhile).
    private func lockedUntil(accountId: Int64, lastSignIn: Int64?, at now: Date, _ db: Database) throws -> Date? {
        let rule = context.catalogue.lockout
        let window = Int64(rule.windowMinutes * 60)
        let failures = try Int64.fetchAll(
            db,
            sql: "SELECT at FROM sign_in_failure WHERE accountId = ? AND at > ? ORDER BY at DESC LIMIT ?",
            arguments: [accountId, lastSignIn ?? Int64.min, rule.maxFailures])
        guard failures.count >= rule.maxFailures, let newest = failures.first, let oldest = failures.last,
            newest - oldest < window
        else { return nil }
        let until = Date(epochSeconds: newest + window)
        return until > now ? until : nil
    }

    /// Sign-in events are usage data kept to keep accounts safe.
    static let usageCategory = "usage"
    /// The purpose sign-in events are recorded for.
    static let usagePurpose = "security"

    /// Records a sign-in event as usage data, unless the subscriber restricted usage data (the gate says no).
    private func recordUsage(_ db: Database, accountId: Int64, kind: String, at now: Date) throws {
        guard
            try ProcessingGate.mayRecord(
                account: accountId, category: Self.usageCategory, purpose: Self.usagePurpose, on: db)
        else { return }
        try db.execute(
            sql: "INSERT INTO usage_event (accountId, occurredAt, kind, detail) VALUES (?, ?, ?, ?)",
            arguments: [
                accountId, now.epochSeconds, kind, Self.usageDetail(channel: context.settings.channel).storedForm,
            ])
    }

    /// A sign-in's usage detail: the channel it came through ("via the dashboard"), put into words when shown.
    static func usageDetail(channel: String) -> StoredText {
        .message("stored.usage.via", ["channel": .term(RecordCodeWords.channelKey(channel))])
    }

    private func decoyHash(for parameters: ScryptParameters) -> String {
        guard let decoy = try? PHCScryptHash(parsing: Self.decoyHash) else { return Self.decoyHash }
        return PHCScryptHash(parameters: parameters, salt: decoy.salt, hash: decoy.hash).phcString
    }
}
