import ArgumentParser
import Foundation
import PrivacyModel

/// `retention`: applies the policy's retention periods; meant for a timer (systemd or cron).
struct RetentionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention", abstract: "Delete data whose retention period has ended.", subcommands: [Run.self])

    /// `retention run`: deletes what is due, skips what is held, purges accounts past their purge date.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete every record that is due, purge closed accounts after 30 days, and report.",
            discussion: """
                Works in small transactions, so it is safe beside open dashboard sessions and can be \
                stopped at any time; the next run carries on. A second run at the same instant deletes nothing.
                """)

        @OptionGroup var storeOptions: StoreOptions
        @Flag(help: "Report what would be deleted without deleting anything.") var dryRun = false
        @Option(
            help: ArgumentHelp(
                "Apply the rules as at 00:00 UTC on this day instead of now (a future day only with --dry-run).",
                valueName: DayArgument.valueName))
        var asOf: DayArgument?
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            var instant = Date()
            if let asOf {
                // Deleting ahead of time is never wanted: only a dry run may look into the future.
                guard dryRun || asOf.start <= instant else {
                    throw CommandFailure.usage(
                        "--as-of \(asOf.start.dayUTC) is in the future; add --dry-run to see what falls due by then")
                }
                instant = asOf.start
            }
            let context = try storeOptions.open(channel: "retention")
            let report = try RetentionService(context: context).run(asOf: instant, dryRun: dryRun)
            // Partial personal data from killed exports is past any retention period: it goes too.
            let removed = dryRun ? [] : ExportLocation.removeStaleStaging()
            if json {
                Console.out(try Formatting.json(report))
                return
            }
            Console.out(Self.render(report))
            if !removed.isEmpty {
                Console.out(
                    SafeText.clean(
                        "Removed \(removed.count) unfinished export\(removed.count == 1 ? "" : "s") left by a stopped "
                            + "process: \(removed.joined(separator: ", "))"))
            }
        }

        static func render(_ report: RetentionReport) -> String {
            var table = TextTable([
                "Record set", "Rule", "Due before", report.dryRun ? "Would delete" : "Deleted", "Held",
            ])
            for set in report.sets {
                table.add([
                    set.name, set.rule, set.cutoff.map(\.iso8601UTC) ?? "-", Formatting.count(set.deletedCount),
                    Formatting.count(set.heldCount),
                ])
            }
            let verb = report.dryRun ? "Dry run as of" : "Retention run as of"
            var lines = ["\(verb) \(report.asOf.iso8601UTC)", "", table.render(), ""]
            if report.purges.isEmpty {
                lines.append("No account is due to be purged.")
            }
            for purge in report.purges {
                let done = report.dryRun ? "would be purged" : "purged"
                lines.append(
                    "Account \(purge.accountId) \(done) (due \(purge.purgeDueAt.iso8601UTC)): "
                        + "\(records(purge.deletedCount)) deleted, "
                        + "\(Formatting.count(purge.keptCount)) kept under legal or security holds.")
            }
            lines.append(
                (report.dryRun ? "Would delete " : "Deleted ") + "\(records(report.deletedCount)); "
                    + "\(Formatting.count(report.heldCount)) past their period \(report.heldCount == 1 ? "is" : "are") held."
            )
            if report.removedDownloads > 0 {
                let count = report.removedDownloads
                lines.append(
                    "Removed \(Formatting.count(count)) export file\(count == 1 ? "" : "s") from the shared box "
                        + "(downloaded, or the download code expired).")
            }
            if report.scrubbedMailAddresses > 0 {
                let count = report.scrubbedMailAddresses
                lines.append(
                    (report.dryRun ? "Would blank" : "Blanked")
                        + " the address of \(Formatting.count(count)) mail\(count == 1 ? "" : "s") sent or failed "
                        + "over \(OutboxRetention.addressDays) days ago.")
            }
            return lines.joined(separator: "\n")
        }

        /// "1 record", "12,212 records".
        static func records(_ count: Int) -> String {
            "\(Formatting.count(count)) record\(count == 1 ? "" : "s")"
        }
    }
}
