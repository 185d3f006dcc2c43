public import Foundation

/// What requesting deletion did: the request's reference, when access ended and when the purge falls due.
public struct AccountDeletionReceipt: Sendable, Equatable, Codable {
    /// The reference of the account-deletion request.
    public let reference: String
    /// The account concerned.
    public let accountId: Int64
    /// When deletion was requested (access ended then).
    public let requestedAt: Date
    /// When the data is purged.
    public let purgeDueAt: Date
    /// What the purge will delete and keep.
    public let plan: AccountDeletionPlan
}
