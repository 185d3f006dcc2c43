public import Foundation

/// What an approver fills in to record (or update) a breach: codes and dates, plus optional details and a
/// contact, so the notices can be written in each subscriber's language.
public struct BreachDraft: Sendable, Equatable {
    /// What happened.
    public var kind: BreachKind
    /// Optional extra facts in the approver's words (shown as written, at most `BreachRules.detailsLimit`).
    public var details: String
    /// When the service became aware of it.
    public var discoveredAt: Date
    /// The data categories involved (catalogue ids).
    public var categories: [String]
    /// Who is affected.
    public var audience: BreachAudience
    /// Likely consequences.
    public var consequences: [BreachConsequence]
    /// What the service is doing.
    public var measures: [BreachMeasure]
    /// What subscribers can do.
    public var advice: [BreachAdvice]
    /// Where to ask: an email address or a phone number.
    public var contact: String

    /// Gathers a draft.
    public init(
        kind: BreachKind, details: String = "", discoveredAt: Date, categories: [String], audience: BreachAudience,
        consequences: [BreachConsequence], measures: [BreachMeasure], advice: [BreachAdvice], contact: String
    ) {
        self.kind = kind
        self.details = details
        self.discoveredAt = discoveredAt
        self.categories = categories
        self.audience = audience
        self.consequences = consequences
        self.measures = measures
        self.advice = advice
        self.contact = contact
    }

    /// The draft a recorded breach was made from, to edit it into an update.
    public init(_ breach: Breach) {
        self.init(
            kind: breach.kind, details: breach.details, discoveredAt: breach.discoveredAt,
            categories: breach.categories, audience: breach.audience, consequences: breach.consequences,
            measures: breach.measures, advice: breach.advice, contact: breach.contact)
    }
}
