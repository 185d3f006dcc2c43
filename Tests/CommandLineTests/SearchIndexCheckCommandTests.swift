import Foundation
import GRDB
import Testing

@testable import PrivacyModel

@Suite("check verifies the record search index")
struct SearchIndexCheckCommandTests {
    @Test("a record changed behind the index's back makes check name the table in one line and exit 65")
    func driftFails() throws {
        let store = try PreparedStore()
        try store.insertViewing(at: [Date(timeIntervalSince1970: 1_790_000_000)])
        let fresh = try store.runner.runOnStore(["check"])
        #expect(fresh.status == 0, "\(fresh.stdout)\(fresh.stderr)")
        #expect(!fresh.stdout.contains("Search index"))
        // As an administrator editing the file by hand would: the change bypasses the index's trigger.
        try store.context.store.write { db in
            try db.execute(sql: "DROP TRIGGER viewing_event_search_update")
            try db.execute(
                sql: "UPDATE viewing_event SET title = 'Edited by hand' WHERE id = (SELECT min(id) FROM viewing_event)")
        }
        let broken = try store.runner.runOnStore(["check"])
        #expect(broken.status == 65)
        let lines = broken.stdout.split(separator: "\n").filter { $0.hasPrefix("Search index:") }
        #expect(
            lines == [
                "Search index: out of step with the records of viewing_event; filters may miss records until it is rebuilt"
            ])
    }
}
