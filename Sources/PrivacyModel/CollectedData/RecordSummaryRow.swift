import GRDB

/// One account's stored figures for one record set, as the store's triggers keep them in `record_summary`.
struct RecordSummaryRow: Equatable {
    /// How many records exist.
    var count = 0
    /// The oldest record's time (seconds since 1970).
    var oldest: Int64?
    /// The newest record's time.
    var newest: Int64?
    /// Records under a hold.
    var heldCount = 0
    /// The oldest record under no hold (nil for sets without a hold: `oldest` is the anchor then).
    var oldestUnheld: Int64?

    /// Every set's row of an account, by record-set id; a set without a row has no records.
    static func all(accountId: Int64, _ db: Database) throws -> [String: RecordSummaryRow] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT recordSet, count, oldest, newest, heldCount, oldestUnheld FROM record_summary
                WHERE accountId = ?
                """,
            arguments: [accountId])
        var found: [String: RecordSummaryRow] = [:]
        for row in rows {
            found[row[0]] = RecordSummaryRow(
                count: row[1], oldest: row[2], newest: row[3], heldCount: row[4], oldestUnheld: row[5])
        }
        return found
    }

    /// One set's row of an account (an empty row when the set holds nothing for it).
    static func one(accountId: Int64, recordSet: String, _ db: Database) throws -> RecordSummaryRow {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count, oldest, newest, heldCount, oldestUnheld FROM record_summary
                    WHERE accountId = ? AND recordSet = ?
                    """,
                arguments: [accountId, recordSet])
        else { return RecordSummaryRow() }
        return RecordSummaryRow(
            count: row[0], oldest: row[1], newest: row[2], heldCount: row[3], oldestUnheld: row[4])
    }
}
