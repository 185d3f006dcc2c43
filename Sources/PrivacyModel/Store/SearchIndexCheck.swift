import GRDB

extension PrivacyStore {
    /// The record tables whose search index no longer matches their rows (empty when every index is exact).
    ///
    /// Runs FTS5's `integrity-check` with rank 1, which also compares each external-content index with the
    /// rows of its table. The command is written as an insert, so it runs in a write transaction; it changes
    /// nothing.
    public func searchIndexFindings() throws -> [String] {
        try write { db in
            var broken: [String] = []
            for table in RecordSetTable.all {
                let index = StoreSchema.searchIndex(of: table).quotedDatabaseIdentifier
                do {
                    try db.execute(sql: "INSERT INTO \(index)(\(index), rank) VALUES ('integrity-check', 1)")
                } catch let error as DatabaseError
                    where error.resultCode == .SQLITE_CORRUPT || error.extendedResultCode == .SQLITE_CORRUPT_VTAB
                {
                    broken.append(table.table)
                }
            }
            return broken
        }
    }
}
