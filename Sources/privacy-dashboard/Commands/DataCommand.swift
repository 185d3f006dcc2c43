import ArgumentParser
import Foundation
import PrivacyModel

/// `data`: what the service holds about a subscriber.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data", abstract: "Show what is held about a subscriber.", subcommands: [Summary.self])

    /// `data summary`: one line per category with counts, dates and the next deletion.
    struct Summary: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per category: records, oldest and newest, next deletion and how long data is kept.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var signIn: StaffSignInOptions
        @OptionGroup var reason: AccessReasonOptions
        @Option(help: "The subscriber's email or username.") var email: String
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            let context = try storeOptions.open()
            let access = StaffAccess(staff: try signIn.identity(context), reason: try reason.reason())
            let account = try AccountService(context: context).require(email)
            let summaries = try StaffDataAccess(context: context, access: access).summaries(accountId: account.id)
            let overdue = try RetentionService(context: context).overdueDeletions(
                accountId: account.id, at: context.now)
            if json {
                Console.out(try Formatting.json(summaries.map { CategoryListing($0, overdue: overdue) }))
                return
            }
            Console.out(
                SummaryReport.render(
                    account: account, summaries: summaries, overdue: overdue, catalogue: context.catalogue))
        }
    }
}

/// The text form of a data summary, shared by `data summary` and the demo.
enum SummaryReport {
    static func render(
        account: Account, summaries: [CategorySummary], overdue: [OverdueDeletion], catalogue: PolicyCatalogue
    ) -> String {
        var table = TextTable(["Category", "Records", "Oldest", "Newest", "Next deletion", "Kept"])
        let purgeDays = catalogue.deadlines.accountPurgeDays
        for summary in summaries {
            var seen = Set<String>()
            let kept = summary.category.recordSets.map { $0.retention.brief(purgeDays: purgeDays) }
                .filter { seen.insert($0).inserted }.joined(separator: "; ")
            var nextDeletion = Formatting.day(summary.nextDeletion)
            if let late = overdue.filter({ $0.categoryId == summary.category.id }).map(\.daysLate).max() {
                nextDeletion += " OVERDUE \(late) day\(late == 1 ? "" : "s")"
            }
            table.add([
                summary.category.name + (summary.isRestricted ? " (restricted)" : ""), Formatting.count(summary.count),
                Formatting.day(summary.oldest),
                Formatting.day(summary.newest), nextDeletion, kept,
            ])
        }
        let header =
            "\(account.email) (\(account.username)), \(account.status.rawValue); policy \(catalogue.version)"
        var text = SafeText.clean(header) + "\n\n" + table.render()
        if summaries.contains(where: \.isRestricted) {
            text += "\n(restricted): kept but not used until the subscriber lifts the restriction."
        }
        if !overdue.isEmpty {
            text += "\n" + CheckCommand.overdueAdvice
        }
        return text
    }
}

/// The JSON shape of one category in `data summary --json`.
struct CategoryListing: Encodable {
    struct SetListing: Encodable {
        let id: String
        let count: Int
        let oldest: Date?
        let newest: Date?
        let nextDeletion: Date?
        let held: Int
        let retention: String
        /// Records past their deletion date that are still held, and by how many days the oldest is late.
        let overdueCount: Int
        let overdueDays: Int?
    }

    let category: String
    let name: String
    let count: Int
    let oldest: Date?
    let newest: Date?
    let nextDeletion: Date?
    let restricted: Bool
    let recordSets: [SetListing]

    init(_ summary: CategorySummary, overdue: [OverdueDeletion]) {
        category = summary.category.id
        name = summary.category.name
        count = summary.count
        oldest = summary.oldest
        newest = summary.newest
        nextDeletion = summary.nextDeletion
        restricted = summary.isRestricted
        recordSets = zip(summary.sets, summary.category.recordSets).map { set, definition in
            let late = overdue.first { $0.recordSetId == set.id }
            return SetListing(
                id: set.id, count: set.count, oldest: set.oldest, newest: set.newest, nextDeletion: set.nextDeletion,
                held: set.heldCount, retention: definition.retention.summary, overdueCount: late?.count ?? 0,
                overdueDays: late?.daysLate)
        }
    }
}
