import Foundation
import GRDB
import Testing

@testable import PrivacyModel

@Suite("request mail: queued with the event, failed receipts marked on the staff queue")
struct RequestMailTests {
    @Test("filing queues one receipt in the subscriber's language; a failed receipt is marked on the queue")
    func receiptQueuedAndFailureMarked() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try RequestService(context: env.context).file(accountId: account.id, type: .access, scope: .all)
        let rows = try env.context.store.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, recipient, params, requestId FROM outbox")
        }
        #expect(rows.count == 1)
        #expect(rows.first?["kind"] as String? == "request-received")
        #expect(rows.first?["recipient"] as String? == "ada@example.com")
        #expect((rows.first?["params"] as String?)?.contains(request.reference) == true)
        #expect(try StaffQueue(context: env.context).page(limit: 10).first?.receiptMailFailed == false)

        try env.context.store.write { db in
            try db.execute(sql: "UPDATE outbox SET status = 'failed', lastError = 'sendmail-exit-67'")
        }
        let entry = try #require(try StaffQueue(context: env.context).page(limit: 10).first)
        #expect(entry.request.id == request.id)
        #expect(entry.receiptMailFailed)
    }

    @Test(
        "a refusal queues the denied mail with the reason, composed with the right to complain; a rollback queues nothing"
    )
    func denialQueued() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = RequestService(context: env.context)
        let request = try service.file(accountId: account.id, type: .access, scope: .all)
        _ = try service.deny(reference: request.reference, actor: .support, reason: "identity not proven")
        let row = try #require(
            try env.context.store.read { db in
                try Row.fetchOne(db, sql: "SELECT params, language FROM outbox WHERE kind = 'request-denied'")
            })
        let params: String = row["params"]
        #expect(params.contains("identity not proven") && params.contains(request.reference))
        let from = try MailAddress("privacy@example.com")
        let message = try MailComposer().message(
            from: from, to: from, language: row["language"], kind: "request-denied", paramsJSON: params,
            date: env.clock.now())
        #expect(message.body.contains("identity not proven"))
        #expect(message.body.contains("supervisory authority"))
        // A step refused (denying a closed request) rolls back and leaves no second mail.
        #expect(throws: (any Error).self) {
            try service.deny(reference: request.reference, actor: .support, reason: "again")
        }
        let count = try env.context.store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE kind = 'request-denied'")
        }
        #expect(count == 1)
    }

    @Test("closing queues the deletion confirmation; the purge mails the address captured before it was scrubbed")
    func closureAndPurgeQueued() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount(password: "correct horse battery")
        let service = AccountDeletionService(context: env.context)
        let receipt = try service.requestDeletion(accountId: account.id, password: "correct horse battery")
        env.clock.set(receipt.purgeDueAt)
        try service.purge(accountId: account.id)
        let rows = try env.context.store.read { db in
            try Row.fetchAll(db, sql: "SELECT kind, recipient, params FROM outbox ORDER BY id")
        }
        let kinds = rows.map { $0["kind"] as String }
        #expect(kinds.contains("account-deletion-confirmed"))
        let purged = try #require(rows.first { $0["kind"] as String == "account-purged" })
        #expect(purged["recipient"] as String == "ada@example.com")
        let stored = try env.context.store.read { db in
            try String.fetchOne(db, sql: "SELECT email FROM account WHERE id = ?", arguments: [account.id])
        }
        #expect(stored != "ada@example.com")
    }
}
