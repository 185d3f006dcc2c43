public import Foundation

/// What one retention run did (or, in a dry run, would do) to one record set.
public struct RetentionSetResult: Sendable, Equatable, Codable {
    /// The record set's catalogue id.
    public let recordSetId: String
    /// The record set's display name.
    public let name: String
    /// The category that holds it.
    public let categoryId: String
    /// The rule in a few words ("2 years", "90 days, longer if held").
    public let rule: String
    /// Records anchored at or before this instant were due (nil for account-lifetime sets).
    public let cutoff: Date?
    /// Records deleted (or that would be in a dry run).
    public let deletedCount: Int
    /// Records past their period but kept under a hold (e.g. a security investigation).
    public let heldCount: Int
}

/// The outcome of a retention run: per record set what was deleted and held, and the accounts purged.
public struct RetentionReport: Sendable, Equatable, Codable {
    /// The instant the rules were applied at.
    public let asOf: Date
    /// True when nothing was changed.
    public let dryRun: Bool
    /// One entry per record set, in catalogue order.
    public let sets: [RetentionSetResult]
    /// Accounts whose purge date had passed.
    public let purges: [AccountPurgeResult]
    /// Export files removed from a shared box because their download code expired (0 in a dry run).
    public var removedDownloads = 0
    /// Sent or failed outbox messages whose address was blanked (or would be, in a dry run).
    public var scrubbedMailAddresses = 0

    /// Records deleted across every set (purges not included).
    public var deletedCount: Int { sets.reduce(0) { $0 + $1.deletedCount } }
    /// Records held past their period across every set.
    public var heldCount: Int { sets.reduce(0) { $0 + $1.heldCount } }
    /// True when the run deleted (or would delete) nothing and purged no account.
    public var isEmpty: Bool { deletedCount == 0 && purges.isEmpty }
}
