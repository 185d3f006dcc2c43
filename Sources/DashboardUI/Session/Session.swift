public import Foundation
public import PrivacyModel

/// A signed-in subscriber: the account, the model services and the shared status line.
///
/// Screens read and change the store only through the services here, the same ones the CLI uses.
@MainActor
public final class Session {
    /// The store, settings and the catalogue with its texts in the session's language, so every service a
    /// screen reaches (summaries, preferences, requests) hands back names and summaries in that language.
    public private(set) var context: PrivacyContext
    /// The catalogue as shipped (English): the base each language's texts are laid over.
    private let shippedCatalogue: PolicyCatalogue
    /// The signed-in account, reloaded after changes.
    public private(set) var account: Account
    /// Every user-facing string, in the session's language.
    public private(set) var strings: Strings
    /// Dates and numbers in the session's language.
    public private(set) var formats: Formats
    /// A one-line message shown above the key hints until the next key.
    public var flash: Flash?
    /// The name shown in the title bar (the profile's full name, else the username).
    public private(set) var displayName: String
    /// The catalogue's texts by key in the session's language, for stored messages that name them.
    private var catalogueTexts: [String: String]

    /// Makes a session for an account that has just signed in.
    public init(context: PrivacyContext, account: Account, strings: Strings, formats: Formats) {
        shippedCatalogue = context.catalogue
        self.context = Self.localized(
            context, catalogue: context.catalogue,
            texts: Self.catalogueTexts(context: context, language: strings.language))
        catalogueTexts = self.context.catalogue.texts
        self.account = account
        self.strings = strings
        self.formats = formats
        displayName = account.username
        loadDisplayName()
    }

    /// The language the session shows (English when its strings are in a language not shipped).
    public var language: DisplayLanguage { DisplayLanguage(code: strings.language) ?? .english }

    /// Switches the running session to `language` at once: strings, formats and the catalogue's texts.
    public func switchLanguage(to language: DisplayLanguage) throws(StringsError) {
        let strings = try Strings.bundled(language: language.rawValue)
        use(strings: strings, catalogueTexts: Self.catalogueTexts(context: context, language: language.rawValue))
    }

    /// Switches to ready strings and catalogue texts (`switchLanguage` loads the shipped ones; tests pass their own).
    public func use(strings: Strings, catalogueTexts: [String: String]) {
        self.strings = strings
        formats = Formats(language: strings.language, timeZone: formats.timeZone)
        context = Self.localized(context, catalogue: shippedCatalogue, texts: catalogueTexts)
        self.catalogueTexts = context.catalogue.texts
    }

    /// The catalogue texts for a language: the in-force version's published translation when the store has one,
    /// else the shipped one; none (English) when neither can be read.
    static func catalogueTexts(context: PrivacyContext, language: String) -> [String: String] {
        (try? PolicyTexts.texts(store: context.store, day: context.now, language: language))
            ?? PolicyTexts.shipped(language: language)
    }

    /// A context on the same store whose catalogue is `catalogue` carrying `texts`.
    static func localized(
        _ base: PrivacyContext, catalogue: PolicyCatalogue, texts: [String: String]
    ) -> PrivacyContext {
        let localized = texts.isEmpty ? catalogue : catalogue.localized(texts)
        return (try? PrivacyContext(store: base.store, catalogue: localized, settings: base.settings)) ?? base
    }

    private func loadDisplayName() {
        let name = (try? AccountService(context: context).profile(accountId: account.id))??.fullName
        displayName = name.flatMap { $0.isEmpty ? nil : $0 } ?? account.username
    }

    /// The policy catalogue.
    public var catalogue: PolicyCatalogue { context.catalogue }
    /// The current time from the model's clock.
    public var now: Date { context.now }
    /// Accounts and profiles.
    public var accounts: AccountService { AccountService(context: context) }
    /// Sign-in checks (also used to re-check a password).
    public var signIn: SignInService { SignInService(context: context) }
    /// Counts, dates and pages of stored records.
    public var collectedData: CollectedDataService { CollectedDataService(context: context) }
    /// Preferences and consent receipts.
    public var preferences: PreferenceService { PreferenceService(context: context) }
    /// Rights requests.
    public var requests: RequestService { RequestService(context: context) }

    /// Reads the account row again (after a change made here or in another session).
    public func reloadAccount() {
        if let fresh = try? accounts.account(id: account.id) { account = fresh }
        loadDisplayName()
    }

    /// Shows a message in the status line.
    public func show(_ text: String, _ kind: Flash.Kind = .info) { flash = Flash(text: text, kind: kind) }

    /// Shows an error from the model in the status line, in its own words.
    public func show(error: any Error) {
        flash = Flash(text: message(for: error), kind: .danger)
    }

    /// Text kept in the store (a resolution, an event's note) in the session's language.
    public func text(of stored: StoredText) -> String {
        strings.text(of: stored, formats: formats) { [catalogueTexts] in catalogueTexts[$0] }
    }

    /// A model error in the session's language (its English description when no translation is keyed).
    public func message(for error: any Error) -> String {
        strings.message(for: error, formats: formats)
    }
}

/// A status-line message and how it should read.
public struct Flash: Sendable, Equatable {
    /// Good news, a warning, a failure or plain information.
    public enum Kind: Sendable, Equatable {
        /// Plain information.
        case info
        /// Something was saved or done.
        case success
        /// Needs attention.
        case warning
        /// Failed.
        case danger
    }

    /// The message.
    public let text: String
    /// How it reads.
    public let kind: Kind
}
