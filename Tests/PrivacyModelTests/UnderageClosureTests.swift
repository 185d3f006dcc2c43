import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("closing an under-age subscriber's account")
struct UnderageClosureTests {
    @Test("an approver closes the account: its data goes at once, payments stay by law, the entry names the approver")
    func closesAtOnce() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let other = try env.makeAccount(email: "bob@example.com", username: "bob")
        let now = TestDefaults.start
        try env.insertViewing(accountId: account.id, count: 20, newest: now)
        try env.insertViewing(accountId: other.id, count: 2, newest: now)
        try env.insert("payment-transactions", accountId: account.id, at: [now])
        try env.insert("payment-methods", accountId: account.id, at: [now])
        _ = try env.request(for: account, in: .submitted)
        let approver = try env.staffMember("ines", role: .approver)
        let receipt = try UnderageClosure(context: env.context).close(
            accountId: account.id, staff: StaffAccess(staff: approver.staff, reason: .ticket("AGE-12")))
        #expect(receipt.closedAt == now)
        #expect(receipt.approver == approver.staff.pseudonym)
        #expect(receipt.purge.keptCount == 1)
        #expect(try AccountService(context: env.context).account(id: account.id)?.status == .purged)
        #expect(try env.count("viewing-events", accountId: account.id) == 0)
        #expect(try env.count("payment-methods", accountId: account.id) == 0)
        #expect(try env.count("payment-transactions", accountId: account.id) == 1)
        #expect(try env.count("viewing-events", accountId: other.id) == 2)
        #expect(try env.requests.requests(accountId: account.id).isEmpty)
        let entries = try env.auditEntries(account)
        let closing = try #require(entries.last { $0.action == "account-closed-underage" })
        #expect(closing.staffId == approver.staff.id)
        #expect(closing.staffRole == "approver")
        #expect(closing.reason == "ticket:AGE-12")
        #expect(entries.last?.action == "account-purged")
        let chainBreak = try env.context.store.read { db in try AuditChain.verify(db) }
        #expect(chainBreak == nil)
    }

    @Test("an open request of the subscriber is a reason too, named by its reference")
    func requestAsReason() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let open = try env.request(for: account, in: .acknowledged)
        let approver = try env.staffMember("ines", role: .approver)
        let receipt = try UnderageClosure(context: env.context).close(
            accountId: account.id, staff: StaffAccess(staff: approver.staff, reason: .request(open.reference)))
        #expect(receipt.reason == .request(open.reference))
        #expect(try AccountService(context: env.context).account(id: account.id)?.status == .purged)
    }

    @Test("refused for an agent, without a reason, with a bad ticket or another subscriber's request; nothing changes")
    func refusals() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let other = try env.makeAccount(email: "bob@example.com", username: "bob")
        try env.insertViewing(accountId: account.id, count: 4, newest: TestDefaults.start)
        let othersRequest = try env.request(for: other, in: .submitted)
        let agent = try env.staffMember("ana", role: .agent)
        let approver = try env.staffMember("ines", role: .approver)
        let closure = UnderageClosure(context: env.context)
        func close(_ staff: StaffAccess, _ reason: AccessReason?) throws {
            _ = try closure.close(accountId: account.id, staff: StaffAccess(staff: staff.staff, reason: reason))
        }
        #expect(throws: StaffError.notPermitted(role: .agent, action: .closeUnderageAccount)) {
            try close(agent, .ticket("AGE-12"))
        }
        #expect(throws: StaffError.reasonRequired) { try close(approver, nil) }
        #expect(throws: StaffError.invalidTicket) { try close(approver, .ticket("x; DROP")) }
        #expect(throws: StaffError.requestNotOpenForAccount(reference: othersRequest.reference)) {
            try close(approver, .request(othersRequest.reference))
        }
        #expect(try AccountService(context: env.context).account(id: account.id)?.status == .active)
        #expect(try env.count("viewing-events", accountId: account.id) == 4)
        #expect(try env.auditEntries(account).allSatisfy { $0.action != "account-closed-underage" })
    }
}
