public import Foundation
import GRDB

/// Signs staff in with two steps (password, then a TOTP or recovery code), with the subscribers' lockout rule
/// counting wrong passwords and wrong codes alike across every session sharing the store.
public struct StaffSignInService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// How long a checked password waits for its code (or its enrolment).
    public static let pendingLifetime: TimeInterval = 5 * 60

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    private var hasher: PasswordHasher {
        PasswordHasher(parameters: context.settings.scrypt, random: context.settings.random)
    }

    /// The first step: checks the password. A disabled account is told so only after a right password; an
    /// enrolling one gets a step that leads to enrolment, not to a code.
    public func checkPassword(username: String, password: String) throws -> StaffPasswordStep {
        let now = context.now
        let name = username.trimmingCharacters(in: .whitespaces)
        let found = try context.store.read { db -> (Row, Date?)? in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE username = ?", arguments: [name])
            else { return nil }
            return (row, try Self.lockedUntil(row, at: now, context: context, db))
        }
        guard let (row, lockEnd) = found else { return try unknown(name, password: password, at: now) }
        if let lockEnd { throw StaffError.locked(until: lockEnd) }
        let account = StaffAccount(row: row)
        // The slow hash runs outside any transaction so other sessions are never held up by it.
        let storedHash: String = row["passwordHash"]
        let matches = (try? hasher.verify(password, against: storedHash)) ?? false
        let rehashed = matches && hasher.needsRehash(storedHash) ? try hasher.hash(password) : nil
        let refusal = try context.store.write { db -> StaffError? in
            let current = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [account.id]) ?? row
            if let until = try Self.lockedUntil(current, at: now, context: context, db) { return .locked(until: until) }
            guard matches else {
                return try Self.recordFailure(
                    account, detail: "password", refusal: .invalidCredentials, at: now, context: context, db)
            }
            // A right password is the moment the hash can be redone with the current parameters (only when it is
            // still the one checked, so a password changed meanwhile is not overwritten).
            if let rehashed, (current["passwordHash"] as String?) == storedHash {
                try db.execute(
                    sql: "UPDATE staff SET passwordHash = ? WHERE id = ?", arguments: [rehashed, account.id])
                try AuditLog.append(
                    db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-password-hash-upgraded",
                    detail: context.settings.scrypt.description,
                    staff: StaffAccess(staff: account.identity, reason: nil))
            }
            return nil
        }
        if let refusal { throw refusal }
        guard account.status != .disabled else { throw StaffError.disabled }
        return StaffPasswordStep(
            staffId: account.id, username: account.username, status: account.status,
            mustChangePassword: row["mustChangePassword"] ?? false, checkedAt: now)
    }

    /// The second step: a code from the authenticator (accepted once) or an unused recovery code (then used up).
    public func completeSignIn(_ step: StaffPasswordStep, code: String) throws -> StaffIdentity {
        let now = context.now
        try Self.checkFresh(step, at: now)
        let typed = code.filter { $0 != " " }
        let outcome = try context.store.write { db -> Result<StaffIdentity, StaffError> in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [step.staffId])
            else { return .failure(.sessionExpired) }
            let account = StaffAccount(row: row)
            if let until = try Self.lockedUntil(row, at: now, context: context, db) {
                return .failure(.locked(until: until))
            }
            switch account.status {
            case .disabled: return .failure(.disabled)
            case .enrolling: return .failure(.notEnrolled)
            case .active: break
            }
            guard let secret: Data = row["totpSecret"] else { return .failure(.notEnrolled) }
            let access = StaffAccess(staff: account.identity, reason: nil)
            if TOTP.looksLikeCode(typed) {
                do {
                    guard
                        let step = try TOTP.acceptedStep(
                            typed, secret: Array(secret), at: now, lastStep: row["totpLastStep"])
                    else {
                        return .failure(
                            try Self.recordFailure(
                                account, detail: "code", refusal: .invalidCredentials, at: now, context: context, db))
                    }
                    try db.execute(
                        sql: "UPDATE staff SET totpLastStep = ? WHERE id = ?", arguments: [step, account.id])
                } catch let error as StaffError {
                    return .failure(
                        try Self.recordFailure(
                            account, detail: "code reused", refusal: error, at: now, context: context, db))
                }
            } else {
                guard let left = try useRecoveryCode(typed, staffId: account.id, at: now, db) else {
                    return .failure(
                        try Self.recordFailure(
                            account, detail: "recovery code", refusal: .invalidCredentials, at: now, context: context,
                            db))
                }
                try AuditLog.append(
                    db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-recovery-code-used",
                    detail: "\(left) left", staff: access)
            }
            try db.execute(
                sql: "UPDATE staff SET lastSignInAt = ? WHERE id = ?", arguments: [now.epochSeconds, account.id])
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-sign-in",
                detail: "channel \(context.settings.channel)", staff: access)
            return .success(account.identity)
        }
        return try outcome.get()
    }

    /// Marks a matching unused recovery code used; the number still unused, or nil when none matched.
    private func useRecoveryCode(_ typed: String, staffId: Int64, at now: Date, _ db: Database) throws -> Int? {
        guard let code = RecoveryCode.normalised(typed) else { return nil }
        try db.execute(
            sql: "UPDATE staff_recovery_code SET usedAt = ? WHERE staffId = ? AND codeHash = ? AND usedAt IS NULL",
            arguments: [now.epochSeconds, staffId, RecoveryCode.hash(normalised: code)])
        guard db.changesCount == 1 else { return nil }
        return try Int.fetchOne(
            db, sql: "SELECT count(*) FROM staff_recovery_code WHERE staffId = ? AND usedAt IS NULL",
            arguments: [staffId]) ?? 0
    }

    /// A username no staff account holds gets what a real account with a wrong password gets: the same slow hash
    /// (the subscribers' decoy), a failure counted toward the same lockout (kept beside the subscribers' unknown
    /// names, under a key of its own), the same answers.
    private func unknown(_ name: String, password: String, at now: Date) throws -> StaffPasswordStep {
        let key = SignInService.identifierHash("staff:" + name)
        let lockout = context.catalogue.lockout
        func lockedUntil(_ db: Database) throws -> Date? {
            let failures = try Int64.fetchAll(
                db,
                sql: "SELECT at FROM unknown_sign_in_failure WHERE identifierHash = ? ORDER BY at DESC LIMIT ?",
                arguments: [key, lockout.maxFailures])
            return lockout.lockEnd(newestFirst: failures, at: now)
        }
        if let until = try context.store.read(lockedUntil) { throw StaffError.locked(until: until) }
        _ = try? hasher.verify(password, against: SignInService.decoyHash(for: context.settings.scrypt))
        let until = try context.store.write { db -> Date? in
            if let until = try lockedUntil(db) { return until }
            try db.execute(
                sql: "INSERT INTO unknown_sign_in_failure (identifierHash, at) VALUES (?, ?)",
                arguments: [key, now.epochSeconds])
            return try lockedUntil(db)
        }
        if let until { throw StaffError.locked(until: until) }
        throw StaffError.invalidCredentials
    }

    /// Refuses a password step older than `pendingLifetime`.
    static func checkFresh(_ step: StaffPasswordStep, at now: Date) throws(StaffError) {
        guard now.timeIntervalSince(step.checkedAt) <= pendingLifetime, now >= step.checkedAt else {
            throw .sessionExpired
        }
    }

    /// Counts a wrong password or code toward the lockout, audits it (and the lock it completes); returns the
    /// refusal to give: the lock, or `refusal`.
    static func recordFailure(
        _ account: StaffAccount, detail: String, refusal: StaffError, at now: Date, context: PrivacyContext,
        _ db: Database
    ) throws -> StaffError {
        try db.execute(
            sql: "INSERT INTO staff_sign_in_failure (staffId, at) VALUES (?, ?)",
            arguments: [account.id, now.epochSeconds])
        let access = StaffAccess(staff: account.identity, reason: nil)
        try AuditLog.append(
            db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-sign-in-failed",
            detail: detail, staff: access)
        let row = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [account.id])
        guard let row, let until = try lockedUntil(row, at: now, context: context, db) else { return refusal }
        try AuditLog.append(
            db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-locked",
            detail: "until \(until.iso8601UTC)", staff: access)
        return .locked(until: until)
    }

    /// Whether a staff account is locked now, and until when; failures before its last sign-in do not count.
    static func lockedUntil(_ row: Row, at now: Date, context: PrivacyContext, _ db: Database) throws -> Date? {
        let lastSignIn: Int64? = row["lastSignInAt"]
        let failures = try Int64.fetchAll(
            db,
            sql: "SELECT at FROM staff_sign_in_failure WHERE staffId = ? AND at > ? ORDER BY at DESC LIMIT ?",
            arguments: [row["id"] as Int64, lastSignIn ?? Int64.min, context.catalogue.lockout.maxFailures])
        return context.catalogue.lockout.lockEnd(newestFirst: failures, at: now)
    }
}
