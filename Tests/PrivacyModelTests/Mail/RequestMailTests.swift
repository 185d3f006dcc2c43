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
}
