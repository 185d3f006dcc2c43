public import Foundation

/// A dry run of erasing one category: per record set what would be deleted and what kept, and why.
public struct ErasurePlan: Sendable, Equatable, Codable {
    /// The account concerned.
    public let accountId: Int64
    /// The category's catalogue id.
    public let categoryId: String
    /// The category's display name.
    public let categoryName: String
    /// When the plan was made.
    public let plannedAt: Date
    /// One entry per record set of the category, in catalogue order.
    public let sets: [RecordSetDisposition]

    /// Records that would be deleted across the category.
    public var deleteCount: Int { sets.reduce(0) { $0 + $1.deleteCount } }
    /// Records that would be kept across the category.
    public var keepCount: Int { sets.reduce(0) { $0 + $1.keepCount } }
}
