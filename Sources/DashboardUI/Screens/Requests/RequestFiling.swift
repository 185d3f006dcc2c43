import Foundation
import PrivacyModel

/// The store work behind the wizard: the duplicate check, the held value of a field, the password check
/// and the filing itself, all through the model's services.
@MainActor
enum RequestFiling {
    /// An open request of the account with the same right and scope, if there is one (the model refuses a second).
    static func openDuplicate(type: RightKind, scope: RequestScope, session: Session) throws -> RightsRequest? {
        try session.requests.requests(accountId: session.account.id)
            .first { $0.isOpen && $0.type == type && $0.scope == scope }
    }

    /// The value the service holds now for a correctable field, read from the account or the profile.
    ///
    /// Nil when the field is empty or is not one the account or profile keeps.
    static func currentValue(field: String, session: Session) throws -> String? {
        let account = session.account
        let value: String?
        switch field {
        case "email": value = account.email
        case "username": value = account.username
        default:
            let profile = try session.accounts.profile(accountId: account.id)
            switch field {
            case "fullName": value = profile?.fullName
            case "contactEmail": value = profile?.contactEmail
            case "phone": value = profile?.phone
            case "country": value = profile?.country
            case "language": value = profile?.language
            default: value = nil
            }
        }
        guard let value, !value.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        return value
    }

    /// Whether `password` is the account's password, checked with the same hasher sign-in uses.
    ///
    /// This is a confirmation inside a signed-in session, so a wrong answer does not count toward
    /// the sign-in lockout (the model offers no way to record one outside sign-in).
    static func passwordMatches(_ password: String, session: Session) throws -> Bool {
        session.reloadAccount()
        let settings = session.context.settings
        let hasher = PasswordHasher(parameters: settings.scrypt, random: settings.random)
        return try hasher.verify(password, against: session.account.passwordHash)
    }

    /// Files the request as the subscriber; the model checks it against the catalogue and for duplicates.
    static func file(
        type: RightKind, scope: RequestScope, details: RequestDetails, session: Session
    ) throws -> RightsRequest {
        try session.requests.file(
            accountId: session.account.id, type: type, scope: scope, details: details, actor: .subscriber)
    }
}
