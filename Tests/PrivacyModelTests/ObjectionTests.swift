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
}
