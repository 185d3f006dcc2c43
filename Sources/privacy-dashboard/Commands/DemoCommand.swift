import ArgumentParser
import DashboardUI
import Foundation
import PrivacyModel

/// `demo`: a seeded demo store to try everything on.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo", abstract: "Try the program on a demo store with seeded subscribers.",
        subcommands: [Start.self, Seed.self], defaultSubcommand: Start.self)

    /// The seeding options `demo` and `demo seed` share.
    struct SeedOptions: ParsableArguments {
        @Option(help: "Viewing events for the first demo subscriber (up to 50,000,000).")
        var viewingEvents = DemoSeeder.defaultViewingEvents
        @Option(help: "The random seed: the same seed gives the same demo data.") var seed: UInt64 = 2026

        /// Seeds the store, showing progress on stderr when it is a terminal.
        func seed(into context: PrivacyContext) throws -> DemoSeedSummary {
            // Hashing four passwords comes before the first viewing event: say something at once.
            Console.progress("Seeding the demo store…")
            let summary = try DemoSeeder(context: context, seed: seed).seed(viewingEvents: viewingEvents) {
                done, total in
                Console.progress("Seeding viewing events: \(Formatting.count(done)) of \(Formatting.count(total))")
            }
            Console.endProgress()
            return summary
        }
    }

    /// `demo`: seeds a fresh store (temporary unless --store) and shows what it holds.
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "start",
            abstract: "Seed a fresh demo store (a temporary one unless --store is given) and open the dashboard on it.",
            discussion: """
                The sign-in screen lists the demo accounts and their password. Without a terminal \
                (a pipe or a script) it prints what the store holds and the credentials instead.
                """)

        @Option(help: ArgumentHelp("Seed this store instead of a temporary one.", valueName: "path")) var store: String?
        @OptionGroup var seedOptions: SeedOptions
        @OptionGroup var dashboardOptions: DashboardOptions

        func run() throws {
            _ = try dashboardOptions.languageChoice()  // a bad --lang is reported before anything is seeded
            let path: String
            if let store {
                path = store
            } else {
                let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
                    "privacy-dashboard-demo-\(UUID().uuidString.prefix(8).lowercased())")
                try FileManager.default.createDirectory(
                    at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                path = folder.appendingPathComponent("demo.sqlite").path
            }
            let context = try PrivacyContext.open(
                path: path, mode: .createIfMissing, settings: ModelSettings(channel: "cli"))
            let summary = try seedOptions.seed(into: context)
            if DashboardLauncher.hasTerminal {
                let demo = summary.accounts.map {
                    DemoCredential(identifier: $0.subscriber.username, password: DemoSeeder.password)
                }
                let dashboardContext = try PrivacyContext.open(
                    path: path, mode: .existing, settings: ModelSettings(channel: "dashboard"))
                try DashboardLauncher.run(context: dashboardContext, options: dashboardOptions, demo: demo)
                Console.out("Demo store kept at \(path)")
                return
            }
            let collected = CollectedDataService(context: context)
            for seeded in summary.accounts.prefix(1) {
                let account = try AccountService(context: context).require(seeded.subscriber.email)
                Console.out(
                    SummaryReport.render(
                        account: account, summaries: try collected.summaries(accountId: account.id),
                        overdue: try RetentionService(context: context).overdueDeletions(
                            accountId: account.id, at: context.now),
                        catalogue: context.catalogue))
                Console.out("")
            }
            Console.out(DemoCommand.credentials(summary, store: context.store.path))
        }
    }

    /// `demo seed`: adds the demo subscribers to a store.
    struct Seed: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seed the demo subscribers into the store (created if missing).")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var seedOptions: SeedOptions

        func run() throws {
            let context = try storeOptions.open(mode: .createIfMissing)
            let started = Date()
            let summary = try seedOptions.seed(into: context)
            let seconds = Date().timeIntervalSince(started)
            Console.out(
                "Seeded \(Formatting.count(summary.totalRows)) rows for \(summary.accounts.count) subscribers in "
                    + String(format: "%.1f s.", seconds))
            Console.out(DemoCommand.credentials(summary, store: context.store.path))
        }
    }

    /// The sign-in details of the demo subscribers and how to go on.
    static func credentials(_ summary: DemoSeedSummary, store: String) -> String {
        var table = TextTable(["Email", "Username", "Name", "Viewing events"])
        for seeded in summary.accounts {
            table.add([
                seeded.subscriber.email, seeded.subscriber.username, seeded.subscriber.fullName,
                Formatting.count(seeded.viewingEvents),
            ])
        }
        return """
            Demo store: \(store)
            Every demo subscriber's password: \(DemoSeeder.password)

            \(table.render())

            Try: privacy-dashboard data summary --store \(store) --email \(summary.accounts.first?.subscriber.email ?? "EMAIL")
                 privacy-dashboard requests list --store \(store)
            """
    }
}
