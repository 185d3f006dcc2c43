import Foundation
import GRDB

/// Works out, from the catalogue's holds and limits, what erasing one record set of an account would delete and keep.
enum DispositionReader {
    /// The disposition of `set` (in `category`) for `accountId`, read inside the caller's transaction.
    static func disposition(
        of set: RecordSetDefinition, in category: DataCategory, accountId: Int64, _ db: Database
    ) throws -> RecordSetDisposition {
        guard let table = RecordSetTable.named(set.id) else {
            throw CatalogueError.invalid("record set \"\(set.id)\" has no table in the store")
        }
        let owner: StatementArguments = [accountId]
        let total = try BatchDeleter.count(table, where: table.ownerCondition, arguments: owner, db)
        let limit = category.rightLimits?.first { $0.right == RightKind.deletion.rawValue }
        if let legalHold = set.retention.legalHold {
            var earliest: Date?
            var latest: Date?
            if total > 0 {
                let time = table.timeColumn.quotedDatabaseIdentifier
                let row = try Row.fetchOne(
                    db, sql: "SELECT min(\(time)), max(\(time)) FROM \(table.table) WHERE \(table.ownerCondition)",
                    arguments: owner)
                earliest = (row?[0] as Int64?).flatMap { set.retention.dueDate(anchoredAt: Date(epochSeconds: $0)) }
                latest = (row?[1] as Int64?).flatMap { set.retention.dueDate(anchoredAt: Date(epochSeconds: $0)) }
            }
            return RecordSetDisposition(
                recordSetId: set.id, name: set.name, categoryId: category.id, deleteCount: 0, keepCount: total,
                keepReason: total > 0 ? (limit?.summary ?? set.retention.summary) : nil,
                keepBasis: total > 0 ? legalHold : nil, keptUntilEarliest: earliest, keptUntilLatest: latest)
        }
        if let heldOnly = table.heldOnlyCondition {
            let held = try BatchDeleter.count(table, where: heldOnly, arguments: owner, db)
            return RecordSetDisposition(
                recordSetId: set.id, name: set.name, categoryId: category.id, deleteCount: total - held,
                keepCount: held, keepReason: held > 0 ? (limit?.summary ?? set.retention.summary) : nil,
                keepBasis: held > 0 ? (limit?.basis ?? "legitimate-interests") : nil)
        }
        return RecordSetDisposition(
            recordSetId: set.id, name: set.name, categoryId: category.id, deleteCount: total, keepCount: 0)
    }
}
