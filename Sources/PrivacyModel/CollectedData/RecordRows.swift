import Foundation
import GRDB

extension RecordSetTable {
    /// Reads this set's records in time order (then by key), so the pages and the filter read rows one way.
    func records(
        _ db: Database, where condition: String, arguments: [any DatabaseValueConvertible], ascending: Bool,
        limit: Int
    ) throws -> [StoredRecord] {
        let time = timeColumn.quotedDatabaseIdentifier
        let key = rowKey.quotedDatabaseIdentifier
        let order = ascending ? "ASC" : "DESC"
        let shown = columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let sql = """
            SELECT \(key), \(time), \(shown) FROM \(table)
            WHERE \(condition)
            ORDER BY \(time) \(order), \(key) \(order) LIMIT \(limit)
            """
        let count = columns.count
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            StoredRecord(
                key: row[0], time: Date(epochSeconds: row[1]),
                values: (0..<count).map { FieldValue(row[$0 + 2] as DatabaseValue) })
        }
    }

    /// Records past a boundary in the reading direction, as a row value: with bound values SQLite reads the form
    /// "time < ? OR (time = ? AND key < ?)" from the account's newest record every time, the row value as a range
    /// on the (account, time, key) index.
    func keyset(after time: Int64, key: Int64, ascending: Bool) -> (String, [any DatabaseValueConvertible]) {
        let columns = "(\(timeColumn.quotedDatabaseIdentifier), \(rowKey.quotedDatabaseIdentifier))"
        return ("\(columns) \(ascending ? ">" : "<") (?, ?)", [time, key])
    }
}
