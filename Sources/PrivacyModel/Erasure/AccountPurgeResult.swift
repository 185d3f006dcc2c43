public import Foundation

/// What a purge did to one account.
public struct AccountPurgeResult: Sendable, Equatable, Codable {
    /// The account purged.
    public let accountId: Int64
    /// The purge date it was due on.
    public let purgeDueAt: Date
    /// When it was purged (nil in a dry run).
    public let purgedAt: Date?
    /// Records deleted (or, in a dry run, that would be).
    public let deletedCount: Int
    /// Records kept under a hold (payments under the legal obligation, logs under security hold).
    public let keptCount: Int
}
