public import Foundation
public import GRDB

/// A category the subscriber has restricted: its data is kept but not used until the restriction is lifted.
public struct Restriction: Sendable, Equatable, Codable, FetchableRecord {
    /// The account that restricted it.
    public let accountId: Int64
    /// The category's catalogue id.
    public let categoryId: String
    /// When the restriction took effect.
    public let restrictedAt: Date
    /// The subscriber's reason ("" when none was given).
    public let reason: String
    /// The reference of the completed restriction request, if any.
    public let requestReference: String?

    /// Reads a `restriction` row.
    public init(row: Row) throws {
        accountId = row["accountId"]
        categoryId = row["categoryId"]
        restrictedAt = Date(epochSeconds: row["restrictedAt"])
        reason = row["reason"]
        requestReference = row["requestReference"]
    }
}
