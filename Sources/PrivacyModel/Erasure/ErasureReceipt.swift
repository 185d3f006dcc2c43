public import Foundation

/// What an erasure did: the request that records it, what went and what stayed (with reasons and dates).
public struct ErasureReceipt: Sendable, Equatable, Codable {
    /// The reference of the completed deletion request.
    public let reference: String
    /// The account concerned.
    public let accountId: Int64
    /// The category's catalogue id.
    public let categoryId: String
    /// When the erasure finished.
    public let completedAt: Date
    /// Per record set: `deleteCount` is what was deleted, `keepCount` what remains and why.
    public let sets: [RecordSetDisposition]

    /// Records deleted across the category.
    public var deletedCount: Int { sets.reduce(0) { $0 + $1.deleteCount } }
    /// Records kept across the category.
    public var keptCount: Int { sets.reduce(0) { $0 + $1.keepCount } }
}
