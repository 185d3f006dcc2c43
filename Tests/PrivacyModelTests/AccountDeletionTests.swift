import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("account deletion and purge")
struct AccountDeletionTests {
    private let password = "correct horse battery"

    @Test("the dry run names the purge date 30 days ahead and what is kept, and changes nothing")
    func dryRun() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insert("payment-transactions", accountId: account.id, at: [TestDefaults.start])
        try env.insert("technical-logs", accountId: account.id, at: [TestDefaults.start], held: true)
        let plan = try AccountDeletionService(context: env.context).dryRun(accountId: account.id)
        #expect(plan.purgeDueAt == TestDefaults.start.addingTimeInterval(30 * 86_400))
        #expect(plan.purgeDays == 30)
        #expect(!plan.alreadyRequested)
        let payments = try #require(plan.sets.first { $0.recordSetId == "payment-transactions" })
        #expect(payments.keepCount == 1)
        #expect(payments.keepBasis == "legal-obligation")
        #expect(payments.keptUntilLatest == (try TestEnvironment.instant("2033-11-29T09:00:00Z")))
        let logs = try #require(plan.sets.first { $0.recordSetId == "technical-logs" })
        #expect(logs.keepCount == 1)
        #expect(plan.sets.first { $0.recordSetId == "profile" }?.deleteCount == 1)
        #expect(try AccountService(context: env.context).account(id: account.id)?.status == .active)
    }

    @Test("a wrong password changes nothing about the account and files no request")
    func wrongPassword() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        #expect(throws: AccountDeletionError.wrongPassword) {
            try AccountDeletionService(context: env.context).requestDeletion(
                accountId: account.id, password: "not my password")
        }
        let stored = try #require(try AccountService(context: env.context).account(id: account.id))
        #expect(stored == account)
        #expect(try env.requests.requests(accountId: account.id).isEmpty)
        #expect(try env.auditActions(account).last == "account-deletion-refused")
    }

    @Test("deletion end to end: access ends at once, purge after 30 days and not before, payments kept to their date")
    func endToEnd() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let other = try env.makeAccount(email: "bob@example.com", username: "bob")
        let now = TestDefaults.start
        try env.insertViewing(accountId: account.id, count: 40, newest: now)
        try env.insertViewing(accountId: other.id, count: 3, newest: now)
        let oldPayment = try TestEnvironment.instant("2020-01-15T10:00:00Z")
        try env.insert("payment-transactions", accountId: account.id, at: [oldPayment, now])
        try env.insert("payment-methods", accountId: account.id, at: [now])
        try env.insert("technical-logs", accountId: account.id, at: [now], held: true)
        try env.insert("technical-logs", accountId: account.id, at: [now])
        let preferences = PreferenceService(context: env.context)
        try preferences.set("communications.newsletter", to: true, accountId: account.id)
        try preferences.set("recommendations.personalised", to: false, accountId: account.id)
        try RestrictionService(context: env.context).restrict(accountId: account.id, categoryId: "usage")
        _ = try env.request(for: account, in: .submitted)
        #expect(try AccountService(context: env.context).account(id: account.id)?.consentHeadHash != nil)

        let service = AccountDeletionService(context: env.context, batchSize: 8)
        let receipt = try service.requestDeletion(accountId: account.id, password: password)
        let purgeDue = now.addingTimeInterval(30 * 86_400)
        #expect(receipt.purgeDueAt == purgeDue)
        let pending = try #require(try AccountService(context: env.context).account(id: account.id))
        #expect(pending.status == .deletionPending)
        #expect(pending.deletionRequestedAt == now.epochSeconds)
        #expect(pending.purgeDueAt == purgeDue.epochSeconds)
        let request = try env.requests.require(reference: receipt.reference)
        #expect(request.type == .deletion && request.scope == .account && request.status == .completed)
        #expect(english(request.resolution, catalogue: env.context.catalogue).contains(purgeDue.dayUTC))
        #expect(try env.auditActions(account).contains("account-deletion-requested"))
        // Access ends at once, and the sign-in refusal names the purge date.
        #expect(
            try SignInService(context: env.context).signIn("ada", password: password)
                == .deletionPending(purgeOn: purgeDue))
        #expect(throws: AccountDeletionError.alreadyRequested(purgeOn: purgeDue)) {
            try service.requestDeletion(accountId: account.id, password: password)
        }

        // One second before the purge date nothing is purged.
        env.clock.set(purgeDue.addingTimeInterval(-1))
        #expect(throws: AccountDeletionError.purgeNotDue(purgeOn: purgeDue)) {
            try service.purge(accountId: account.id)
        }
        let early = try RetentionService(context: env.context).run(asOf: env.clock.now())
        #expect(early.purges.isEmpty)
        #expect(try env.count("viewing-events", accountId: account.id) == 40)

        env.clock.set(purgeDue)
        let run = try RetentionService(context: env.context, batchSize: 8).run(asOf: env.clock.now())
        #expect(run.purges.map(\.accountId) == [account.id])
        #expect(run.purges.first?.keptCount == 3)
        let purged = try #require(try AccountService(context: env.context).account(id: account.id))
        #expect(purged.status == .purged)
        #expect(purged.purgedAt == purgeDue.epochSeconds)
        #expect(purged.consentHeadHash == nil)
        #expect(!purged.email.contains("ada"))
        #expect(purged.username != "ada")
        #expect(purged.passwordHash.isEmpty && purged.birthdate.isEmpty)
        #expect(try AccountService(context: env.context).find("ada@example.com") == nil)
        for set in ["viewing-events", "payment-methods", "profile", "usage-events"] {
            #expect(try env.count(set, accountId: account.id) == 0, "\(set)")
        }
        #expect(try env.count("payment-transactions", accountId: account.id) == 2)
        #expect(try env.count("technical-logs", accountId: account.id) == 1)
        #expect(try env.count("viewing-events", accountId: other.id) == 3)
        try env.context.store.read { db throws in
            for sql in [
                "SELECT count(*) FROM consent_receipt WHERE accountId = ?",
                "SELECT count(*) FROM rights_request WHERE accountId = ?",
                "SELECT count(*) FROM preference WHERE accountId = ?",
                "SELECT count(*) FROM restriction WHERE accountId = ?",
                "SELECT count(*) FROM request_event WHERE requestId NOT IN (SELECT id FROM rights_request)",
            ] {
                #expect(try Int.fetchOne(db, sql: sql, arguments: sql.contains("?") ? [account.id] : []) == 0, "\(sql)")
            }
        }
        #expect(try env.auditActions(account).last == "account-purged")
        #expect(try SignInService(context: env.context).signIn("ada", password: password) == .invalidCredentials)
        // The email is free again.
        _ = try env.makeAccount(email: "ada@example.com", username: "ada2")

        // A second run purges nothing more; the old payment goes when its 7 years end, the recent one later.
        #expect(try RetentionService(context: env.context).run(asOf: purgeDue).isEmpty)
        let paymentDue = try TestEnvironment.instant("2027-01-15T10:00:00Z")
        _ = try RetentionService(context: env.context).run(asOf: paymentDue)
        #expect(try env.count("payment-transactions", accountId: account.id) == 1)
        _ = try RetentionService(context: env.context).run(asOf: now.addingTimeInterval(8 * 366 * 86_400))
        #expect(try env.count("payment-transactions", accountId: account.id) == 0)
    }

    @Test("support closes an account from a verified request; it is completed with the purge date")
    func supportClosesAccount() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .inProgress, type: .deletion, scope: .account)
        let receipt = try AccountDeletionService(context: env.context).closeAccount(reference: request.reference)
        #expect(receipt.reference == request.reference)
        #expect(try env.requests.require(reference: request.reference).status == .completed)
        #expect(try AccountService(context: env.context).account(id: account.id)?.status == .deletionPending)
        let submitted = try env.request(
            for: try env.makeAccount(email: "bob@example.com", username: "bob"), in: .submitted, type: .deletion,
            scope: .account)
        #expect(throws: RequestError.self) {
            try AccountDeletionService(context: env.context).closeAccount(reference: submitted.reference)
        }
    }

    @Test("a purge interrupted after its batches is finished by the next retention run")
    func interruptedPurge() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insertViewing(accountId: account.id, count: 10, newest: TestDefaults.start)
        _ = try AccountDeletionService(context: env.context).requestDeletion(accountId: account.id, password: password)
        // Simulate a run that deleted part of the data and stopped.
        try env.context.store.write { db in
            try db.execute(sql: "DELETE FROM viewing_event WHERE id IN (SELECT id FROM viewing_event LIMIT 4)")
        }
        env.clock.advance(by: 31 * 86_400)
        let report = try RetentionService(context: env.context).run(asOf: env.clock.now())
        #expect(report.purges.count == 1)
        #expect(try env.count("viewing-events", accountId: account.id) == 0)
        #expect(try AccountService(context: env.context).account(id: account.id)?.status == .purged)
    }
}
