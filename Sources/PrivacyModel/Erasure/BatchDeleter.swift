import Foundation
import GRDB

/// Deletes rows in small transactions, so sessions sharing the store never wait long and an
/// interrupted run simply continues where it stopped the next time.
struct BatchDeleter {
    /// The store rows are deleted from.
    let store: PrivacyStore
    /// Rows per transaction.
    let batchSize: Int

    /// Deletes the rows of `table` that match `condition`, `batchSize` at a time; returns how many went.
    func delete(_ table: RecordSetTable, where condition: String, arguments: StatementArguments) throws -> Int {
        let key = table.rowKey.quotedDatabaseIdentifier
        let sql = """
            DELETE FROM \(table.table) WHERE \(key) IN
              (SELECT \(key) FROM \(table.table) WHERE \(condition) LIMIT \(max(1, batchSize)))
            """
        var total = 0
        while true {
            let deleted = try store.write { db -> Int in
                try db.execute(sql: sql, arguments: arguments)
                return db.changesCount
            }
            total += deleted
            if deleted < batchSize { return total }
        }
    }

    /// Counts the rows of `table` that match `condition`.
    static func count(_ table: RecordSetTable, where condition: String, arguments: StatementArguments, _ db: Database)
        throws -> Int
    {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.table) WHERE \(condition)", arguments: arguments) ?? 0
    }
}

extension RecordSetTable {
    /// "accountId = ?": the rows of one account.
    var ownerCondition: String { "\(ownerColumn.quotedDatabaseIdentifier) = ?" }

    /// The rows of one account that no hold protects.
    var unheldCondition: String {
        guard let heldCondition else { return ownerCondition }
        return "\(ownerCondition) AND NOT (\(heldCondition))"
    }

    /// The rows of one account that a hold protects (none when the set has no hold).
    var heldOnlyCondition: String? {
        heldCondition.map { "\(ownerCondition) AND (\($0))" }
    }
}
