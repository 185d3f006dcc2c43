import Foundation
import GRDB
import Testing

@testable import PrivacyModel

/// `notify send` and `notify list` as the box's timer and its staff run them: the real binary on a demo store.
@Suite("notify commands", .serialized)
struct NotifyCommandTests {
    /// A demo store with one receipt queued for Lena, returning the runner and the row's id.
    private func storeWithOneMail() throws -> (ProgramRunner, Int64) {
        let runner = try ProgramRunner.withDemoStore()
        let id = try DatabaseQueue(path: runner.storePath).write { db -> Int64? in
            let account = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE username = 'lena.mueller'")
            return try Outbox.enqueue(
                db, at: Date(), accountId: try #require(account), kind: .requestReceived,
                params: ["reference": "R-TEST01", "filed": "2026-12-04", "due": "2027-01-03"])
        }
        return (runner, try #require(id))
    }

    private func status(_ runner: ProgramRunner, _ id: Int64) throws -> (String, Int, String?) {
        try DatabaseQueue(path: runner.storePath).read { db in
            let row = try #require(
                try Row.fetchOne(
                    db, sql: "SELECT status, attempts, lastError FROM outbox WHERE id = ?", arguments: [id]))
            return (row["status"], row["attempts"], row["lastError"])
        }
    }

    @Test("no sendmail at the path: exit 69 with one line, and the message stays pending and untried")
    func missingSendmail() throws {
        let (runner, id) = try storeWithOneMail()
        let result = try runner.runOnStore(["notify", "send", "--sendmail", runner.directory.path + "/no-sendmail"])
        #expect(result.status == 69, "\(result)")
        #expect(result.stderr.contains("no sendmail at") && result.stderr.split(separator: "\n").count == 1)
        let (state, attempts, _) = try status(runner, id)
        #expect(state == "pending" && attempts == 0)
    }

    @Test(
        "a sendmail that refuses fails the message once; list shows it to staff without the address; bad input exits 64"
    )
    func refusedAndListed() throws {
        let (runner, id) = try storeWithOneMail()
        let sent = try runner.runOnStore(["notify", "send", "--sendmail", "/bin/false"])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stdout.contains("sent 0, retried 0, failed 1"), "\(sent.stdout)")
        #expect(try status(runner, id).0 == "failed")
        let again = try runner.runOnStore(["notify", "send", "--sendmail", "/bin/false"])
        #expect(again.stdout.contains("sent 0, retried 0, failed 0"), "a failed message is not tried again")

        #expect(try runner.runOnStore(["notify", "list"], signIn: .none).status == 77)
        #expect(try runner.runOnStore(["notify", "list"], signIn: .staff(.auditor)).status == 77)
        let listed = try runner.runOnStore(["notify", "list", "--status", "failed", "--json"], signIn: .staff(.agent))
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("\"request-received\"") && listed.stdout.contains("\"failed\""))
        #expect(!listed.stdout.contains("@"), "no address in the listing: \(listed.stdout)")
        let bad = try runner.runOnStore(["notify", "list", "--status", "lost"], signIn: .staff(.agent))
        #expect(bad.status == 64 && bad.stderr.split(separator: "\n").count == 1, "\(bad)")
        let limit = try runner.runOnStore(["notify", "send", "--limit", "0"])
        #expect(limit.status == 64, "\(limit)")
    }
}
