import GRDB

/// Migration v8: the mail outbox, the breach register with its notices, and published policy versions.
extension StoreSchema {
    /// Creates the tables of the service's notices: what is mailed, what breaches were told, which policy applies.
    static func addNotices(_ db: Database) throws {
        try createOutboxTable(db)
        try createBreachTables(db)
        try createPolicyVersionTables(db)
    }
}
