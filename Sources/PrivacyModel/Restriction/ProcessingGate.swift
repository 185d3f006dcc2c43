public import GRDB

/// The one question every writer of personal data asks before it records anything: may this account's data
/// of this category be recorded for this purpose now? No while the subscriber restricts the category, and no
/// while they object to the purpose. Deleting data (retention, erasure) never asks: a restriction keeps data
/// from use, not from deletion that falls due.
public enum ProcessingGate {
    /// Whether data of `category` may be recorded for `purpose` on `account`, inside the writer's transaction.
    public static func mayRecord(account: Int64, category: String, purpose: String, on db: Database) throws -> Bool {
        if try RestrictionService.isRestricted(accountId: account, categoryId: category, db) { return false }
        if try ObjectionService.isObjecting(accountId: account, purposeId: purpose, db) { return false }
        return true
    }
}
