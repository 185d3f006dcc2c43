import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("restriction")
struct RestrictionTests {
    @Test("restricting viewing history keeps the data, stops recommendations, shows in summaries; lifting undoes it")
    func restrictAndLift() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insertViewing(accountId: account.id, count: 4, newest: TestDefaults.start)
        let service = RestrictionService(context: env.context)
        let restriction = try service.restrict(accountId: account.id, categoryId: "viewing", reason: "history is wrong")
        #expect(restriction.categoryId == "viewing")
        #expect(restriction.reason == "history is wrong")
        #expect(try service.isRestricted(accountId: account.id, categoryId: "viewing"))
        #expect(try service.restrictedCategories(accountId: account.id).map(\.categoryId) == ["viewing"])
        let request = try env.requests.require(reference: try #require(restriction.requestReference))
        #expect(request.type == .restriction && request.scope == .category("viewing") && request.status == .completed)
        #expect(try env.count("viewing-events", accountId: account.id) == 4)
        let summaries = try CollectedDataService(context: env.context).summaries(accountId: account.id)
        #expect(summaries.filter(\.isRestricted).map(\.category.id) == ["viewing"])
        let inputs = RecommendationInputs(context: env.context)
        #expect(
            try inputs.viewingHistory(accountId: account.id)
                == RecommendationInput(signals: [], blockedBy: .viewingRestricted))

        try service.lift(accountId: account.id, categoryId: "viewing")
        #expect(try !service.isRestricted(accountId: account.id, categoryId: "viewing"))
        #expect(try inputs.viewingHistory(accountId: account.id).signals.count == 4)
        #expect(try env.auditActions(account).suffix(1) == ["restriction-lifted"])
    }

    @Test("a category is restricted once; categories without the right and unknown ones are refused")
    func refusals() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = RestrictionService(context: env.context)
        try service.restrict(accountId: account.id, categoryId: "usage")
        #expect(throws: RestrictionError.alreadyRestricted(category: "usage")) {
            try service.restrict(accountId: account.id, categoryId: "usage")
        }
        #expect(throws: RestrictionError.notRestrictable(category: "payment")) {
            try service.restrict(accountId: account.id, categoryId: "payment")
        }
        #expect(throws: RestrictionError.unknownCategory("films")) {
            try service.restrict(accountId: account.id, categoryId: "films")
        }
        #expect(throws: RestrictionError.notRestricted(category: "viewing")) {
            try service.lift(accountId: account.id, categoryId: "viewing")
        }
    }

    @Test("a version 1 store is upgraded to the current version with its data intact")
    func upgradeFromVersionOne() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v1-initial")
        try queue.write { db in
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == 1)
            try db.execute(
                sql: """
                    INSERT INTO account (email, emailKey, username, passwordHash, birthdate, createdAt, passwordChangedAt)
                    VALUES ('old@example.com', 'old@example.com', 'old', 'x', '1980-01-01', 0, 0)
                    """)
        }
        try queue.close()
        let store = try PrivacyStore.open(at: path)
        try store.read { db throws in
            #expect(try Int32.fetchOne(db, sql: "PRAGMA user_version") == StoreSchema.currentVersion)
            #expect(try db.tableExists("restriction"))
            #expect(try db.tableExists("objection"))
            #expect(try db.tableExists("unknown_sign_in_failure"))
            #expect(try db.tableExists("export_download"))
            #expect(try String.fetchOne(db, sql: "SELECT email FROM account") == "old@example.com")
            #expect(
                try StoreSchema.migrator.appliedMigrations(db) == [
                    "v1-initial", "v2-restrictions", "v3-objections", "v4-language-setting",
                    "v5-unknown-sign-in-failures", "v6-export-downloads", "v7-staff", "v8-notices",
                    "v9-record-summaries", "v10-record-search",
                ])
        }
        #expect(StoreSchema.currentVersion == 10)
    }

    @Test("support completing restriction, objection and plain requests carries each out")
    func supportFulfilment() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let fulfilment = RequestFulfilment(context: env.context)
        let restriction = try env.request(
            for: account, in: .inProgress, type: .restriction, scope: .category("viewing"))
        let restricted = try fulfilment.complete(reference: restriction.reference)
        #expect(restricted.request.status == .completed)
        #expect(try RestrictionService(context: env.context).isRestricted(accountId: account.id, categoryId: "viewing"))
        let objection = try env.request(
            for: account, in: .inProgress, type: .objection, scope: .purpose("personalisation"))
        let objected = try fulfilment.complete(reference: objection.reference)
        guard case .objected(let receipt) = objected.work else {
            Issue.record("an objection's outcome is its receipt")
            return
        }
        #expect(receipt.receipts.count == 2)
        #expect(try env.requests.events(requestId: objection.id).last?.actor == .support)
        let plain = try env.requests.file(
            accountId: account.id, type: .correction, scope: .field(RequestScope.otherField),
            details: RequestDetails(note: "my birthdate is wrong"))
        try env.requests.acknowledge(reference: plain.reference, actor: .support)
        try env.requests.verifyIdentity(reference: plain.reference, actor: .support)
        try env.requests.start(reference: plain.reference, actor: .support)
        let done = try fulfilment.complete(reference: plain.reference, note: "sent")
        #expect(done.request.resolution == .typed("sent") && done.work == .noted)
        let early = try env.request(for: account, in: .acknowledged, type: .deletion, scope: .category("device"))
        #expect(throws: RequestError.self) { try fulfilment.complete(reference: early.reference) }
    }
}
