public import Foundation

/// What an objection did: the completed request and the preferences it switched off.
public struct ObjectionReceipt: Sendable, Equatable {
    /// The reference of the completed objection request.
    public let reference: String
    /// The account concerned.
    public let accountId: Int64
    /// The purpose objected to.
    public let purposeId: String
    /// When the objection took effect.
    public let completedAt: Date
    /// One consent receipt per preference switched off by the objection.
    public let receipts: [ConsentReceipt]
    /// Preferences for the purpose that were already off.
    public let alreadyOff: [String]
}
