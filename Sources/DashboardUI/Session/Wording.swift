public import Foundation
public import PrivacyModel

/// What puts the model's values into words for a reader: the subscriber's session and the staff console both
/// provide it, so a request and its timeline read the same on either side.
@MainActor
public protocol Wording {
    /// Every user-facing string in the reader's language.
    var strings: Strings { get }
    /// Dates and numbers in the reader's language.
    var formats: Formats { get }
    /// The policy catalogue with its texts in the reader's language.
    var catalogue: PolicyCatalogue { get }
    /// The current time from the model's clock.
    var now: Date { get }
    /// Text kept in the store in the reader's language.
    func text(of stored: StoredText) -> String
    /// Who took a step on a request, as this reader names them ("you" to the subscriber).
    func actorName(_ actor: RequestActor) -> String
}

extension Session: Wording {
    /// The subscriber reads their own steps as "you".
    public func actorName(_ actor: RequestActor) -> String { strings["requests.actor.\(actor.rawValue)"] }
}
