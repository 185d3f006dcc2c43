import Foundation
import GRDB

/// Creates, lists, disables and re-roles staff accounts; every change is checked against `StaffPermissions`
/// and audited.
public struct StaffService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Letters after "S-" in a pseudonym.
    static let pseudonymLength = 6

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    private var hasher: PasswordHasher {
        PasswordHasher(parameters: context.settings.scrypt, random: context.settings.random)
    }

    /// Makes the first owner on a store without staff; the box's administrator runs it, so it is audited as the
    /// system. The owner then enrols an authenticator at their first sign-in.
    public func bootstrap(username: String, displayName: String, password: String) throws -> StaffAccount {
        let (name, display) = try Self.checkNames(username, displayName)
        try AccountService.checkPassword(password, username: name, email: "")
        let passwordHash = try hasher.hash(password)
        let now = context.now
        return try context.store.write { db in
            guard try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") == 0 else {
                throw StaffError.alreadyBootstrapped
            }
            let account = try insert(
                db, username: name, displayName: display, role: .owner, passwordHash: passwordHash,
                mustChangePassword: false, createdBy: nil, at: now)
            try AuditLog.append(
                db, at: now, accountId: nil, actor: "system", action: "staff-created",
                detail: "\(account.pseudonym) \(account.role.rawValue)")
            return account
        }
    }

    /// An owner makes an account with an initial password they type, which must be changed at the first sign-in.
    public func create(
        username: String, displayName: String, role: StaffRole, initialPassword: String, by owner: StaffIdentity
    ) throws -> StaffAccount {
        let (name, display) = try Self.checkNames(username, displayName)
        try AccountService.checkPassword(initialPassword, username: name, email: "")
        try context.store.read { db in _ = try Self.authorise(owner, .manageStaff, db) }
        let passwordHash = try hasher.hash(initialPassword)
        let now = context.now
        return try context.store.write { db in
            let actor = try Self.authorise(owner, .manageStaff, db)
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM staff WHERE username = ?", arguments: [name]) == true {
                throw StaffError.usernameTaken(name)
            }
            let account = try insert(
                db, username: name, displayName: display, role: role, passwordHash: passwordHash,
                mustChangePassword: true, createdBy: actor.id, at: now)
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-created",
                detail: "\(account.pseudonym) \(role.rawValue)", staff: StaffAccess(staff: actor, reason: nil))
            return account
        }
    }

    /// Every staff account, oldest first, for an owner.
    public func list(by owner: StaffIdentity) throws -> [StaffAccount] {
        try context.store.read { db in
            _ = try Self.authorise(owner, .manageStaff, db)
            return try StaffAccount.fetchAll(db, sql: "SELECT * FROM staff ORDER BY id")
        }
    }

    /// An owner turns an account off: it can no longer sign in and its kept sign-ins end. The last active owner
    /// stays, so someone can always manage staff.
    public func disable(username: String, by owner: StaffIdentity) throws {
        let now = context.now
        try context.store.write { db in
            let actor = try Self.authorise(owner, .manageStaff, db)
            let target = try Self.require(username, db)
            guard target.status != .disabled else { return }
            if target.role == .owner, target.status == .active, try Self.activeOwners(db) <= 1 {
                throw StaffError.lastOwner
            }
            try db.execute(
                sql: "UPDATE staff SET status = 'disabled', disabledAt = ? WHERE id = ?",
                arguments: [now.epochSeconds, target.id])
            try db.execute(sql: "DELETE FROM staff_session WHERE staffId = ?", arguments: [target.id])
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-disabled",
                detail: target.pseudonym, staff: StaffAccess(staff: actor, reason: nil))
        }
    }

    /// An owner gives an account another role; it takes effect at once, kept sign-ins included. The last active
    /// owner keeps the owner role.
    public func changeRole(username: String, to role: StaffRole, by owner: StaffIdentity) throws {
        let now = context.now
        try context.store.write { db in
            let actor = try Self.authorise(owner, .manageStaff, db)
            let target = try Self.require(username, db)
            guard target.role != role else { return }
            if target.role == .owner, target.status == .active, try Self.activeOwners(db) <= 1 {
                throw StaffError.lastOwner
            }
            try db.execute(sql: "UPDATE staff SET role = ? WHERE id = ?", arguments: [role.rawValue, target.id])
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "staff-role-changed",
                detail: "\(target.pseudonym) \(target.role.rawValue) \(role.rawValue)",
                staff: StaffAccess(staff: actor, reason: nil))
        }
    }

    /// The acting member of staff as the store has them now (role changed or account disabled since signing in
    /// count), refused unless that role may take `action`.
    static func authorise(_ staff: StaffIdentity, _ action: StaffAction, _ db: Database) throws -> StaffIdentity {
        guard
            let current = try StaffAccount.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [staff.id])
        else { throw StaffError.sessionExpired }
        guard current.status == .active else { throw StaffError.disabled }
        guard StaffPermissions.allows(current.role, action) else {
            throw StaffError.notPermitted(role: current.role, action: action)
        }
        return current.identity
    }

    /// The account with a username (ignoring case), or a not-found error.
    static func require(_ username: String, _ db: Database) throws -> StaffAccount {
        let name = username.trimmingCharacters(in: .whitespaces)
        guard
            let account = try StaffAccount.fetchOne(
                db, sql: "SELECT * FROM staff WHERE username = ?", arguments: [name])
        else { throw StaffError.notFound(name) }
        return account
    }

    private static func activeOwners(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM staff WHERE role = 'owner' AND status = 'active'") ?? 0
    }

    /// Checks a username (3 to 32 lower-case letters, digits, `.`, `-`, `_`) and a display name (1 to 80
    /// printable characters), returning them trimmed.
    static func checkNames(_ username: String, _ displayName: String) throws(StaffError) -> (String, String) {
        let name = username.trimmingCharacters(in: .whitespaces)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-_")
        guard (3...32).contains(name.count), name.allSatisfy({ allowed.contains($0) }) else {
            throw .invalidUsername(username)
        }
        let display = displayName.trimmingCharacters(in: .whitespaces)
        guard (1...80).contains(display.count),
            display.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) })
        else { throw .invalidDisplayName }
        return (name, display)
    }

    /// Inserts an account with a fresh, unused pseudonym, status enrolling.
    private func insert(
        _ db: Database, username: String, displayName: String, role: StaffRole, passwordHash: String,
        mustChangePassword: Bool, createdBy: Int64?, at now: Date
    ) throws -> StaffAccount {
        var pseudonym: String
        repeat {
            pseudonym = "S-" + Base32.random(Self.pseudonymLength, from: context.settings.random)
        } while try Bool.fetchOne(db, sql: "SELECT 1 FROM staff WHERE pseudonym = ?", arguments: [pseudonym]) == true
        try db.execute(
            sql: """
                INSERT INTO staff (username, displayName, pseudonym, role, status, passwordHash, mustChangePassword,
                                   createdAt, createdBy)
                VALUES (?, ?, ?, ?, 'enrolling', ?, ?, ?, ?)
                """,
            arguments: [
                username, displayName, pseudonym, role.rawValue, passwordHash, mustChangePassword, now.epochSeconds,
                createdBy,
            ])
        return try StaffAccount.fetchOne(db, sql: "SELECT * FROM staff WHERE id = ?", arguments: [db.lastInsertedRowID])
            .orThrow(StaffError.notFound(username))
    }
}
