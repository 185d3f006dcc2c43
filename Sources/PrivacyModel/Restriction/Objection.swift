public import Foundation
public import GRDB

/// A purpose the subscriber objects to: it stands, keeping the purpose's preferences off and its data
/// unrecorded, until the subscriber withdraws it.
public struct Objection: Sendable, Equatable, FetchableRecord {
    /// The account that objected.
    public let accountId: Int64
    /// The purpose's catalogue id.
    public let purposeId: String
    /// When the objection took effect.
    public let objectedAt: Date
    /// The reference of the completed objection request.
    public let requestReference: String

    /// Reads an `objection` row.
    public init(row: Row) throws {
        accountId = row["accountId"]
        purposeId = row["purposeId"]
        objectedAt = Date(epochSeconds: row["objectedAt"])
        requestReference = row["requestReference"]
    }
}
