import Foundation
import GRDB

/// A field of the account or its profile that a subscriber sees, named as the catalogue names correctable fields.
public enum ProfileField: String, CaseIterable, Sendable {
    /// The login email.
    case email
    /// The username.
    case username
    /// The full name.
    case fullName
    /// The email support may write to.
    case contactEmail
    /// The phone number for support.
    case phone
    /// The country code.
    case country
    /// The language the dashboard is shown in (a setting of the account, changed by `LanguagePreferenceService`).
    case language
    /// The date of birth (not self-correctable: it decides the age check).
    case birthdate

    /// The value held now, or nil when none is held.
    public func value(account: Account, profile: Profile?) -> String? {
        switch self {
        case .email: return account.email
        case .username: return account.username
        case .fullName: return profile?.fullName
        case .contactEmail: return profile?.contactEmail
        case .phone: return profile?.phone
        case .country: return profile?.country
        case .language: return account.language
        case .birthdate: return account.birthdate
        }
    }

    /// The value held now for the field named `name`, or nil when none is held (blank counts as none) or the
    /// name is no field of the account or profile.
    public static func currentValue(_ name: String, accountId: Int64, context: PrivacyContext) throws -> String? {
        guard let field = ProfileField(rawValue: name) else { return nil }
        let (account, profile) = try context.store.read { db in
            (try Account.fetchOne(db, key: accountId), try Profile.fetchOne(db, key: accountId))
        }
        guard let account, let value = field.value(account: account, profile: profile),
            !value.trimmingCharacters(in: .whitespaces).isEmpty
        else { return nil }
        return value
    }

    /// Whether the field lives in the account row (login data) rather than the profile.
    var isAccountColumn: Bool { self == .email || self == .username || self == .birthdate }
}

/// Why a profile field could not be corrected.
public enum ProfileCorrectionError: UserFacingError, Equatable {
    /// The catalogue does not let subscribers correct this field themselves.
    case notSelfCorrectable(String)
    /// The new value is the same as the one held.
    case unchanged
    /// No new value was typed.
    case emptyValue
    /// The new value is longer than the field allows.
    case tooLong(limit: Int)
    /// The phone number is not plausible.
    case invalidPhone(String)
    /// The country is not a two-letter code.
    case invalidCountry(String)
    /// The value changed in another session while this correction was being made.
    case changedMeanwhile

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .changedMeanwhile: return .temporary
        default: return .usage
        }
    }
}

/// What a correction did: the completed request's reference and the values before and after.
public struct ProfileCorrectionReceipt: Sendable, Equatable {
    /// The reference of the completed correction request.
    public let reference: String
    /// The field corrected.
    public let field: ProfileField
    /// The value held before (nil when none was held).
    public let before: String?
    /// The value held now.
    public let after: String
}

