import Foundation
import PrivacyModel
import Testing

@Suite("check and data summary report deletions the retention run missed", .serialized)
struct OverdueDeletionCommandTests {
    @Test("a viewing event past its 2 years fails check (65) and is marked in data summary until the run")
    func missedDeletion() throws {
        let store = try PreparedStore()
        try store.insertViewing(at: [Date().addingTimeInterval(-3 * 366 * 86_400), Date()])
        let check = try store.runner.runOnStore(["check"])
        #expect(check.status == 65, "\(check.stdout)")
        #expect(
            check.stdout.contains(
                "ada@example.com: 1 record of Viewing history (viewing-events) past their deletion date"))
        #expect(check.stdout.contains("Run `privacy-dashboard retention run` now"))
        #expect(check.stderr == "privacy-dashboard: the store has problems; see above\n")

        let table = try store.runner.runOnStore(["data", "summary", "--email", "ada"])
        #expect(table.status == 0, "\(table.stderr)")
        let row = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("Viewing history") })
        #expect(row.contains("OVERDUE"))
        #expect(table.stdout.contains("retention run"))
        let json = try store.runner.runOnStore(["data", "summary", "--email", "ada", "--json"])
        let categories = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let sets = categories.flatMap { $0["recordSets"] as? [[String: Any]] ?? [] }
        let viewing = try #require(sets.first { $0["id"] as? String == "viewing-events" })
        #expect(viewing["overdueCount"] as? Int == 1)
        #expect((viewing["overdueDays"] as? Int ?? 0) > 300)

        let run = try store.runner.runOnStore(["retention", "run"])
        #expect(run.status == 0, "\(run.stderr)")
        let after = try store.runner.runOnStore(["check"])
        #expect(after.status == 0, "\(after.stdout)")
        #expect(!after.stdout.contains("OVERDUE"))
    }
}
