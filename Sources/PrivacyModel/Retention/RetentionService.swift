public import Foundation
import GRDB

/// Deletes what the catalogue's retention rules say is due and purges accounts past their purge date;
/// run from a timer, safe beside open dashboard sessions because it works in small transactions.
public struct RetentionService: Sendable {
    /// The shared context.
    public let context: PrivacyContext
    /// Rows deleted per transaction.
    public let batchSize: Int

    /// Binds the service to a context.
    public init(context: PrivacyContext, batchSize: Int = ErasureService.defaultBatchSize) {
        self.context = context
        self.batchSize = max(1, batchSize)
    }

    /// Applies every rule at `asOf`: purges due accounts first, then deletes each fixed-period record
    /// that is due and not held, then removes exports whose download code expired and blanks old mail addresses. Running it again at the
    /// same instant deletes nothing.
    public func run(asOf: Date, dryRun: Bool = false) throws -> RetentionReport {
        let purges = try purgeDueAccounts(asOf: asOf, dryRun: dryRun)
        let accountIds = try context.store.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM account ORDER BY id")
        }
        let deleter = BatchDeleter(store: context.store, batchSize: batchSize)
        let purgeDays = context.catalogue.deadlines.accountPurgeDays
        var results: [RetentionSetResult] = []
        for category in context.catalogue.categories {
            for set in category.recordSets {
                guard let table = RecordSetTable.named(set.id) else {
                    throw CatalogueError.invalid("record set \"\(set.id)\" has no table in the store")
                }
                let cutoff = set.retention.kind == .fixed ? set.retention.dueCutoff(at: asOf) : nil
                var deleted = 0
                var held = 0
                if let cutoff {
                    let due = "\(table.timeColumn.quotedDatabaseIdentifier) <= ?"
                    let arguments = { (id: Int64) -> StatementArguments in [id, cutoff.epochSeconds] }
                    for id in accountIds {
                        if let heldOnly = table.heldOnlyCondition {
                            held += try context.store.read { db in
                                try BatchDeleter.count(
                                    table, where: "\(heldOnly) AND \(due)", arguments: arguments(id), db)
                            }
                        }
                        let condition = "\(table.unheldCondition) AND \(due)"
                        if dryRun {
                            deleted += try context.store.read { db in
                                try BatchDeleter.count(table, where: condition, arguments: arguments(id), db)
                            }
                        } else {
                            let count = try deleter.delete(table, where: condition, arguments: arguments(id))
                            deleted += count
                            if count > 0 { try recordDeletion(of: set.id, accountId: id) }
                        }
                    }
                }
                results.append(
                    RetentionSetResult(
                        recordSetId: set.id, name: set.name, categoryId: category.id,
                        rule: set.retention.brief(purgeDays: purgeDays), cutoff: cutoff, deletedCount: deleted,
                        heldCount: held))
            }
        }
        var report = RetentionReport(asOf: asOf, dryRun: dryRun, sets: results, purges: purges)
        // Exports left on a shared box go when their download code expires (or once downloaded).
        if !dryRun { report.removedDownloads = try DownloadService(context: context).removeExpired(asOf: asOf) }
        report.scrubbedMailAddresses = try OutboxRetention.scrubAddresses(context.store, asOf: asOf, dryRun: dryRun)
        if !dryRun, !report.isEmpty {
            let now = context.now
            try context.store.write { db in
                try AuditLog.append(
                    db, at: now, accountId: nil, actor: RequestActor.system.rawValue, action: "retention-run",
                    detail:
                        "as of \(asOf.iso8601UTC): \(report.deletedCount) deleted, \(report.heldCount) held, "
                        + "\(purges.count) account\(purges.count == 1 ? "" : "s") purged")
            }
        }
        return report
    }

    /// Records on the account that the run deleted records of a set, so the subscriber's "who has seen my data"
    /// shows the system's step (the run's own entry, on no account, keeps the totals).
    private func recordDeletion(of recordSet: String, accountId: Int64) throws {
        let now = context.now
        try context.store.write { db in
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: RequestActor.system.rawValue,
                action: Self.deletionAuditAction, detail: recordSet)
        }
    }

    /// The audit action of a run's deletion on one account; its detail is the record set's id.
    static let deletionAuditAction = "retention-deleted"

    /// Purges (or, in a dry run, sizes up) every account whose purge date is at or before `asOf`.
    private func purgeDueAccounts(asOf: Date, dryRun: Bool) throws -> [AccountPurgeResult] {
        let deletion = AccountDeletionService(context: context, batchSize: batchSize)
        var results: [AccountPurgeResult] = []
        for due in try deletion.duePurges(asOf: asOf) {
            if dryRun {
                let plan = try deletion.dryRun(accountId: due.accountId)
                results.append(
                    AccountPurgeResult(
                        accountId: due.accountId, purgeDueAt: due.purgeDueAt, purgedAt: nil,
                        deletedCount: plan.deleteCount, keptCount: plan.keepCount))
            } else {
                results.append(try deletion.performPurge(accountId: due.accountId, purgeDueAt: due.purgeDueAt))
            }
        }
        return results
    }
}
