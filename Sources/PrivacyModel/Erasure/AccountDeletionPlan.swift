public import Foundation

/// A dry run of deleting an account: what is purged, what is kept and why, and when the purge happens.
public struct AccountDeletionPlan: Sendable, Equatable, Codable {
    /// The account concerned.
    public let accountId: Int64
    /// When the data is (or would be) purged: the request instant plus the catalogue's purge delay.
    public let purgeDueAt: Date
    /// The purge delay in days, from the catalogue.
    public let purgeDays: Int
    /// True when deletion was already requested (the purge date is then the stored one).
    public let alreadyRequested: Bool
    /// Per record set in catalogue order: what the purge deletes and what a hold keeps.
    public let sets: [RecordSetDisposition]
    /// Consent receipts the purge removes, with the preferences they record.
    ///
    /// Besides the record sets and these, the purge removes the account's restrictions, objections, sign-in
    /// failures and identity fields; an anonymous account row and the audit log's entries stay (screens word these).
    public let receiptCount: Int
    /// Rights requests the purge removes with their history.
    public let requestCount: Int

    /// Records the purge deletes.
    public var deleteCount: Int { sets.reduce(0) { $0 + $1.deleteCount } }
    /// Records the purge keeps under a hold.
    public var keepCount: Int { sets.reduce(0) { $0 + $1.keepCount } }
}
