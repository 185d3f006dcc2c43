import Foundation
import GRDB
import PrivacyModel
import Testing

@Suite("retention run subcommand", .serialized)
struct RetentionCommandTests {
    @Test("a dry run reports without deleting; a run deletes what is due; a second run deletes nothing")
    func runTwice() throws {
        let store = try PreparedStore()
        let threeYearsAgo = Date().addingTimeInterval(-3 * 366 * 86_400)
        try store.insertViewing(at: [threeYearsAgo, threeYearsAgo.addingTimeInterval(60), Date()])
        let dry = try store.runner.runOnStore(["retention", "run", "--dry-run", "--json"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])
        #expect(report["dryRun"] as? Bool == true)
        let sets = try #require(report["sets"] as? [[String: Any]])
        #expect(sets.first { $0["recordSetId"] as? String == "viewing-events" }?["deletedCount"] as? Int == 2)
        #expect(try store.viewingCount() == 3)

        let run = try store.runner.runOnStore(["retention", "run"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Deleted 2 records"))
        #expect(run.stdout.contains("Viewing events"))
        #expect(try store.viewingCount() == 1)

        let again = try store.runner.runOnStore(["retention", "run", "--json"])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        let counts = try #require(second["sets"] as? [[String: Any]]).compactMap { $0["deletedCount"] as? Int }
        #expect(counts.allSatisfy { $0 == 0 })
    }

    @Test("--as-of applies the rules at a past day, forecasts a future one only in a dry run; a malformed day exits 64")
    func asOf() throws {
        let store = try PreparedStore()
        try store.insertViewing(at: [Date()])
        let early = try store.runner.runOnStore(["retention", "run", "--as-of", "2020-01-01"])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(try store.viewingCount() == 1)
        let future = try store.runner.runOnStore(["retention", "run", "--as-of", "2099-01-01"])
        #expect(future.status == 64)
        #expect(future.stderr.contains("add --dry-run"))
        #expect(try store.viewingCount() == 1)
        let forecast = try store.runner.runOnStore(["retention", "run", "--as-of", "2099-01-01", "--dry-run"])
        #expect(forecast.status == 0, "\(forecast.stderr)")
        #expect(forecast.stdout.contains("Would delete 1 record;"))
        #expect(try store.viewingCount() == 1)
        let bad = try store.runner.runOnStore(["retention", "run", "--as-of", "2026-13-01"])
        #expect(bad.status == 64)
        #expect(bad.stderr == "privacy-dashboard: The value '2026-13-01' is invalid for '--as-of <YYYY-MM-DD>'\n")
    }
}
