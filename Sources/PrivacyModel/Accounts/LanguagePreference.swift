import GRDB

/// A language the dashboard and its texts are shipped in.
public enum DisplayLanguage: String, CaseIterable, Sendable, Equatable {
    /// English (the catalogue's own language).
    case english = "en"
    /// German.
    case german = "de"
    /// French.
    case french = "fr"

    /// The language from its code ("de", "DE", "de_DE.UTF-8", "fr-CH"), nil for any other language.
    public init?(code: String) {
        let prefix = code.prefix { $0.isLetter }.lowercased()
        guard let language = DisplayLanguage(rawValue: prefix) else { return nil }
        self = language
    }

    /// The language's name in itself, so a person finds their language whatever language the screen is in.
    public var endonym: String {
        switch self {
        case .english: return "English"
        case .german: return "Deutsch"
        case .french: return "Français"
        }
    }
}

/// Reads and keeps the language an account sees the dashboard in.
///
/// A language is a setting of the account, not a contact detail: a change is kept at once with an audit entry
/// and files no request, and erasing the contact details leaves it as it was.
public struct LanguagePreferenceService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// The account's language when it is one the dashboard is shipped in; nil when none is set or it is another.
    public func language(accountId: Int64) throws -> DisplayLanguage? {
        let account = try context.store.read { db in try Account.fetchOne(db, key: accountId) }
        return account?.language.flatMap(DisplayLanguage.init(code:))
    }

    /// Keeps `language` as the account's language; false when it was the language held already.
    @discardableResult
    public func set(accountId: Int64, to language: DisplayLanguage) throws -> Bool {
        let now = context.now
        return try context.store.write { db in
            guard let account = try Account.fetchOne(db, key: accountId) else {
                throw AccountError.notFound("#\(accountId)")
            }
            guard account.status == .active else { throw AccountError.notActive(account.username) }
            if account.language == language.rawValue { return false }
            try db.execute(
                sql: "UPDATE account SET language = ? WHERE id = ?", arguments: [language.rawValue, accountId])
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: RequestActor.subscriber.rawValue,
                action: "language-set", detail: language.rawValue)
            return true
        }
    }
}
