import Foundation
import GRDB

/// Sets up a new staff account's authenticator: a new password when the first was an owner's, a fresh secret,
/// and activation only after a right check code, with recovery codes made then.
public struct StaffEnrolmentService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// After the password step of an enrolling account: sets the new password (required when the first was typed
    /// by an owner) and makes a fresh secret, replacing any from an enrolment left unfinished.
    public func begin(_ step: StaffPasswordStep, newPassword: String?) throws -> StaffEnrolment {
        let now = context.now
        try StaffSignInService.checkFresh(step, at: now)
        guard step.status == .enrolling else { throw StaffError.alreadyEnrolled }
        let hasher = PasswordHasher(parameters: context.settings.scrypt, random: context.settings.random)
        var newHash: String?
        if step.mustChangePassword {
            guard let newPassword else { throw StaffError.newPasswordRequired }
            try AccountService.checkPassword(newPassword, username: step.username, email: "")
            let current = try context.store.read { db in
                try String.fetchOne(db, sql: "SELECT passwordHash FROM staff WHERE id = ?", arguments: [step.staffId])
            }
            if let current, (try? hasher.verify(newPassword, against: current)) == true {
                throw PasswordChangeError.sameAsCurrent
            }
            newHash = try hasher.hash(newPassword)
        }
        let secret = context.settings.random.bytes(TOTP.secretLength)
        try context.store.write { db in
            let account = try StaffAccount.fetchOne(
                db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [step.staffId]
            ).orThrow(StaffError.sessionExpired)
            guard account.status == .enrolling else {
                throw account.status == .disabled ? StaffError.disabled : StaffError.alreadyEnrolled
            }
            let access = StaffAccess(staff: account.identity, reason: nil)
            if let newHash {
                try db.execute(
                    sql: "UPDATE staff SET passwordHash = ?, mustChangePassword = 0 WHERE id = ?",
                    arguments: [newHash, account.id])
                try AuditLog.append(
                    db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-password-changed",
                    detail: context.settings.scrypt.description, staff: access)
            }
            try db.execute(
                sql: "UPDATE staff SET totpSecret = ?, totpLastStep = NULL WHERE id = ?",
                arguments: [Data(secret), account.id])
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-enrolment-started",
                staff: access)
        }
        return StaffEnrolment(step: step, secret: secret, issuer: context.catalogue.service)
    }

    /// Checks the first code from the authenticator; when right, the account becomes active and signed in, and
    /// gets its recovery codes. A wrong code counts toward the lockout as at sign-in.
    public func finish(_ enrolment: StaffEnrolment, code: String) throws -> StaffEnrolmentResult {
        let now = context.now
        try StaffSignInService.checkFresh(enrolment.step, at: now)
        let typed = code.filter { $0 != " " }
        let random = context.settings.random
        let codes = (0..<RecoveryCode.count).map { _ in RecoveryCode.make(random) }
        let outcome = try context.store.write { db -> Result<StaffEnrolmentResult, StaffError> in
            guard
                let row = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [enrolment.staffId])
            else { return .failure(.sessionExpired) }
            let account = StaffAccount(row: row)
            if let until = try StaffSignInService.lockedUntil(row, at: now, context: context, db) {
                return .failure(.locked(until: until))
            }
            switch account.status {
            case .disabled: return .failure(.disabled)
            case .active: return .failure(.alreadyEnrolled)
            case .enrolling: break
            }
            // Another enrolment of the same account since this one began replaced the secret: its code is wrong.
            let stored: Data? = row["totpSecret"]
            let secret = stored.map(Array.init) ?? []
            guard Base32.encode(secret) == enrolment.secret, TOTP.looksLikeCode(typed),
                let step = try? TOTP.acceptedStep(typed, secret: secret, at: now, lastStep: nil)
            else {
                return .failure(
                    try StaffSignInService.recordFailure(
                        account, detail: "enrolment code", refusal: .invalidCredentials, at: now, context: context, db))
            }
            try db.execute(
                sql: """
                    UPDATE staff SET status = 'active', totpLastStep = ?, lastSignInAt = ?, mustChangePassword = 0
                    WHERE id = ?
                    """,
                arguments: [step, now.epochSeconds, account.id])
            try db.execute(sql: "DELETE FROM staff_recovery_code WHERE staffId = ?", arguments: [account.id])
            for code in codes {
                try db.execute(
                    sql: "INSERT INTO staff_recovery_code (staffId, codeHash) VALUES (?, ?)",
                    arguments: [account.id, RecoveryCode.hash(normalised: RecoveryCode.normalised(code) ?? code)])
            }
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-enrolled",
                detail: "\(codes.count) recovery codes", staff: StaffAccess(staff: account.identity, reason: nil))
            return .success(StaffEnrolmentResult(identity: account.identity, recoveryCodes: codes))
        }
        return try outcome.get()
    }
}
