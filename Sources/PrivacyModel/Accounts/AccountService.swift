public import Foundation
import GRDB

/// Creates, finds and lists accounts; the one place the age limit and uniqueness rules live.
public struct AccountService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// The shortest password accepted.
    public static let minimumPasswordLength = 10
    /// The longest password accepted, in bytes (scrypt input stays bounded).
    public static let maximumPasswordBytes = 1024
    /// The earliest year of birth accepted: an earlier one is a mistyped year.
    public static let earliestBirthYear = 1900

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    private var hasher: PasswordHasher {
        PasswordHasher(parameters: context.settings.scrypt, random: context.settings.random)
    }

    /// Opens an account after checking every rule; returns the stored account. A member of staff opening it passes
    /// `staff`: they need `.manageSubscribers`, and the audit entry names them.
    public func create(
        _ new: NewAccount, password: String, actor: String = "subscriber", staff: StaffAccess? = nil
    ) throws -> Account {
        let email = try TextRules.email(new.email)
        let username = new.username.trimmingCharacters(in: .whitespaces)
        guard Self.isValidUsername(username) else { throw AccountError.invalidUsername(new.username) }
        let fullName = try TextRules.name(new.fullName)
        let now = context.now
        let birthdate = try Self.birthdate(new.birthdate, at: now)
        let minimumAge = context.catalogue.minimumAge
        guard Self.age(bornOn: birthdate, at: now) >= minimumAge else {
            throw AccountError.underage(minimumAge: minimumAge)
        }
        try Self.checkPassword(password, username: username, email: email)
        let passwordHash = try hasher.hash(password)
        let emailKey = email.lowercased()
        return try context.store.write { db in
            if let staff { try StaffAccessGuard.check(staff, .manageSubscribers, accountId: nil, db) }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE emailKey = ?", arguments: [emailKey]) == true {
                throw AccountError.emailTaken(email)
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE username = ?", arguments: [username]) == true {
                throw AccountError.usernameTaken(username)
            }
            try db.execute(
                sql: """
                    INSERT INTO account (email, emailKey, username, passwordHash, birthdate, status, createdAt,
                                         passwordChangedAt, acknowledgedPolicyVersion, language)
                    VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)
                    """,
                arguments: [
                    email, emailKey, username, passwordHash, new.birthdate, now.epochSeconds, now.epochSeconds,
                    context.catalogue.version, new.language,
                ])
            let id = db.lastInsertedRowID
            try db.execute(
                sql: """
                    INSERT INTO profile (accountId, fullName, contactEmail, country, updatedAt)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [id, fullName, email, new.country, now.epochSeconds])
            // The version accepted at sign-up is the account's first acknowledgement.
            try db.execute(
                sql: "INSERT INTO policy_acknowledgement (accountId, version, at) VALUES (?, ?, ?)",
                arguments: [id, context.catalogue.version, now.epochSeconds])
            try AuditLog.append(db, at: now, accountId: id, actor: actor, action: "account-created", staff: staff)
            return try Account.fetchOne(db, key: id).orThrow(AccountError.notFound(email))
        }
    }

    /// Finds an account by email (ignoring case) or by username.
    public func find(_ identifier: String) throws -> Account? {
        try context.store.read { db in try Self.find(identifier, in: db) }
    }

    /// Finds an account inside a transaction.
    static func find(_ identifier: String, in db: Database) throws -> Account? {
        let key = identifier.trimmingCharacters(in: .whitespaces)
        if key.contains("@") {
            return try Account.fetchOne(
                db, sql: "SELECT * FROM account WHERE emailKey = ?", arguments: [key.lowercased()])
        }
        return try Account.fetchOne(db, sql: "SELECT * FROM account WHERE username = ?", arguments: [key])
    }

    /// The account with an email or username, or a not-found error.
    public func require(_ identifier: String) throws -> Account {
        guard let account = try find(identifier) else { throw AccountError.notFound(identifier) }
        return account
    }

    /// The account with a row id.
    public func account(id: Int64) throws -> Account? {
        try context.store.read { db in try Account.fetchOne(db, key: id) }
    }

    /// Every account, oldest first.
    public func list() throws -> [Account] {
        try context.store.read { db in try Account.fetchAll(db, sql: "SELECT * FROM account ORDER BY id") }
    }

    /// Every account for a member of staff: they need `.manageSubscribers`, and the listing is audited with them.
    public func list(staff: StaffAccess) throws -> [Account] {
        let now = context.now
        return try context.store.write { db in
            try StaffAccessGuard.check(staff, .manageSubscribers, accountId: nil, db)
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: "accounts-listed", staff: staff)
            return try Account.fetchAll(db, sql: "SELECT * FROM account ORDER BY id")
        }
    }

    /// The account's contact details.
    public func profile(accountId: Int64) throws -> Profile? {
        try context.store.read { db in try Profile.fetchOne(db, key: accountId) }
    }

    /// Rejects passwords outside the length rule and passwords that are the account's username or email
    /// (ignoring case): the first thing anyone would guess.
    public static func checkPassword(_ password: String, username: String, email: String) throws(AccountError) {
        guard password.count >= minimumPasswordLength, password.utf8.count <= maximumPasswordBytes else {
            throw .weakPassword(minimumLength: minimumPasswordLength)
        }
        let folded = password.lowercased()
        if folded == username.trimmingCharacters(in: .whitespaces).lowercased() { throw .passwordIsUsername }
        if folded == email.trimmingCharacters(in: .whitespaces).lowercased() { throw .passwordIsEmail }
    }

    /// A birthdate typed as YYYY-MM-DD, as a day: a real day, not after `now`, not before `earliestBirthYear`.
    public static func birthdate(_ text: String, at now: Date) throws(AccountError) -> Date {
        guard let day = UTCCalendar.day(text) else { throw .invalidBirthdate(text) }
        guard day <= now else { throw .birthdateInFuture(text) }
        guard UTCCalendar.calendar.component(.year, from: day) >= earliestBirthYear else {
            throw .birthdateTooEarly(text, earliestYear: earliestBirthYear)
        }
        return day
    }

    /// Completed years between a birthdate and an instant, in the UTC calendar.
    public static func age(bornOn birthdate: Date, at instant: Date) -> Int {
        UTCCalendar.calendar.dateComponents([.year], from: birthdate, to: instant).year ?? 0
    }

    /// Usernames: 3 to 32 ASCII letters, digits, dots, dashes or underscores.
    public static func isValidUsername(_ name: String) -> Bool {
        (3...32).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0))
            }
    }
}

extension Optional {
    /// The wrapped value, or `error` thrown when nil.
    func orThrow(_ error: @autoclosure () -> any Error) throws -> Wrapped {
        guard let value = self else { throw error() }
        return value
    }
}
