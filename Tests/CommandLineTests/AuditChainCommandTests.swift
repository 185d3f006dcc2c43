import Foundation
import GRDB
import Testing

@testable import PrivacyModel

@Suite("check verifies the audit chain")
struct AuditChainCommandTests {
    @Test("a fresh store passes; after one audit row is edited with sqlite3, check names that entry and exits 65")
    func editedRowFails() throws {
        let store = try PreparedStore()
        let fresh = try store.runner.runOnStore(["check"])
        #expect(fresh.status == 0, "\(fresh.stdout)\(fresh.stderr)")
        #expect(fresh.stdout.contains("Audit log: hash chain intact."))

        let target = try #require(
            try store.context.store.read { db in
                try Int64.fetchOne(db, sql: "SELECT min(id) FROM audit_log")
            })
        #expect(
            try SQLiteShell.run(
                store.runner.storePath,
                "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET detail = 'nothing to see' WHERE id = \(target);"
            )
                == 0)
        let broken = try store.runner.runOnStore(["check"])
        #expect(broken.status == 65)
        let lines = broken.stdout.split(separator: "\n").filter { $0.hasPrefix("Audit log:") }
        #expect(
            lines == [
                "Audit log: hash chain broken at entry \(target): that entry was edited, or one before it removed or moved"
            ])
        #expect(broken.stderr == "privacy-dashboard: the store has problems; see above\n")
    }
}