/// Lets a subscriber put their own profile right at once, leaving the same request trail a correction
/// handled by support leaves: a correction request with the field and both values, completed by the program.
public struct ProfileCorrectionService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// The longest phone number accepted, spaces and punctuation included.
    public static let maximumPhoneLength = 32

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Whether the catalogue lets subscribers correct `field` themselves (it lists the field as correctable).
    public func isSelfCorrectable(_ field: ProfileField) -> Bool {
        context.catalogue.categories.contains { ($0.correctableFields ?? []).contains(field.rawValue) }
    }

    /// The value as it would be stored, or the rule it breaks (uniqueness is checked when applying).
    public func normalised(_ field: ProfileField, _ newValue: String) throws -> String {
        let value = newValue.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw ProfileCorrectionError.emptyValue }
        switch field {
        case .email, .contactEmail:
            return try TextRules.email(value)
        case .username:
            guard AccountService.isValidUsername(value) else { throw AccountError.invalidUsername(value) }
            return value
        case .fullName:
            return try TextRules.name(value)
        case .phone:
            return try Self.phone(value)
        case .country:
            let code = value.uppercased()
            guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                throw ProfileCorrectionError.invalidCountry(value)
            }
            return code
        case .birthdate, .language:
            throw ProfileCorrectionError.notSelfCorrectable(field.rawValue)
        }
    }

    private static func phone(_ value: String) throws -> String {
        guard value.count <= maximumPhoneLength else { throw ProfileCorrectionError.tooLong(limit: maximumPhoneLength) }
        let body = value.hasPrefix("+") ? value.dropFirst() : Substring(value)
        let allowed = body.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || " -().".unicodeScalars.contains($0) }
        let digits = body.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        guard allowed, (6...15).contains(digits) else { throw ProfileCorrectionError.invalidPhone(value) }
        return value.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// Corrects one field of an active account at once.
    ///
    /// The request is filed first (with the field and both values) and taken to in progress; the profile
    /// is then changed in one transaction with its audit entry, and the request completed by the program.
    /// A failure before the change leaves a denied request and the profile as it was, so the profile can
    /// never change without a request recording it.
    @discardableResult
    public func correct(accountId: Int64, field: ProfileField, newValue: String) throws -> ProfileCorrectionReceipt {
        guard isSelfCorrectable(field) else { throw ProfileCorrectionError.notSelfCorrectable(field.rawValue) }
        let value = try normalised(field, newValue)
        let (account, profile) = try context.store.read { db -> (Account, Profile?) in
            guard let account = try Account.fetchOne(db, key: accountId) else {
                throw AccountError.notFound("#\(accountId)")
            }
            return (account, try Profile.fetchOne(db, key: accountId))
        }
        guard account.status == .active else { throw AccountError.notActive(account.username) }
        let before = field.value(account: account, profile: profile)
        guard before != value else { throw ProfileCorrectionError.unchanged }
        do {
            try context.store.read { db in try checkUnique(field, value, accountId: accountId, db) }
        } catch AccountError.emailUnavailable {
            // Support can see repeated tries in the audit log; the entry, which the subscriber can read too,
            // says no more than the refusal.
            try context.store.write { db in
                try AuditLog.append(
                    db, at: context.now, accountId: accountId, actor: RequestActor.subscriber.rawValue,
                    action: "email-change-refused")
            }
            throw AccountError.emailUnavailable
        }

        let service = RequestService(context: context)
        let filed = try service.file(
            accountId: accountId, type: .correction, scope: .field(field.rawValue),
            details: RequestDetails(field: field.rawValue, currentValue: before, requestedValue: value),
            actor: .subscriber)
        let reference = filed.reference
        do {
            try service.acknowledge(reference: reference, actor: .system)
            _ = try service.verifyIdentity(reference: reference, actor: .system, note: SelfServiceRequest.identityNote)
            try service.start(reference: reference, actor: .system)
            try apply(field, before: before, after: value, accountId: accountId, reference: reference)
        } catch {
            let cause = (error as? any KeyedUserFacingError).map { StoredText([$0.message]) } ?? .typed("\(error)")
            _ = try? service.deny(
                reference: reference, actor: .system, reason: .message("stored.correction.failed") + cause)
            throw error
        }
        _ = try service.complete(
            reference: reference, actor: .system,
            resolution: .message("stored.correction.bySubscriber", ["field": .term("requests.field.\(field.rawValue)")])
        )
        return ProfileCorrectionReceipt(reference: reference, field: field, before: before, after: value)
    }

    /// Changes the field if it still holds `before`, with an audit entry that names the field but not the values.
    private func apply(_ field: ProfileField, before: String?, after: String, accountId: Int64, reference: String)
        throws
    {
        let now = context.now
        try context.store.write { db in
            guard let account = try Account.fetchOne(db, key: accountId), account.status == .active else {
                throw AccountError.notActive("#\(accountId)")
            }
            let profile = try Profile.fetchOne(db, key: accountId)
            guard field.value(account: account, profile: profile) == before else {
                throw ProfileCorrectionError.changedMeanwhile
            }
            try checkUnique(field, after, accountId: accountId, db)
            switch field {
            case .email:
                try db.execute(
                    sql: "UPDATE account SET email = ?, emailKey = ? WHERE id = ?",
                    arguments: [after, after.lowercased(), accountId])
            case .username:
                try db.execute(sql: "UPDATE account SET username = ? WHERE id = ?", arguments: [after, accountId])
            case .fullName, .contactEmail, .phone, .country:
                guard profile != nil else { throw AccountError.notFound("#\(accountId)") }
                try db.execute(
                    sql: "UPDATE profile SET \(field.rawValue) = ?, updatedAt = ? WHERE accountId = ?",
                    arguments: [after, now.epochSeconds, accountId])
            case .birthdate, .language:
                throw ProfileCorrectionError.notSelfCorrectable(field.rawValue)
            }
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: RequestActor.subscriber.rawValue,
                action: "profile-corrected", detail: "\(reference) \(field.rawValue)")
        }
    }

    /// Refuses an email or username another account already uses (compared ignoring case); an email without
    /// saying it is taken, so the refusal does not tell whose address is registered.
    private func checkUnique(_ field: ProfileField, _ value: String, accountId: Int64, _ db: Database) throws {
        switch field {
        case .email:
            let taken = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM account WHERE emailKey = ? AND id <> ?",
                arguments: [value.lowercased(), accountId])
            if taken == true { throw AccountError.emailUnavailable }
        case .username:
            let taken = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM account WHERE username = ? AND id <> ?", arguments: [value, accountId])
            if taken == true { throw AccountError.usernameTaken(value) }
        default:
            break
        }
    }
}
