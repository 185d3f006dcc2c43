import Foundation
import GRDB
import Testing

@testable import PrivacyModel

@Suite("check verifies the record summaries")
struct RecordSummaryCommandTests {
    @Test("rows deleted with sqlite3 keep the summaries exact; a summary edited by hand fails check with one line")
    func editedSummaryFails() throws {
        let store = try PreparedStore()
        try store.insertViewing(at: (0..<20).map { Date(timeIntervalSinceNow: -Double($0) * 3_600) })
        #expect(try SQLiteShell.run(store.runner.storePath, "DELETE FROM viewing_event WHERE id % 2 = 0;") == 0)
        let sound = try store.runner.runOnStore(["check"])
        #expect(sound.status == 0, "\(sound.stdout)\(sound.stderr)")
        #expect(sound.stdout.contains("Record summaries: match the records."))

        #expect(
            try SQLiteShell.run(
                store.runner.storePath,
                "UPDATE record_summary SET count = count + 1 WHERE recordSet = 'viewing-events';") == 0)
        let broken = try store.runner.runOnStore(["check"])
        #expect(broken.status == 65)
        let lines = broken.stdout.split(separator: "\n").filter { $0.hasPrefix("Record summaries:") }
        #expect(
            lines == [
                "Record summaries: 1 of them differ from the records (first: account \(store.account.id), viewing-events in "
                    + "record_summary); the store was changed behind its triggers: `check --rebuild-summaries` fills them again"
            ])
        #expect(broken.stderr == "privacy-dashboard: the store has problems; see above\n")

        let rebuilt = try store.runner.runOnStore(["check", "--rebuild-summaries"])
        #expect(rebuilt.status == 0, "\(rebuilt.stdout)\(rebuilt.stderr)")
        #expect(rebuilt.stdout.contains("Record summaries: filled again from the records.\nRecord summaries: match"))
        let summaries = try CollectedDataService(context: store.context).summaries(accountId: store.account.id)
        #expect(summaries.flatMap(\.sets).first { $0.id == "viewing-events" }?.count == 10)
    }
}
