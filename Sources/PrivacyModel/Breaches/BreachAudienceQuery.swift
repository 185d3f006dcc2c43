import GRDB

/// Finds the accounts a breach affects and the categories each of them holds, with one query per record set
/// rather than one per account, so publishing to 100,000 subscribers stays quick.
struct BreachAudienceQuery {
    let catalogue: PolicyCatalogue

    /// The ids of the accounts (not purged) the audience names, in id order.
    func accounts(_ audience: BreachAudience, _ db: Database) throws -> [Int64] {
        switch audience {
        case .everyone:
            return try Int64.fetchAll(db, sql: "SELECT id FROM account WHERE status != 'purged' ORDER BY id")
        case .holders(let category):
            let holders = try self.holders(of: category, db)
            let live = try Set(Int64.fetchAll(db, sql: "SELECT id FROM account WHERE status != 'purged'"))
            return holders.intersection(live).sorted()
        case .list(let ids):
            var live: [Int64] = []
            for id in Set(ids).sorted() {
                let status = try String.fetchOne(db, sql: "SELECT status FROM account WHERE id = ?", arguments: [id])
                guard let status else { throw BreachError.unknownAccount("#\(id)") }
                if status != AccountStatus.purged.rawValue { live.append(id) }
            }
            return live
        }
    }

    /// For each catalogue category, the accounts holding at least one of its records.
    func holdersByCategory(_ db: Database) throws -> [String: Set<Int64>] {
        var result: [String: Set<Int64>] = [:]
        for category in catalogue.categories { result[category.id] = try holders(of: category.id, db) }
        return result
    }

    /// The accounts holding at least one record of the category.
    func holders(of category: String, _ db: Database) throws -> Set<Int64> {
        guard let definition = catalogue.category(category) else { throw BreachError.unknownCategory(category) }
        var holders = Set<Int64>()
        for set in definition.recordSets {
            guard let table = RecordSetTable.named(set.id) else { continue }
            let ids = try Int64.fetchAll(
                db,
                sql: "SELECT DISTINCT \(table.ownerColumn) FROM \(table.table) WHERE \(table.ownerColumn) IS NOT NULL")
            holders.formUnion(ids)
        }
        return holders
    }
}
