public import Foundation

/// What an erasure (or an account deletion) does to one record set: how many records go, how many
/// stay, and for those that stay, why and until when.
public struct RecordSetDisposition: Sendable, Equatable, Codable {
    /// The record set's catalogue id.
    public let recordSetId: String
    /// The record set's display name.
    public let name: String
    /// The category that holds the set.
    public let categoryId: String
    /// Records that are (or would be) deleted.
    public let deleteCount: Int
    /// Records that are (or would be) kept.
    public let keepCount: Int
    /// Why the kept records stay, in plain words from the catalogue (nil when nothing is kept).
    public let keepReason: String?
    /// The legal basis id behind the keeping ("legal-obligation", "legitimate-interests").
    public let keepBasis: String?
    /// When the first kept record falls due after all (nil when no date applies, e.g. a security hold).
    public let keptUntilEarliest: Date?
    /// When the last kept record falls due (nil when no date applies).
    public let keptUntilLatest: Date?

    /// Describes one record set's fate.
    public init(
        recordSetId: String, name: String, categoryId: String, deleteCount: Int, keepCount: Int,
        keepReason: String? = nil, keepBasis: String? = nil, keptUntilEarliest: Date? = nil,
        keptUntilLatest: Date? = nil
    ) {
        self.recordSetId = recordSetId
        self.name = name
        self.categoryId = categoryId
        self.deleteCount = deleteCount
        self.keepCount = keepCount
        self.keepReason = keepReason
        self.keepBasis = keepBasis
        self.keptUntilEarliest = keptUntilEarliest
        self.keptUntilLatest = keptUntilLatest
    }
}
