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

/// Reads and keeps the language an account sees the dashboard in (the profile's language field).
///
/// A change goes through `ProfileCorrectionService`, so it leaves the same trail as any other profile
/// correction (a completed correction request and an audit entry): the profile never changes unrecorded.
public struct LanguagePreferenceService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// The account's language when it is one the dashboard is shipped in; nil when none is set or it is another.
    public func language(accountId: Int64) throws -> DisplayLanguage? {
        let profile = try AccountService(context: context).profile(accountId: accountId)
        return profile?.language.flatMap(DisplayLanguage.init(code:))
    }

    /// Keeps `language` as the account's language; nil when it was the language held already.
    @discardableResult
    public func set(accountId: Int64, to language: DisplayLanguage) throws -> ProfileCorrectionReceipt? {
        let profile = try AccountService(context: context).profile(accountId: accountId)
        if profile?.language == language.rawValue { return nil }
        return try ProfileCorrectionService(context: context).correct(
            accountId: accountId, field: .language, newValue: language.rawValue)
    }
}
