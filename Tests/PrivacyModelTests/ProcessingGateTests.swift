import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("processing gate and lifting a restriction")
struct ProcessingGateTests {
    let password = "correct horse battery"

    private func usageKinds(_ env: TestEnvironment, _ accountId: Int64) throws -> [String] {
        try env.context.store.read { db in
            try String.fetchAll(db, sql: "SELECT kind FROM usage_event WHERE accountId = ?", arguments: [accountId])
        }
    }

    @Test("with usage data restricted, signing in (right or wrong password) records no usage event")
    func signInRecordsNothingWhileRestricted() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try RestrictionService(context: env.context).restrict(accountId: account.id, categoryId: "usage")
        let signIn = SignInService(context: env.context)
        guard case .success = try signIn.signIn("ada", password: password) else {
            Issue.record("expected success")
            return
        }
        #expect(try signIn.signIn("ada", password: "wrong password!") == .invalidCredentials)
        #expect(try usageKinds(env, account.id).isEmpty)
        let audit = try env.context.store.read { db in try AuditLog.entries(db, accountId: account.id).map(\.action) }
        #expect(audit.contains("sign-in") && audit.contains("sign-in-failed"))

        try RestrictionService(context: env.context).lift(accountId: account.id, categoryId: "usage")
        _ = try signIn.signIn("ada", password: password)
        #expect(try usageKinds(env, account.id) == ["sign-in"])
    }

    @Test("the gate says no while the category is restricted or the purpose objected to, yes otherwise")
    func gate() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        func may(_ category: String, _ purpose: String) throws -> Bool {
            try env.context.store.read { db in
                try ProcessingGate.mayRecord(account: account.id, category: category, purpose: purpose, on: db)
            }
        }
        #expect(try may("usage", "service-improvement"))
        _ = try ObjectionService(context: env.context).object(accountId: account.id, purposeId: "service-improvement")
        #expect(try !may("usage", "service-improvement"))
        #expect(try !may("connection", "service-improvement"))
        #expect(try may("usage", "security"))
        try RestrictionService(context: env.context).restrict(accountId: account.id, categoryId: "usage")
        #expect(try !may("usage", "security"))
        #expect(try may("viewing", "service-delivery"))
    }

    @Test("lifting records a timeline entry on the restriction request and an audit entry; twice is refused")
    func liftReceipt() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = RestrictionService(context: env.context)
        let restriction = try service.restrict(accountId: account.id, categoryId: "viewing")
        let reference = try #require(restriction.requestReference)
        env.clock.advance(by: 3600)
        let lift = try service.lift(accountId: account.id, categoryId: "viewing")
        #expect(lift.reference == reference)
        #expect(lift.categoryId == "viewing")
        #expect(lift.liftedAt == TestDefaults.start.addingTimeInterval(3600))
        #expect(try !service.isRestricted(accountId: account.id, categoryId: "viewing"))
        let request = try env.requests.require(reference: reference)
        #expect(request.status == .completed)
        let last = try #require(try env.requests.events(requestId: request.id).last)
        #expect(last.isFollowUp && !last.isExtension)
        #expect(last.actor == .subscriber)
        #expect(last.at == lift.liftedAt)
        #expect(last.note.messages.first?.key == "stored.restriction.lifted")
        let audit = try env.context.store.read { db in try AuditLog.entries(db, accountId: account.id) }
        #expect(audit.contains { $0.action == "restriction-lifted" && $0.detail == "\(reference) viewing" })
        #expect(throws: RestrictionError.notRestricted(category: "viewing")) {
            try service.lift(accountId: account.id, categoryId: "viewing")
        }
    }

    @Test("retention still deletes restricted data when it falls due")
    func retentionDeletesRestrictedData() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let now = TestDefaults.start
        let old = try #require(UTCCalendar.calendar.date(byAdding: .month, value: -14, to: now))
        try env.insert("usage-events", accountId: account.id, at: [old, now.addingTimeInterval(-60)])
        try env.insert("viewing-events", accountId: account.id, at: [old.addingTimeInterval(-86_400 * 400)])
        let restrictions = RestrictionService(context: env.context)
        try restrictions.restrict(accountId: account.id, categoryId: "usage")
        try restrictions.restrict(accountId: account.id, categoryId: "viewing")
        let report = try RetentionService(context: env.context).run(asOf: now)
        #expect(report.sets.first { $0.recordSetId == "usage-events" }?.deletedCount == 1)
        #expect(report.sets.first { $0.recordSetId == "viewing-events" }?.deletedCount == 1)
        #expect(try env.count("usage-events", accountId: account.id) == 1)
        #expect(try restrictions.isRestricted(accountId: account.id, categoryId: "usage"))
    }
}
