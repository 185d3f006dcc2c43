public import Foundation
public import GRDB

/// Where an account stands in its life.
public enum AccountStatus: String, Codable, Sendable, DatabaseValueConvertible {
    /// Open and usable.
    case active
    /// The subscriber asked for deletion: access is refused and the data is purged on `purgeDueAt`.
    case deletionPending = "deletion-pending"
    /// The data has been purged; only a tombstone remains.
    case purged
}

/// A subscriber's account as stored.
public struct Account: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    /// The table it lives in.
    public static let databaseTableName = "account"

    /// Row id.
    public let id: Int64
    /// The email as typed.
    public let email: String
    /// The lower-cased email, unique across accounts.
    public let emailKey: String
    /// The username, unique ignoring case.
    public let username: String
    /// The scrypt PHC hash.
    public let passwordHash: String
    /// Date of birth, YYYY-MM-DD.
    public let birthdate: String
    /// Life-cycle status.
    public let status: AccountStatus
    /// When the account was opened (seconds since 1970).
    public let createdAt: Int64
    /// When the password was last set.
    public let passwordChangedAt: Int64
    /// The last successful sign-in.
    public let lastSignInAt: Int64?
    /// When deletion was requested.
    public let deletionRequestedAt: Int64?
    /// When the data is purged.
    public let purgeDueAt: Int64?
    /// When the data was purged.
    public let purgedAt: Int64?
    /// The newest policy version the subscriber acknowledged.
    public let acknowledgedPolicyVersion: String?
    /// The hash of the newest consent receipt (the receipt chain's head).
    public let consentHeadHash: String?
    /// The language the dashboard is shown in (a setting: en, de, fr, or another code), if one is set.
    public let language: String?
    /// Whether the password is a one-time password staff set, which must be replaced before anything else.
    public let mustChangePassword: Bool

    /// When data is purged, as a date.
    public var purgeDueDate: Date? { purgeDueAt.map(Date.init(epochSeconds:)) }
}

/// Contact details kept with an account.
public struct Profile: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    /// The table it lives in.
    public static let databaseTableName = "profile"

    /// The owning account.
    public let accountId: Int64
    /// Full name.
    public var fullName: String
    /// Email support may write to, if different from the login.
    public var contactEmail: String?
    /// Phone number for WhatsApp support.
    public var phone: String?
    /// Country code (ISO 3166-1 alpha-2).
    public var country: String?
    /// When the profile last changed.
    public var updatedAt: Int64
}

/// What a new account is made from; the password travels separately and is never stored in clear.
public struct NewAccount: Sendable {
    /// Login email.
    public var email: String
    /// Username.
    public var username: String
    /// Full name.
    public var fullName: String
    /// Date of birth, YYYY-MM-DD.
    public var birthdate: String
    /// Country code, if known.
    public var country: String?
    /// Preferred language, if known.
    public var language: String?

    /// Describes a new account.
    public init(
        email: String, username: String, fullName: String, birthdate: String, country: String? = nil,
        language: String? = nil
    ) {
        self.email = email
        self.username = username
        self.fullName = fullName
        self.birthdate = birthdate
        self.country = country
        self.language = language
    }
}
