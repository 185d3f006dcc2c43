import Foundation
import GRDB

/// One filtered page of a record set, found in bounded steps so a screen can keep drawing (and stop it) meanwhile.
///
/// A filter keeps the records whose searchable columns contain the text, ignoring case for ASCII (SQL `LIKE`).
/// A filter of three characters or more first asks the trigram index (migration v10) which rows may match; when
/// they are few, one step reads them and confirms each with the same `LIKE`, so the result is exactly the plain
/// scan's. A shorter filter, or one the index says matches many rows, walks the account's records in time order
/// instead, a bounded slice per step, until the page is full or the records run out.
public struct RecordSearch: Sendable {
    /// How the search goes about it.
    public enum Plan: Sendable, Equatable {
        /// Not decided yet (the first step asks the index).
        case undecided
        /// Reads the rows the index names.
        case index
        /// Walks the account's records in time order, a slice per step.
        case scan
    }

    /// The most rows the index may name for the search to read them all at once.
    var indexCandidateLimit = 20_000
    /// Records one scan step reads unless told otherwise (well under 16 ms of work in a release build).
    public static let defaultSliceSize = 8_192
    /// Records one scan step reads.
    var sliceSize: Int

    /// The record set searched.
    public let table: RecordSetTable
    /// The account whose records are searched.
    public let accountId: Int64
    /// Where the page starts.
    public let position: PagePosition
    /// Records per page.
    public let limit: Int
    /// The text searched for (trimmed, not empty).
    public let filter: String
    /// How the search runs.
    public private(set) var plan = Plan.undecided
    /// Records the scan has read so far.
    public private(set) var scanned = 0
    /// The page, once found.
    public private(set) var result: RecordPage?

    private var boundary: (time: Int64, key: Int64)?
    private var hits: [Int64] = []

    /// Prepares a search; nothing is read until `step`.
    public init(
        recordSet id: String, accountId: Int64, position: PagePosition, limit: Int, filter: String,
        sliceSize: Int = RecordSearch.defaultSliceSize
    ) throws {
        guard let table = RecordSetTable.named(id) else {
            throw CatalogueError.invalid("unknown record set \"\(id)\"")
        }
        self.table = table
        self.accountId = accountId
        self.position = position
        self.limit = max(1, min(limit, 1_000))
        self.filter = filter.trimmingCharacters(in: .whitespaces)
        self.sliceSize = max(1, sliceSize)
        switch position {
        case .newest, .oldest: boundary = nil
        case .olderThan(let at, let key), .newerThan(let at, let key): boundary = (at.epochSeconds, key)
        }
    }

    /// Whether the page is found.
    public var isFinished: Bool { result != nil }

    /// Whether records are read oldest first (the oldest page and pages towards newer records).
    private var ascending: Bool {
        switch position {
        case .oldest, .newerThan: true
        case .newest, .olderThan: false
        }
    }

    /// Does one bounded step of the search in its own read; returns the page once it is found.
    @discardableResult
    public mutating func step(in service: CollectedDataService) throws -> RecordPage? {
        try service.context.store.read { db in try step(db) }
    }

    /// Runs the search to its end inside the caller's transaction.
    mutating func run(_ db: Database) throws -> RecordPage {
        while true {
            if let page = try step(db) { return page }
        }
    }

    /// One bounded step inside the caller's transaction.
    mutating func step(_ db: Database) throws -> RecordPage? {
        if let result { return result }
        switch plan {
        case .undecided:
            plan = try indexServes(db) ? .index : .scan
            if plan == .index { try readIndexed(db) } else { try scanNextSlice(db) }
        case .index:
            try readIndexed(db)
        case .scan:
            try scanNextSlice(db)
        }
        return result
    }

    // MARK: - The index

