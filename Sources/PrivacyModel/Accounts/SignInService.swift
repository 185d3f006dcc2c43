import Crypto
public import Foundation
import GRDB

/// The result of a sign-in attempt; wrong email and wrong password are one outcome so accounts cannot be discovered.
public enum SignInOutcome: Sendable, Equatable {
    /// Signed in; `failures` tells of wrong passwords typed since the previous sign-in (nil when there were none).
    case success(Account, failures: FailedSignIns?)
    /// The email/username or the password is wrong (deliberately not saying which).
    case invalidCredentials
    /// Too many failures: no attempt is checked until `until`.
    case locked(until: Date)
    /// The password was right but the account awaits deletion; its data is purged on `purgeOn`.
    case deletionPending(purgeOn: Date)
}

/// The wrong passwords typed for an account since its previous successful sign-in, told at the next one.
public struct FailedSignIns: Sendable, Equatable {
    /// How many there were.
    public let count: Int
    /// When the latest was typed.
    public let latest: Date

    /// Describes the failures.
    public init(count: Int, latest: Date) {
        self.count = count
        self.latest = latest
    }
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
            return try signInUnknown(identifier, password: password, at: now)
        }
        if let lockEnd { return .locked(until: lockEnd) }
        // The slow hash runs outside any transaction so other sessions are never held up by it.
        let matches = try hasher.verify(password, against: account.passwordHash)
        let upgradedHash = matches && hasher.needsRehash(account.passwordHash) ? try hasher.hash(password) : nil
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
            // Only when the hash is still the one checked: a password changed meanwhile is not overwritten.
            if let upgradedHash, current.passwordHash == account.passwordHash {
                try db.execute(
                    sql: "UPDATE account SET passwordHash = ? WHERE id = ?", arguments: [upgradedHash, account.id])
                try AuditLog.append(
                    db, at: now, accountId: account.id, actor: "system", action: "password-hash-upgraded",
                    detail: context.settings.scrypt.description)
            }
            let failures = try failuresSince(accountId: account.id, lastSignIn: current.lastSignInAt, db)
            try db.execute(
                sql: "UPDATE account SET lastSignInAt = ? WHERE id = ?", arguments: [now.epochSeconds, account.id])
            try recordUsage(db, accountId: account.id, kind: "sign-in", at: now)
            try AuditLog.append(
                db, at: now, accountId: account.id, actor: "subscriber", action: "sign-in",
                detail: "channel \(context.settings.channel)")
            return .success(try Account.fetchOne(db, key: account.id) ?? current, failures: failures)
        }
    }

    /// A name no account holds (or a purged one's) gets what a real account with a wrong password gets: the
    /// same slow hash, the failure counted toward the same lockout (kept in the store, so other sessions and
    /// later processes see it), the same answers.
    private func signInUnknown(_ identifier: String, password: String, at now: Date) throws -> SignInOutcome {
        let key = Self.identifierHash(identifier)
        if let until = try context.store.read({ db in try unknownLockedUntil(key, at: now, db) }) {
            return .locked(until: until)
        }
        _ = try? hasher.verify(password, against: Self.decoyHash(for: context.settings.scrypt))
        return try context.store.write { db in
            if let until = try unknownLockedUntil(key, at: now, db) { return .locked(until: until) }
            // Older failures can no longer complete a lock: keep the table to what still counts.
            let window = Int64(context.catalogue.lockout.windowMinutes * 60)
            try db.execute(
                sql: "DELETE FROM unknown_sign_in_failure WHERE at <= ?", arguments: [now.epochSeconds - 2 * window])
            try db.execute(
                sql: "INSERT INTO unknown_sign_in_failure (identifierHash, at) VALUES (?, ?)",
                arguments: [key, now.epochSeconds])
            if let until = try unknownLockedUntil(key, at: now, db) { return .locked(until: until) }
            return .invalidCredentials
        }
    }

    private func unknownLockedUntil(_ key: String, at now: Date, _ db: Database) throws -> Date? {
        let failures = try Int64.fetchAll(
            db,
            sql: "SELECT at FROM unknown_sign_in_failure WHERE identifierHash = ? ORDER BY at DESC LIMIT ?",
            arguments: [key, context.catalogue.lockout.maxFailures])
        return context.catalogue.lockout.lockEnd(newestFirst: failures, at: now)
    }

    /// The name as typed, folded as sign-in folds it, hashed: the store never keeps a name no account holds.
    static func identifierHash(_ identifier: String) -> String {
        let folded = identifier.trimmingCharacters(in: .whitespaces).lowercased()
        return SHA256.hash(data: Data(folded.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The failures recorded since the last success (sign-in failures and wrong passwords in a session).
    private func failuresSince(accountId: Int64, lastSignIn: Int64?, _ db: Database) throws -> FailedSignIns? {
        let row = try Row.fetchOne(
            db, sql: "SELECT count(*), max(at) FROM sign_in_failure WHERE accountId = ? AND at > ?",
            arguments: [accountId, lastSignIn ?? Int64.min])
        guard let row, let count: Int = row[0], count > 0, let latest: Int64 = row[1] else { return nil }
        return FailedSignIns(count: count, latest: Date(epochSeconds: latest))
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
        let failures = try Int64.fetchAll(
            db,
            sql: "SELECT at FROM sign_in_failure WHERE accountId = ? AND at > ? ORDER BY at DESC LIMIT ?",
            arguments: [accountId, lastSignIn ?? Int64.min, context.catalogue.lockout.maxFailures])
        return context.catalogue.lockout.lockEnd(newestFirst: failures, at: now)
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

    /// The decoy at a given cost, so checking it takes as long as checking a real hash made at that cost.
    static func decoyHash(for parameters: ScryptParameters) -> String {
        guard let decoy = try? PHCScryptHash(parsing: Self.decoyHash) else { return Self.decoyHash }
        return PHCScryptHash(parameters: parameters, salt: decoy.salt, hash: decoy.hash).phcString
    }
}
