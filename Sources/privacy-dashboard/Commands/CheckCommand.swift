import ArgumentParser
import Foundation
import PrivacyModel

/// `check`: proves a store is sound, e.g. after a crash or a dropped SSH session.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Run SQLite's integrity check, verify the audit log's hash chain, the record summaries and every "
            + "account's consent-receipt "
            + "chain, look for unfinished exports and for data kept past its deletion date.",
        discussion:
            "Exits 0 when everything is sound, 65 when the file, the audit chain or a receipt chain is damaged, the "
            + "record summaries differ from the records, a "
            + "killed export left "
            + "partial data in the default export folder, or records (or accounts awaiting purge) are more than a "
            + "day past their deletion date because the retention run has not run.")

    /// What to do about data kept past its deletion date; `data summary` says it too.
    static let overdueAdvice =
        "OVERDUE: data past its deletion date is still held because the retention run has not run. Run "
        + "`privacy-dashboard retention run` now and set up its daily timer (docs/operations.md)."

    @OptionGroup var storeOptions: StoreOptions

    @Flag(help: "Fill the record summaries and the weekly viewing rollup again from the records before checking.")
    var rebuildSummaries = false

    func run() throws {
        let context = try storeOptions.open()
        var sound = true
        let integrity = try context.store.integrityCheck()
        if integrity == ["ok"] {
            Console.out("Store file: intact (\(context.store.path)).")
        } else {
            sound = false
            Console.out("Store file: damaged: \(SafeText.clean(integrity.prefix(5).joined(separator: "; ")))")
        }
        let unindexed = try context.store.searchIndexFindings()
        if !unindexed.isEmpty {
            sound = false
            Console.out(
                "Search index: out of step with the records of \(unindexed.joined(separator: ", ")); "
                    + "filters may miss records until it is rebuilt")
        }
        if let broken = try AuditChain.verify(store: context.store) {
            sound = false
            Console.out(
                "Audit log: hash chain broken at entry \(broken.entryId): that entry was edited, or one before it "
                    + "removed or moved")
        } else {
            Console.out("Audit log: hash chain intact.")
        }
        let summaries = RecordSummaryCheck(context: context)
        if rebuildSummaries {
            try summaries.rebuild()
            Console.out("Record summaries: filled again from the records.")
        }
        let mismatches = try summaries.mismatches()
        if let first = mismatches.first {
            sound = false
            Console.out(
                "Record summaries: \(mismatches.count) of them differ from the records (first: account \(first.accountId), "
                    + "\(first.recordSet) in \(first.table.rawValue)); the store was changed behind its triggers: "
                    + "`check --rebuild-summaries` fills them again")
        } else {
            Console.out("Record summaries: match the records.")
        }
        let stale = ExportLocation.staleStaging()
        if !stale.isEmpty {
            sound = false
            Console.out(
                "Export folder: \(stale.count) unfinished export\(stale.count == 1 ? "" : "s") left by a stopped "
                    + "process (partial personal data): \(SafeText.clean(stale.joined(separator: ", "))); "
                    + "the next export or retention run removes them")
        }
        let verifier = ReceiptChainVerifier(context: context)
        let retention = RetentionService(context: context)
        var overdue = 0
        for account in try AccountService(context: context).list() where account.status != .purged {
            let report = try verifier.verify(accountId: account.id)
            if !report.isIntact { sound = false }
            Console.out(SafeText.clean("\(account.email): \(report.summary)"))
            for late in try retention.overdueDeletions(accountId: account.id, at: context.now) {
                overdue += 1
                let name = context.catalogue.category(late.categoryId)?.name ?? late.categoryId
                Console.out(
                    SafeText.clean(
                        "\(account.email): \(Formatting.count(late.count)) record\(late.count == 1 ? "" : "s") of "
                            + "\(name) (\(late.recordSetId)) past their deletion date, the oldest by \(late.daysLate) "
                            + "day\(late.daysLate == 1 ? "" : "s") (due \(late.dueSince.dayUTC))"))
            }
        }
        for purge in try retention.overduePurges(at: context.now) {
            overdue += 1
            let days = RetentionService.daysLate(due: purge.purgeDueAt, at: context.now)
            Console.out(
                "Account \(purge.accountId): awaiting deletion, purge due \(purge.purgeDueAt.dayUTC) "
                    + "(\(days) day\(days == 1 ? "" : "s") ago) and not yet done")
        }
        if overdue > 0 {
            sound = false
            Console.out(Self.overdueAdvice)
        }
        guard sound else {
            throw CommandFailure(message: "the store has problems; see above", code: ExitStatus.dataError)
        }
    }
}
