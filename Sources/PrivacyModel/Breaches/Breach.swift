public import Foundation

/// Where a breach stands in the register.
public enum BreachStatus: String, Codable, Sendable {
    /// Recorded, nobody told yet.
    case draft
    /// Notices were published; it shows as an alert to those affected until closed.
    case published
    /// Dealt with: notices stay in the subscribers' lists, the alert goes.
    case closed
}

/// A breach as the register holds it: codes and dates, so each reader sees it in their language.
public struct Breach: Sendable, Equatable, Identifiable {
    /// Row id.
    public let id: Int64
    /// The reference staff and subscribers quote ("B-XXXXXX").
    public let reference: String
    /// What happened.
    public let kind: BreachKind
    /// Optional extra facts in the approver's words, shown as written.
    public let details: String
    /// When the service became aware of it; notices are due 72 hours later.
    public let discoveredAt: Date
    /// When it was recorded.
    public let recordedAt: Date
    /// The data categories involved (catalogue ids).
    public let categories: [String]
    /// Who is affected.
    public let audience: BreachAudience
    /// Likely consequences.
    public let consequences: [BreachConsequence]
    /// What the service is doing.
    public let measures: [BreachMeasure]
    /// What subscribers can do.
    public let advice: [BreachAdvice]
    /// Where to ask (an email address or phone number).
    public let contact: String
    /// Draft, published or closed.
    public let status: BreachStatus
    /// 0 while a draft; 1 once published, +1 for each published update (a notice shows again after one).
    public let version: Int
    /// When it was first published.
    public let publishedAt: Date?
    /// When the last update was published.
    public let updatedAt: Date?
    /// When it was closed.
    public let closedAt: Date?
}

/// One subscriber's notice of a breach: what the sign-in gate, the Notices list and the Overview alert show.
public struct BreachNotice: Sendable, Equatable, Identifiable {
    /// The notice's row id.
    public let id: Int64
    /// The breach it tells of.
    public let breach: Breach
    /// The subscriber's categories that were involved (catalogue ids, catalogue order).
    public let involved: [String]
    /// The subscriber's categories that were not involved.
    public let notInvolved: [String]
    /// The breach version this subscriber was last sent (an update that no longer names them does not raise it).
    public let version: Int
    /// When the subscriber was first told.
    public let notifiedAt: Date
    /// Whether it was also mailed.
    public let byEmail: Bool
    /// The breach version the subscriber last acknowledged (0: never).
    public let acknowledgedVersion: Int
    /// When they last acknowledged it.
    public let acknowledgedAt: Date?

    /// Whether the subscriber still has to read it: never acknowledged, or an update was sent to them since.
    public var needsAcknowledgement: Bool { acknowledgedVersion < version }
}
