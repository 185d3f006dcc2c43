import GRDB

/// A stored summary that differs from the records it sums up: which account, set and table.
public struct RecordSummaryMismatch: Sendable, Equatable {
    /// Which of the two kept tables differs.
    public enum Table: String, Sendable {
        /// `record_summary`: count, oldest, newest and holds per account and record set.
        case summary = "record_summary"
        /// `viewing_week`: viewing events and seconds per account, week and channel.
        case viewingWeeks = "viewing_week"
    }

    /// The account whose figures differ.
    public let accountId: Int64
    /// The record set's catalogue id.
    public let recordSet: String
    /// The table that holds the wrong figures.
    public let table: Table
}

/// Compares the summaries the store's triggers keep with the records themselves, for `check`.
///
/// It reads every record once (a full scan per set), so it belongs to `check`, never to a screen.
public struct RecordSummaryCheck: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the check to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Every account and set whose stored figures differ from its rows, by account then set.
    public func mismatches() throws -> [RecordSummaryMismatch] {
        try context.store.read { db in try Self.mismatches(db) }
    }

    /// Fills both tables again from the records, in one transaction: the repair after a mismatch.
    public func rebuild() throws {
        try context.store.write { db in
            try db.execute(sql: "DELETE FROM record_summary; DELETE FROM viewing_week;")
            for table in RecordSetTable.all { try db.execute(sql: RecordSummarySQL(table: table).backfill) }
            try db.execute(sql: ViewingRollupSQL.backfill)
        }
    }

    /// The mismatches read inside the caller's transaction.
    static func mismatches(_ db: Database) throws -> [RecordSummaryMismatch] {
        var found: [RecordSummaryMismatch] = []
        for table in RecordSetTable.all {
            let computed = RecordSummarySQL(table: table).computed
            // A set emptied of its records keeps a row of zeros and nulls; that equals no row.
            let stored = """
                SELECT accountId, recordSet, count, oldest, newest, heldCount, oldestUnheld FROM record_summary
                WHERE recordSet = ?
                  AND NOT (count = 0 AND oldest IS NULL AND newest IS NULL AND heldCount = 0 AND oldestUnheld IS NULL)
                """
            let accounts = try differingAccounts(
                db, computed: computed, stored: stored, arguments: [table.id, table.id])
            found += accounts.map { RecordSummaryMismatch(accountId: $0, recordSet: table.id, table: .summary) }
        }
        let stored = "SELECT accountId, week, channel, events, seconds FROM viewing_week"
        let computed = ViewingRollupSQL.computed
        let viewing = try differingAccounts(db, computed: computed, stored: stored, arguments: [])
        if let set = RecordSetTable.all.first(where: { $0.table == "viewing_event" }) {
            found += viewing.map { RecordSummaryMismatch(accountId: $0, recordSet: set.id, table: .viewingWeeks) }
        }
        return found.sorted { ($0.accountId, $0.recordSet) < ($1.accountId, $1.recordSet) }
    }

    /// The accounts whose rows differ between the figures computed from the records and the stored ones.
    private static func differingAccounts(
        _ db: Database, computed: String, stored: String, arguments: StatementArguments
    ) throws -> [Int64] {
        try Int64.fetchAll(
            db,
            sql: """
                SELECT accountId FROM (\(computed) EXCEPT \(stored))
                UNION SELECT accountId FROM (\(stored) EXCEPT \(computed))
                ORDER BY accountId
                """,
            arguments: arguments)
    }
}
