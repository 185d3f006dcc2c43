public import Foundation
public import PrivacyModel

/// A signed-in subscriber: the account, the model services and the shared status line.
///
/// Screens read and change the store only through the services here, the same ones the CLI uses.
@MainActor
public final class Session {
    /// The store, catalogue and settings.
    public let context: PrivacyContext
    /// The signed-in account, reloaded after changes.
    public private(set) var account: Account
    /// Every user-facing string.
    public let strings: Strings
    /// Dates and numbers in the subscriber's language.
    public let formats: Formats
    /// A one-line message shown above the key hints until the next key.
    public var flash: Flash?
    /// The name shown in the title bar (the profile's full name, else the username).
    public private(set) var displayName: String

    /// Makes a session for an account that has just signed in.
    public init(context: PrivacyContext, account: Account, strings: Strings, formats: Formats) {
        self.context = context
        self.account = account
        self.strings = strings
        self.formats = formats
        displayName = account.username
        loadDisplayName()
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
        if let failure = error as? any UserFacingError {
            flash = Flash(text: failure.description, kind: .danger)
        } else {
            flash = Flash(text: strings("error.unexpected", ["detail": String(describing: error)]), kind: .danger)
        }
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
