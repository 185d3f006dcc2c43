import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("erasure of a category")
struct ErasureTests {
    @Test("the plan counts what would go and changes nothing; erasing deletes it and completes a request")
    func viewingErasure() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let other = try env.makeAccount(email: "bob@example.com", username: "bob")
        try env.insertViewing(accountId: account.id, count: 120, newest: TestDefaults.start)
        try env.insertViewing(accountId: other.id, count: 5, newest: TestDefaults.start)
        let service = ErasureService(context: env.context, batchSize: 50)
        let plan = try service.plan(accountId: account.id, categoryId: "viewing")
        #expect(plan.deleteCount == 120)
        #expect(plan.keepCount == 0)
        #expect(try env.count("viewing-events", accountId: account.id) == 120)
        #expect(try env.requests.requests(accountId: account.id).isEmpty)

        let receipt = try service.erase(accountId: account.id, categoryId: "viewing")
        #expect(receipt.deletedCount == 120)
        #expect(receipt.keptCount == 0)
        #expect(try env.count("viewing-events", accountId: account.id) == 0)
        #expect(try env.count("viewing-events", accountId: other.id) == 5)
        let request = try env.requests.require(reference: receipt.reference)
        #expect(request.type == .deletion)
        #expect(request.scope == .category("viewing"))
        #expect(request.status == .completed)
        #expect(
            english(request.resolution, catalogue: env.context.catalogue).contains(
                "Records of Viewing history erased: 120"))
        let events = try env.requests.events(requestId: request.id)
        #expect(events.map(\.toStatus) == [.submitted, .acknowledged, .identityVerified, .inProgress, .completed])
        #expect(events.first?.actor == .subscriber)
        #expect(events.dropFirst().allSatisfy { $0.actor == .system })
        #expect(try env.auditActions(account).contains("category-erased"))
    }

    @Test("payment records stay for 7 years by law; payment methods go")
    func paymentsKept() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let first = try TestEnvironment.instant("2024-02-29T12:00:00Z")
        let last = try TestEnvironment.instant("2026-11-01T12:00:00Z")
        try env.insert("payment-transactions", accountId: account.id, at: [first, last])
        try env.insert("payment-methods", accountId: account.id, at: [first])
        let service = ErasureService(context: env.context)
        let plan = try service.plan(accountId: account.id, categoryId: "payment")
        let transactions = try #require(plan.sets.first { $0.recordSetId == "payment-transactions" })
        #expect(transactions.deleteCount == 0)
        #expect(transactions.keepCount == 2)
        #expect(transactions.keepBasis == "legal-obligation")
        #expect(transactions.keepReason?.contains("7 years") == true)
        #expect(transactions.keptUntilEarliest == (try TestEnvironment.instant("2031-02-28T12:00:00Z")))
        #expect(transactions.keptUntilLatest == (try TestEnvironment.instant("2033-11-01T12:00:00Z")))
        let receipt = try service.erase(accountId: account.id, categoryId: "payment")
        #expect(receipt.deletedCount == 1)
        #expect(receipt.keptCount == 2)
        #expect(try env.count("payment-transactions", accountId: account.id) == 2)
        #expect(try env.count("payment-methods", accountId: account.id) == 0)
        let request = try env.requests.require(reference: receipt.reference)
        #expect(english(request.resolution, catalogue: env.context.catalogue).contains("2033-11-01"))
    }

    @Test("technical logs under a security hold are kept, with the catalogue's reason")
    func securityHold() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insert("technical-logs", accountId: account.id, at: [TestDefaults.start], held: true)
        try env.insert("technical-logs", accountId: account.id, at: [TestDefaults.start, TestDefaults.start])
        let receipt = try ErasureService(context: env.context).erase(accountId: account.id, categoryId: "technical")
        let logs = try #require(receipt.sets.first)
        #expect(logs.deleteCount == 2)
        #expect(logs.keepCount == 1)
        #expect(logs.keepReason?.contains("security investigation") == true)
        #expect(logs.keptUntilLatest == nil)
        #expect(try env.count("technical-logs", accountId: account.id) == 1)
    }

    @Test("support messages and devices can be erased; the account itself only by account deletion")
    func otherCategories() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insert("support-messages", accountId: account.id, at: [TestDefaults.start])
        try env.insert("devices", accountId: account.id, at: [TestDefaults.start])
        let service = ErasureService(context: env.context)
        #expect(try service.erase(accountId: account.id, categoryId: "support").deletedCount == 1)
        #expect(try service.erase(accountId: account.id, categoryId: "device").deletedCount == 1)
        #expect(throws: ErasureError.useAccountDeletion) {
            try service.plan(accountId: account.id, categoryId: "account")
        }
        #expect(throws: ErasureError.unknownCategory("films")) {
            try service.erase(accountId: account.id, categoryId: "films")
        }
        #expect(throws: ErasureError.accountNotFound(99)) { try service.plan(accountId: 99, categoryId: "viewing") }
    }

    @Test("an interrupted erasure is finished by the next attempt under the same request")
    func resumes() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insertViewing(accountId: account.id, count: 30, newest: TestDefaults.start)
        // The first attempt got as far as starting its request and deleting a batch.
        let open = try env.request(
            for: account, in: .inProgress, type: .deletion, scope: .category("viewing"))
        try env.context.store.write { db in
            try db.execute(sql: "DELETE FROM viewing_event WHERE id IN (SELECT id FROM viewing_event LIMIT 10)")
        }
        let receipt = try ErasureService(context: env.context, batchSize: 4).erase(
            accountId: account.id, categoryId: "viewing")
        #expect(receipt.reference == open.reference)
        #expect(receipt.deletedCount == 20)
        #expect(try env.requests.require(reference: open.reference).status == .completed)
    }

    @Test("a closed account cannot erase a category")
    func closedAccount() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        _ = try AccountDeletionService(context: env.context).requestDeletion(
            accountId: account.id, password: "correct horse battery")
        #expect(throws: ErasureError.accountNotActive(account.id)) {
            try ErasureService(context: env.context).erase(accountId: account.id, categoryId: "viewing")
        }
    }
}
