public import Foundation
public import PrivacyModel

/// A member of staff at the console: who they are, the model services the console calls and the status line.
///
/// The console reads and changes the store only through these services, the same ones the CLI uses.
@MainActor
public final class ConsoleSession: Wording {
    /// The signed-in member of staff (made by the staff sign-in).
    public let staff: StaffIdentity
    /// The store, settings and the catalogue with its texts in the console's language.
    public let context: PrivacyContext
    /// Every user-facing string in the console's language.
    public let strings: Strings
    /// Dates and numbers in the console's language.
    public let formats: Formats
    /// A one-line message shown above the key hints until the next key.
    public var flash: Flash?
    /// The catalogue's texts by key, for stored messages that name them.
    private let catalogueTexts: [String: String]

    /// Starts a console session for `staff` on `context`, in the language of `strings`.
    public init(context: PrivacyContext, staff: StaffIdentity, strings: Strings) {
        self.staff = staff
        self.context = Session.localized(
            context, catalogue: context.catalogue,
            texts: Session.catalogueTexts(context: context, language: strings.language))
        catalogueTexts = self.context.catalogue.texts
        self.strings = strings
        formats = Formats(language: strings.language)
    }

    /// The policy catalogue.
    public var catalogue: PolicyCatalogue { context.catalogue }
    /// The current time from the model's clock.
    public var now: Date { context.now }
    /// The open requests, paged and counted.
    public var queue: StaffQueue { StaffQueue(context: context) }
    /// Rights requests and their steps.
    public var requests: RequestService { RequestService(context: context) }
    /// The one dispatcher that carries a request out.
    public var fulfilment: RequestFulfilment { RequestFulfilment(context: context) }
    /// Accounts and profiles (the identity details a request is verified against).
    public var accounts: AccountService { AccountService(context: context) }

    /// The member of staff acting on (or reading) the request `reference`, with it as the reason.
    public func access(for reference: String) -> StaffAccess {
        StaffAccess(staff: staff, reason: .request(ReferenceNumber.normalise(reference) ?? reference))
    }

    /// Text kept in the store in the console's language.
    public func text(of stored: StoredText) -> String {
        strings.text(of: stored, formats: formats) { [catalogueTexts] in catalogueTexts[$0] }
    }

    /// Staff read the subscriber's steps as the subscriber's, not as "you".
    public func actorName(_ actor: RequestActor) -> String { strings["console.actor.\(actor.rawValue)"] }

    /// A model error in the console's language.
    public func message(for error: any Error) -> String { strings.message(for: error, formats: formats) }

    /// Shows a message in the status line.
    public func show(_ text: String, _ kind: Flash.Kind = .info) { flash = Flash(text: text, kind: kind) }

    /// Shows an error from the model in the status line, in its own words.
    public func show(error: any Error) { flash = Flash(text: message(for: error), kind: .danger) }

    /// The staff member's role in words.
    public var roleName: String { strings["error.term.role.\(staff.role.rawValue)"] }
}
