public import Foundation
import GRDB

/// Records of one set still held past their deletion date: the retention run has not run since they fell due,
/// so the subscriber, `check` and `data summary` must hear of it rather than read that all is well.
public struct OverdueDeletion: Sendable, Equatable {
    /// The account whose records they are.
    public let accountId: Int64
    /// The category that holds the set.
    public let categoryId: String
    /// The record set's catalogue id.
    public let recordSetId: String
    /// How many records are overdue.
    public let count: Int
    /// The deletion date of the oldest of them.
    public let dueSince: Date
    /// Whole days from that date to the instant asked about (at least 1: shorter delays are within the grace).
    public let daysLate: Int
}

extension RetentionService {
    /// How long past its deletion date a record may still be held before it counts as overdue: the retention
    /// run is meant to run daily, so a record due since this morning waits for tonight's run.
    public static let overdueGrace: TimeInterval = 86_400

    /// The rule: a deletion due at `due` is overdue at `instant` once more than the grace has passed.
    public static func isOverdue(due: Date, at instant: Date) -> Bool {
        instant.timeIntervalSince(due) > overdueGrace
    }

    /// Whole days from a deletion's due date to `instant`: how late it is.
    public static func daysLate(due: Date, at instant: Date) -> Int {
        Int(instant.timeIntervalSince(due) / 86_400)
    }

    /// Every set of the account holding records past their deletion date at `instant` (held records, kept on
    /// purpose, do not count), in catalogue order.
    public func overdueDeletions(accountId: Int64, at instant: Date) throws -> [OverdueDeletion] {
        try context.store.read { db in
            var found: [OverdueDeletion] = []
            // The stored summaries say at once whether a set holds anything that old: most often nothing does,
            // and then no records are read at all.
            let summaries = try RecordSummaryRow.all(accountId: accountId, db)
            for category in context.catalogue.categories {
                for set in category.recordSets where set.retention.kind == .fixed {
                    guard let table = RecordSetTable.named(set.id),
                        let cutoff = set.retention.dueCutoff(at: instant.addingTimeInterval(-Self.overdueGrace))
                    else { continue }
                    let summary = summaries[set.id] ?? RecordSummaryRow()
                    guard let oldestUnheld = table.heldColumn == nil ? summary.oldest : summary.oldestUnheld,
                        oldestUnheld <= cutoff.epochSeconds
                    else { continue }
                    let time = table.timeColumn.quotedDatabaseIdentifier
                    let row = try Row.fetchOne(
                        db,
                        sql: "SELECT count(*), min(\(time)) FROM \(table.table) WHERE \(table.unheldCondition) "
                            + "AND \(time) <= ?",
                        arguments: [accountId, cutoff.epochSeconds])
                    guard let row, let count: Int = row[0], count > 0, let oldest: Int64 = row[1],
                        let due = set.retention.dueDate(anchoredAt: Date(epochSeconds: oldest)),
                        Self.isOverdue(due: due, at: instant)
                    else { continue }
                    found.append(
                        OverdueDeletion(
                            accountId: accountId, categoryId: category.id, recordSetId: set.id, count: count,
                            dueSince: due, daysLate: Self.daysLate(due: due, at: instant)))
                }
            }
            return found
        }
    }

    /// Accounts awaiting deletion whose purge date passed more than the grace ago at `instant`.
    public func overduePurges(at instant: Date) throws -> [(accountId: Int64, purgeDueAt: Date)] {
        try AccountDeletionService(context: context).duePurges(asOf: instant.addingTimeInterval(-Self.overdueGrace))
    }
}
