import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("objection")
struct ObjectionTests {
    @Test("objecting to personalisation switches its preferences off with receipts and stops recommendations reading")
    func personalisation() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insertViewing(accountId: account.id, count: 5, newest: TestDefaults.start)
        let inputs = RecommendationInputs(context: env.context)
        #expect(try inputs.viewingHistory(accountId: account.id).signals.count == 5)

        let service = ObjectionService(context: env.context)
        #expect(service.objectablePurposes().map(\.id) == ["service-improvement", "personalisation", "marketing"])
        let receipt = try service.object(accountId: account.id, purposeId: "personalisation")
        #expect(
            receipt.receipts.map(\.preferenceId) == ["recommendations.personalised", "recommendations.viewing-history"])
        #expect(receipt.receipts.allSatisfy { !$0.newIsOn })
        let preferences = PreferenceService(context: env.context)
        #expect(try preferences.value("recommendations.personalised", accountId: account.id) == false)
        #expect(try preferences.verifyChain(accountId: account.id).isIntact)
        #expect(try service.isObjecting(accountId: account.id, purposeId: "personalisation"))
        let request = try env.requests.require(reference: receipt.reference)
        #expect(request.type == .objection && request.scope == .purpose("personalisation"))
        #expect(request.status == .completed)
        let input = try inputs.viewingHistory(accountId: account.id)
        #expect(input.signals.isEmpty)
        #expect(input.blockedBy == .personalisationOff)
    }

    @Test("turning only viewing history off also stops the reading")
    func viewingHistoryOff() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insertViewing(accountId: account.id, count: 3, newest: TestDefaults.start)
        try PreferenceService(context: env.context).set(
            "recommendations.viewing-history", to: false, accountId: account.id)
        let input = try RecommendationInputs(context: env.context).viewingHistory(accountId: account.id)
        #expect(input == RecommendationInput(signals: [], blockedBy: .viewingHistoryOff))
    }

    @Test("objecting to marketing whose preferences are already off still records a completed objection")
    func marketingAlreadyOff() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try PreferenceService(context: env.context).set("communications.offers", to: true, accountId: account.id)
        let receipt = try ObjectionService(context: env.context).object(accountId: account.id, purposeId: "marketing")
        #expect(receipt.receipts.map(\.preferenceId) == ["communications.offers"])
        #expect(receipt.alreadyOff.contains("communications.newsletter"))
        #expect(try env.requests.require(reference: receipt.reference).status == .completed)
    }

    @Test("purposes that rest on a contract or the law cannot be objected to")
    func notObjectable() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = ObjectionService(context: env.context)
        #expect(throws: RestrictionError.notObjectable(purpose: "security")) {
            try service.object(accountId: account.id, purposeId: "security")
        }
        #expect(throws: RestrictionError.unknownPurpose("spying")) {
            try service.object(accountId: account.id, purposeId: "spying")
        }
        #expect(try env.requests.requests(accountId: account.id).isEmpty)
    }

    @Test("an objection sticks: its preferences cannot be switched back on without withdrawing it")
    func objectionSticks() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let preferences = PreferenceService(context: env.context)
        try preferences.set("communications.newsletter", to: true, accountId: account.id)
        let service = ObjectionService(context: env.context)
        _ = try service.object(accountId: account.id, purposeId: "marketing")
        #expect(throws: PreferenceError.objectionStands(id: "communications.newsletter", purpose: "marketing")) {
            try preferences.set("communications.newsletter", to: true, accountId: account.id)
        }
        #expect(try preferences.value("communications.newsletter", accountId: account.id) == false)
        let state = try #require(
            try preferences.preferences(accountId: account.id).first { $0.id == "communications.offers" })
        #expect(state.objection?.purposeId == "marketing")
        #expect(
            try preferences.preferences(accountId: account.id).first { $0.id == "cookies.analytics" }?.objection == nil)
        #expect(
            try service.objection(covering: "tracking.web-beacons", accountId: account.id)?.purposeId == "marketing")
        #expect(try service.objection(covering: "cookies.essential", accountId: account.id) == nil)
    }

    @Test("withdrawing an objection records it on the objection request and switches only the chosen preference on")
    func withdrawal() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = ObjectionService(context: env.context)
        let objection = try service.object(accountId: account.id, purposeId: "service-improvement")
        env.clock.advance(by: 600)
        let withdrawal = try service.withdraw(
            accountId: account.id, purposeId: "service-improvement", switchingOn: "analytics.service-improvement")
        #expect(withdrawal.reference == objection.reference)
        #expect(withdrawal.withdrawnAt == TestDefaults.start.addingTimeInterval(600))
        let receipt = try #require(withdrawal.receipt)
        #expect(receipt.preferenceId == "analytics.service-improvement" && receipt.newIsOn)
        #expect(try !service.isObjecting(accountId: account.id, purposeId: "service-improvement"))
        let preferences = PreferenceService(context: env.context)
        #expect(try preferences.value("analytics.service-improvement", accountId: account.id))
        #expect(try preferences.value("cookies.analytics", accountId: account.id) == false)
        #expect(try preferences.verifyChain(accountId: account.id).isIntact)
        let request = try env.requests.require(reference: objection.reference)
        let last = try #require(try env.requests.events(requestId: request.id).last)
        #expect(last.isFollowUp && last.actor == .subscriber)
        #expect(last.note.messages.first?.key == "stored.objection.withdrawn")
        let audit = try env.context.store.read { db in try AuditLog.entries(db, accountId: account.id).map(\.action) }
        #expect(audit.contains("objection-withdrawn"))
        // Now the preference can be switched freely, and a second withdrawal finds nothing to withdraw.
        try preferences.set("cookies.analytics", to: true, accountId: account.id)
        #expect(throws: RestrictionError.notObjecting(purpose: "service-improvement")) {
            try service.withdraw(
                accountId: account.id, purposeId: "service-improvement", switchingOn: "cookies.analytics")
        }
    }

    @Test("a withdrawal names a preference the objection covers")
    func withdrawalNeedsCoveredPreference() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = ObjectionService(context: env.context)
        _ = try service.object(accountId: account.id, purposeId: "marketing")
        #expect(throws: RestrictionError.notObjecting(purpose: "marketing")) {
            try service.withdraw(accountId: account.id, purposeId: "marketing", switchingOn: "cookies.analytics")
        }
        #expect(try service.isObjecting(accountId: account.id, purposeId: "marketing"))
    }

    @Test("objections completed before the objection table existed still stand after the upgrade")
    func upgradeCarriesObjectionsOver() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("v2.sqlite")
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v2-restrictions")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account (email, emailKey, username, passwordHash, birthdate, createdAt, passwordChangedAt)
                    VALUES ('old@example.com', 'old@example.com', 'old', 'x', '1980-01-01', 0, 0);
                    INSERT INTO rights_request (accountId, reference, type, scopeKind, scopeValue, status, channel,
                                                filedAt, receiptDueAt, responseDueAt, closedAt)
                    VALUES (1, 'R-OLD-1', 'objection', 'purpose', 'marketing', 'completed', 'cli', 100, 200, 300, 150),
                           (1, 'R-OLD-2', 'objection', 'purpose', 'personalisation', 'cancelled', 'cli', 100, 200, 300, 150);
                    """)
        }
        try queue.close()
        let store = try PrivacyStore.open(at: path)
        let rows = try store.read { db in try ObjectionService.objections(accountId: 1, db) }
        #expect(rows.map(\.purposeId) == ["marketing"])
        #expect(rows.first?.requestReference == "R-OLD-1")
        #expect(rows.first?.objectedAt == Date(epochSeconds: 150))
    }
}
