import Foundation
import GRDB

/// One record set to export: its binding, output columns and how many rows fall in the range.
struct ExportedSet: Sendable {
    /// The catalogue entry.
    let definition: RecordSetDefinition
    /// The table binding.
    let table: RecordSetTable
    /// Output columns: the row key, then the set's columns.
    let columns: [String]
    /// Whether each output column holds seconds since 1970 (written as ISO 8601).
    let isTime: [Bool]
    /// The position of the time column among `columns`.
    let timeIndex: Int
    /// Rows in range when the plan was made (for progress only; files count what they really wrote).
    let rows: Int

    init(definition: RecordSetDefinition, table: RecordSetTable, rows: Int) {
        self.definition = definition
        self.table = table
        let columns = [table.rowKey] + table.columns.filter { $0 != table.rowKey }
        self.columns = columns
        isTime = columns.map(ExportPlan.isTimeColumn)
        timeIndex = columns.firstIndex(of: table.timeColumn) ?? 0
        self.rows = rows
    }
}

/// One category to export, with the column layout of its CSV file.
struct ExportedCategory: Sendable {
    /// The catalogue entry.
    let category: DataCategory
    /// Its record sets, in catalogue order.
    let sets: [ExportedSet]
    /// The CSV columns: "recordSet", then every set's columns once, in order of first appearance.
    let csvColumns: [String]

    /// The CSV file's name ("viewing.csv").
    var csvFileName: String { Self.csvFileName(category.id) }

    /// The name of the CSV file a category's records are exported to ("viewing.csv").
    static func csvFileName(_ categoryId: String) -> String { "\(categoryId).csv" }

    init(category: DataCategory, sets: [ExportedSet]) {
        self.category = category
        self.sets = sets
        var columns = ["recordSet"]
        for set in sets {
            for column in set.columns where !columns.contains(column) { columns.append(column) }
        }
        csvColumns = columns
    }
}

/// What an export will write: the categories chosen, the date range and the row counts for progress.
struct ExportPlan: Sendable {
    /// Categories in catalogue order.
    let categories: [ExportedCategory]
    /// Records at or after this instant (seconds since 1970), if limited.
    let since: Int64?
    /// Records strictly before this instant (seconds since 1970), if limited.
    let before: Int64?

    /// Rows to write across every set.
    var totalRows: Int { categories.reduce(0) { $0 + $1.sets.reduce(0) { $0 + $1.rows } } }

    /// A column named "…At" holds seconds since 1970.
    static func isTimeColumn(_ name: String) -> Bool { name.hasSuffix("At") }

    /// Checks the chosen categories and range against the catalogue and counts the rows in range.
    static func make(
        accountId: Int64, categories wanted: [String]?, since: Date?, before: Date?, context: PrivacyContext
    ) throws -> ExportPlan {
        let catalogue = context.catalogue
        let chosen = try chosenCategories(wanted, catalogue: catalogue)
        let sinceSeconds = since?.epochSeconds
        let beforeSeconds = before.map { Int64($0.timeIntervalSince1970.rounded(.up)) }
        if let sinceSeconds, let beforeSeconds, sinceSeconds >= beforeSeconds { throw ExportError.emptyRange }
        let categories = try context.store.read { db in
            try catalogue.categories.filter { chosen.contains($0.id) }.map { category in
                let sets = try category.recordSets.map { definition in
                    guard let table = RecordSetTable.named(definition.id) else {
                        throw CatalogueError.invalid("record set \"\(definition.id)\" has no table in the store")
                    }
                    let rows = try count(table, accountId: accountId, since: sinceSeconds, before: beforeSeconds, db)
                    return ExportedSet(definition: definition, table: table, rows: rows)
                }
                return ExportedCategory(category: category, sets: sets)
            }
        }
        return ExportPlan(categories: categories, since: sinceSeconds, before: beforeSeconds)
    }

    /// The category ids to include: every one when `wanted` is nil; an unknown id or an empty list is refused.
    static func chosenCategories(_ wanted: [String]?, catalogue: PolicyCatalogue) throws(ExportError) -> Set<String> {
        let known = catalogue.categories.map(\.id)
        guard let wanted else { return Set(known) }
        var chosen = Set<String>()
        for id in wanted.map({ $0.trimmingCharacters(in: .whitespaces) }) where !id.isEmpty {
            guard known.contains(id) else { throw .unknownCategory(id, known: known) }
            chosen.insert(id)
        }
        guard !chosen.isEmpty else { throw .unknownCategory("", known: known) }
        return chosen
    }

    /// The WHERE clause and arguments that pick an account's rows in range.
    static func condition(_ table: RecordSetTable, accountId: Int64, since: Int64?, before: Int64?)
        -> (sql: String, arguments: [any DatabaseValueConvertible])
    {
        let time = table.timeColumn.quotedDatabaseIdentifier
        var parts = ["\(table.ownerColumn.quotedDatabaseIdentifier) = ?"]
        var arguments: [any DatabaseValueConvertible] = [accountId]
        if let since {
            parts.append("\(time) >= ?")
            arguments.append(since)
        }
        if let before {
            parts.append("\(time) < ?")
            arguments.append(before)
        }
        return (parts.joined(separator: " AND "), arguments)
    }

    private static func count(
        _ table: RecordSetTable, accountId: Int64, since: Int64?, before: Int64?, _ db: Database
    ) throws -> Int {
        let (sql, arguments) = condition(table, accountId: accountId, since: since, before: before)
        return try Int.fetchOne(
            db, sql: "SELECT count(*) FROM \(table.table.quotedDatabaseIdentifier) WHERE \(sql)",
            arguments: StatementArguments(arguments)) ?? 0
    }
}