    /// Whether the index can name the candidate rows and they are few enough to read at once.
    private func indexServes(_ db: Database) throws -> Bool {
        guard filter.unicodeScalars.count >= 3 else { return false }
        let index = StoreSchema.searchIndex(of: table).quotedDatabaseIdentifier
        let candidates =
            try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM (SELECT rowid FROM \(index) WHERE \(index) MATCH ? LIMIT ?)",
                arguments: [phrase, indexCandidateLimit + 1]) ?? 0
        return candidates <= indexCandidateLimit
    }

    /// The most trigrams a query asks for: rows holding the first ones are few already, `LIKE` does the rest.
    static let trigramLimit = 12

    /// The FTS5 query for the filter: every trigram of it (each quoted, a double quote inside doubled), joined
    /// by AND. The index keeps no positions, so this finds every row holding the text and some that hold its
    /// trigrams apart; the `LIKE` that follows drops those.
    private var phrase: String {
        let scalars = Array(filter.unicodeScalars)
        guard scalars.count >= 3 else { return "" }
        var seen = Set<String>()
        var terms: [String] = []
        for start in 0...(scalars.count - 3) where terms.count < Self.trigramLimit {
            var trigram = String.UnicodeScalarView()
            trigram.append(contentsOf: scalars[start..<start + 3])
            let text = String(trigram)
            guard seen.insert(text).inserted else { continue }
            terms.append("\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        }
        return terms.joined(separator: " AND ")
    }

    /// Reads the page from the rows the index names, each confirmed by the plain filter.
    private mutating func readIndexed(_ db: Database) throws {
        let index = StoreSchema.searchIndex(of: table).quotedDatabaseIdentifier
        var conditions = ["rowid IN (SELECT rowid FROM \(index) WHERE \(index) MATCH ?)"]
        var arguments: [any DatabaseValueConvertible] = [phrase]
        // The unary + keeps SQLite from walking the account's index instead of the few rows named.
        conditions.append("+\(table.ownerColumn.quotedDatabaseIdentifier) = ?")
        arguments.append(accountId)
        let (like, likeArguments) = likeCondition
        conditions.append(like)
        arguments += likeArguments
        if let (condition, values) = boundaryCondition {
            conditions.append(condition)
            arguments += values
        }
        let records = try fetchRecords(
            db, where: conditions.joined(separator: " AND "), arguments: arguments, limit: limit + 1)
        finish(records)
    }

    // MARK: - The scan

    /// Reads the next slice of the account's records in order and keeps the keys of those that match.
    private mutating func scanNextSlice(_ db: Database) throws {
        let time = table.timeColumn.quotedDatabaseIdentifier
        let key = table.rowKey.quotedDatabaseIdentifier
        var conditions = ["\(table.ownerColumn.quotedDatabaseIdentifier) = ?"]
        var arguments: [any DatabaseValueConvertible] = [accountId]
        if let (condition, values) = boundaryCondition {
            conditions.append(condition)
            arguments += values
        }
        let (like, likeArguments) = likeCondition
        let order = ascending ? "ASC" : "DESC"
        let sql = """
            SELECT \(key), \(time), \(like) FROM \(table.table)
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY \(time) \(order), \(key) \(order) LIMIT \(sliceSize)
            """
        let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(likeArguments + arguments))
        var read = 0
        while let row = try rows.next() {
            read += 1
            boundary = (row[1], row[0])
            if row[2] as Bool? == true {
                hits.append(row[0])
                if hits.count > limit { break }
            }
        }
        scanned += read
        guard hits.count > limit || read < sliceSize else { return }
        let keys = hits.map { "\($0)" }.joined(separator: ",")
        let records =
            hits.isEmpty
            ? []
            : try fetchRecords(
                db, where: "\(key) IN (\(keys))", arguments: [], limit: hits.count)
        finish(records)
    }

    // MARK: - Shared

    /// The plain filter: any searchable column contains the text (SQL `LIKE`, ASCII case ignored).
    private var likeCondition: (String, [any DatabaseValueConvertible]) {
        let pattern = "%" + LikePattern.escaped(filter) + "%"
        let sql =
            "("
            + table.searchable.map { "\($0.quotedDatabaseIdentifier) LIKE ? ESCAPE '\\'" }.joined(separator: " OR ")
            + ")"
        return (sql, table.searchable.map { _ in pattern })
    }

    /// Records past the boundary in the search's direction, if a boundary is set.
    private var boundaryCondition: (String, [any DatabaseValueConvertible])? {
        guard let boundary else { return nil }
        return table.keyset(after: boundary.time, key: boundary.key, ascending: ascending)
    }

    /// Reads records in the search's order.
    private func fetchRecords(
        _ db: Database, where condition: String, arguments: [any DatabaseValueConvertible], limit: Int
    ) throws -> [StoredRecord] {
        try table.records(db, where: condition, arguments: arguments, ascending: ascending, limit: limit)
    }

    /// Turns up to `limit + 1` records in the search's order into the page.
    private mutating func finish(_ found: [StoredRecord]) {
        result = RecordPage.assembled(table: table, records: found, limit: limit, position: position)
    }
}
