public import Foundation
import GRDB

/// What is held in one record set of an account, and when the next record falls due for deletion.
public struct RecordSetSummary: Sendable, Equatable {
    /// The record set's catalogue entry id.
    public let id: String
    /// How many records exist.
    public let count: Int
    /// The oldest record's time.
    public let oldest: Date?
    /// The newest record's time.
    public let newest: Date?
    /// When the next record is due for deletion (nil when none is due while the account is open).
    public let nextDeletion: Date?
    /// Records kept past their period under a hold (e.g. a security investigation).
    public let heldCount: Int
}

/// What is held in one data category of an account.
public struct CategorySummary: Sendable {
    /// The catalogue entry.
    public let category: DataCategory
    /// One summary per record set.
    public let sets: [RecordSetSummary]
    /// True when the subscriber restricted the category: its data is kept but not used.
    public var isRestricted: Bool = false

    /// Records across the category.
    public var count: Int { sets.reduce(0) { $0 + $1.count } }
    /// The oldest record across the category.
    public var oldest: Date? { sets.compactMap(\.oldest).min() }
    /// The newest record across the category.
    public var newest: Date? { sets.compactMap(\.newest).max() }
    /// The earliest coming deletion across the category.
    public var nextDeletion: Date? { sets.compactMap(\.nextDeletion).min() }
    /// Records past their period but kept under a hold, across the category.
    public var heldCount: Int { sets.reduce(0) { $0 + $1.heldCount } }
    /// True when some of the category is kept for the account's lifetime (no fixed date while it is open).
    public var isKeptWhileOpen: Bool { category.recordSets.contains { $0.retention.kind == .accountLifetime } }
}

/// Reads what the service holds about an account: per-category summaries and records paged by keyset.
public struct CollectedDataService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// A summary of every category, in catalogue order.
    public func summaries(accountId: Int64) throws -> [CategorySummary] {
        try context.store.read { db in try summaries(accountId: accountId, db) }
    }

    /// The summaries read inside the caller's transaction (a staff read audits in the same one).
    func summaries(accountId: Int64, _ db: Database) throws -> [CategorySummary] {
        guard let account = try Account.fetchOne(db, key: accountId) else {
            throw AccountError.notFound("account \(accountId)")
        }
        let restricted = Set(
            try String.fetchAll(
                db, sql: "SELECT categoryId FROM restriction WHERE accountId = ?", arguments: [accountId]))
        let stored = try RecordSummaryRow.all(accountId: account.id, db)
        return try context.catalogue.categories.map { category in
            CategorySummary(
                category: category,
                sets: try category.recordSets.map { set in
                    try summary(of: set, stored: stored[set.id] ?? RecordSummaryRow(), account: account)
                },
                isRestricted: restricted.contains(category.id))
        }
    }

    /// One set's summary from its `record_summary` row, which the store's triggers keep exact on every write.
    private func summary(of set: RecordSetDefinition, stored: RecordSummaryRow, account: Account) throws
        -> RecordSetSummary
    {
        guard let table = RecordSetTable.named(set.id) else {
            throw CatalogueError.invalid("record set \"\(set.id)\" has no table in the store")
        }
        let oldestUnheld = table.heldColumn == nil ? stored.oldest : stored.oldestUnheld
        return RecordSetSummary(
            id: set.id, count: stored.count, oldest: stored.oldest.map(Date.init(epochSeconds:)),
            newest: stored.newest.map(Date.init(epochSeconds:)),
            nextDeletion: nextDeletion(
                set.retention, oldestAnchor: oldestUnheld, account: account, count: stored.count),
            heldCount: stored.heldCount)
    }

    /// When the next record falls due under a rule: the oldest record's due date, or the account's purge date.
    func nextDeletion(_ rule: RetentionRule, oldestAnchor: Int64?, account: Account, count: Int) -> Date? {
        guard count > 0 else { return nil }
        switch rule.kind {
        case .fixed: return oldestAnchor.flatMap { rule.dueDate(anchoredAt: Date(epochSeconds: $0)) }
        case .accountLifetime: return account.purgeDueDate
        case nil: return nil
        }
    }

    /// One page of an account's records in a set, newest first, starting at `position`.
    ///
    /// Paging is by keyset (time, key) on the per-account index, so any page costs the same however
    /// many records the account has, and memory holds one page only. `filter` keeps records whose
    /// searchable columns contain the text (ignoring case for ASCII), found through `RecordSearch`.
    public func page(
        recordSet id: String, accountId: Int64, position: PagePosition = .newest, limit: Int = 50,
        filter: String? = nil
    ) throws -> RecordPage {
        try context.store.read { db in
            try page(recordSet: id, accountId: accountId, position: position, limit: limit, filter: filter, db)
        }
    }

    /// One page read inside the caller's transaction (a staff read audits in the same one).
    func page(
        recordSet id: String, accountId: Int64, position: PagePosition, limit: Int, filter: String?,
        _ db: Database
    ) throws -> RecordPage {
        let filterText = filter?.trimmingCharacters(in: .whitespaces) ?? ""
        if !filterText.isEmpty {
            var search = try RecordSearch(
                recordSet: id, accountId: accountId, position: position, limit: limit, filter: filterText,
                sliceSize: context.settings.searchSliceSize)
            return try search.run(db)
        }
        guard let table = RecordSetTable.named(id) else {
            throw CatalogueError.invalid("unknown record set \"\(id)\"")
        }
        let limit = max(1, min(limit, 1_000))
        var condition = "\(table.ownerColumn.quotedDatabaseIdentifier) = ?"
        var arguments: [any DatabaseValueConvertible] = [accountId]
        let ascending: Bool
        var boundary: (time: Date, key: Int64)?
        switch position {
        case .newest: ascending = false
        case .oldest: ascending = true
        case .olderThan(let at, let after): (ascending, boundary) = (false, (at, after))
        case .newerThan(let at, let after): (ascending, boundary) = (true, (at, after))
        }
        if let boundary {
            let (keyset, values) = table.keyset(
                after: boundary.time.epochSeconds, key: boundary.key, ascending: ascending)
            condition += " AND " + keyset
            arguments += values
        }
        let records = try table.records(
            db, where: condition, arguments: arguments, ascending: ascending, limit: limit + 1)
        return RecordPage.assembled(table: table, records: records, limit: limit, position: position)
    }
}
