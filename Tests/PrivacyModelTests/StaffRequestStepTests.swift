import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("request steps taken by staff")
struct StaffRequestStepTests {
    /// Acknowledges, verifies and starts the request as `staff`.
    private func advance(_ request: RightsRequest, _ env: TestEnvironment, by staff: StaffAccess) throws {
        try env.requests.acknowledge(reference: request.reference, actor: .support, staff: staff)
        try env.requests.verifyIdentity(reference: request.reference, actor: .support, staff: staff)
        try env.requests.start(reference: request.reference, actor: .support, staff: staff)
    }

    @Test("each step records the staff member on its event and stamps its audit entry with the request as reason")
    func stepsNameTheStaffMember() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let agent = try env.staffMember("ana", role: .agent)
        let filed = try env.requests.file(accountId: account.id, type: .access, scope: .all)
        try advance(filed, env, by: agent)
        try env.requests.extend(
            reference: filed.reference, to: filed.currentDueAt.addingTimeInterval(86_400), reason: "many records",
            actor: .support, staff: agent)
        let events = try env.requests.events(requestId: filed.id)
        #expect(events.map(\.staffId) == [nil, agent.staff.id, agent.staff.id, agent.staff.id, agent.staff.id])
        #expect(events.dropFirst().allSatisfy { $0.actor == .support })
        let stamped = try env.auditEntries(account).filter { $0.staffId != nil }
        #expect(
            stamped.map(\.action) == [
                "request-acknowledged", "request-identity-verified", "request-started", "request-extended",
            ])
        #expect(
            stamped.allSatisfy {
                $0.actor == StaffAccess.auditActor && $0.staffRole == "agent"
                    && $0.reason == "request:\(filed.reference)"
            })
        let chainBreak = try env.context.store.read { db in try AuditChain.verify(db) }
        #expect(chainBreak == nil)
    }

    @Test("a role without the step's permission is refused and the request stays as it was")
    func roleRefused() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let auditor = try env.staffMember("otto", role: .auditor)
        let owner = try env.staffMember("olga", role: .owner)
        let filed = try env.requests.file(accountId: account.id, type: .access, scope: .all)
        #expect(throws: StaffError.notPermitted(role: .auditor, action: .acknowledgeRequest)) {
            try env.requests.acknowledge(reference: filed.reference, actor: .support, staff: auditor)
        }
        #expect(throws: StaffError.notPermitted(role: .owner, action: .denyRequest)) {
            try env.requests.deny(reference: filed.reference, actor: .support, reason: "no", staff: owner)
        }
        #expect(try env.requests.require(reference: filed.reference).status == .submitted)
        #expect(try env.eventCount(filed) == 1)
    }

    @Test("the dispatcher carries out an access request for an agent and names them on the completion")
    func dispatcherNamesTheAgent() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let agent = try env.staffMember("ana", role: .agent)
        let filed = try env.requests.file(accountId: account.id, type: .access, scope: .all)
        try advance(filed, env, by: agent)
        let outcome = try RequestFulfilment(context: env.context).carryOut(
            reference: filed.reference, options: FulfilmentOptions(actor: .support, folder: env.directory.url.path),
            staff: agent)
        #expect(outcome.request.status == .completed)
        #expect(try env.requests.events(requestId: filed.id).last?.staffId == agent.staff.id)
        let completion = try env.auditEntries(account).last { $0.action == "request-completed" }
        #expect(completion?.staffId == agent.staff.id)
        #expect(completion?.reason == "request:\(filed.reference)")
    }

    // MARK: Four eyes

    @Test("an agent cannot complete an erasure: it needs an approver, and nothing is deleted")
    func agentCannotErase() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insertViewing(accountId: account.id, count: 5, newest: TestDefaults.start)
        let agent = try env.staffMember("ana", role: .agent)
        let filed = try env.requests.file(accountId: account.id, type: .deletion, scope: .category("viewing"))
        try advance(filed, env, by: agent)
        #expect(throws: StaffError.notPermitted(role: .agent, action: .approveErasure)) {
            try RequestFulfilment(context: env.context).carryOut(
                reference: filed.reference, options: FulfilmentOptions(actor: .support), staff: agent)
        }
        #expect(try env.count("viewing-events", accountId: account.id) == 5)
        #expect(try env.requests.require(reference: filed.reference).status == .inProgress)
    }

    @Test("the approver who started an erasure cannot approve it; a second approver can, and is named")
    func secondApproverErases() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insertViewing(accountId: account.id, count: 5, newest: TestDefaults.start)
        let first = try env.staffMember("ines", role: .approver)
        let second = try env.staffMember("jon", role: .approver)
        let filed = try env.requests.file(accountId: account.id, type: .deletion, scope: .category("viewing"))
        try advance(filed, env, by: first)
        let fulfilment = RequestFulfilment(context: env.context)
        #expect(throws: StaffError.sameStaffMember) {
            try fulfilment.carryOut(
                reference: filed.reference, options: FulfilmentOptions(actor: .support), staff: first)
        }
        #expect(try env.count("viewing-events", accountId: account.id) == 5)
        let outcome = try fulfilment.carryOut(
            reference: filed.reference, options: FulfilmentOptions(actor: .support), staff: second)
        #expect(outcome.request.status == .completed)
        #expect(try env.count("viewing-events", accountId: account.id) == 0)
        #expect(try env.requests.events(requestId: filed.id).last?.staffId == second.staff.id)
        let erased = try env.auditEntries(account).last { $0.action == "category-erased" }
        #expect(erased?.staffId == second.staff.id)
        #expect(erased?.staffRole == "approver")
    }

    @Test("the approver who filed an account deletion for the subscriber cannot approve it; the account stays open")
    func filerCannotCloseAccount() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let approver = try env.staffMember("ines", role: .approver)
        let agent = try env.staffMember("ana", role: .agent)
        let filed = try env.requests.file(
            accountId: account.id, type: .deletion, scope: .account, channel: "email", staff: approver)
        try advance(filed, env, by: agent)
        #expect(throws: StaffError.sameStaffMember) {
            try AccountDeletionService(context: env.context).closeAccount(reference: filed.reference, staff: approver)
        }
        #expect(try AccountService(context: env.context).account(id: account.id)?.status == .active)
        let second = try env.staffMember("jon", role: .approver)
        let receipt = try AccountDeletionService(context: env.context).closeAccount(
            reference: filed.reference, staff: second)
        #expect(try env.requests.require(reference: receipt.reference).status == .completed)
        #expect(try AccountService(context: env.context).account(id: account.id)?.status == .deletionPending)
    }

    // MARK: Filing on a subscriber's behalf

    @Test("filing on behalf keeps the channel, names the staff member and their ticket")
    func fileOnBehalfWithTicket() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let agent = try env.staffMember("ana", role: .agent)
        let ticket = try AccessReason.ticket(typed: "T-4711")
        let filed = try env.requests.file(
            accountId: account.id, type: .access, scope: .all, channel: "phone",
            staff: StaffAccess(staff: agent.staff, reason: ticket))
        #expect(filed.channel == "phone")
        let event = try #require(try env.requests.events(requestId: filed.id).first)
        #expect(event.actor == .support && event.staffId == agent.staff.id)
        let entry = try env.auditEntries(account).last { $0.action == "request-filed" }
        #expect(entry?.staffId == agent.staff.id)
        #expect(entry?.reason == "ticket:T-4711")
    }

    @Test("filing on behalf without a ticket gives the new request as the reason; erasures wait for their steps")
    func fileOnBehalfWithoutTicket() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insertViewing(accountId: account.id, count: 3, newest: TestDefaults.start)
        let agent = try env.staffMember("ana", role: .agent)
        let outcome = try RequestFulfilment(context: env.context).fileAndCarryOut(
            accountId: account.id, type: .deletion, scope: .category("viewing"),
            options: FulfilmentOptions(actor: .support), staff: agent, channel: "chat")
        #expect(outcome.work == .filed)
        #expect(outcome.request.status == .submitted)
        #expect(try env.count("viewing-events", accountId: account.id) == 3)
        let entry = try env.auditEntries(account).last { $0.action == "request-filed" }
        #expect(entry?.reason == "request:\(outcome.request.reference)")
    }

    @Test("filing on behalf refuses a channel outside the list and a role without the permission, filing nothing")
    func fileOnBehalfRefused() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let agent = try env.staffMember("ana", role: .agent)
        let auditor = try env.staffMember("otto", role: .auditor)
        #expect(throws: StaffError.unknownBehalfChannel("fax")) {
            try env.requests.file(accountId: account.id, type: .access, scope: .all, channel: "fax", staff: agent)
        }
        #expect(throws: StaffError.behalfChannelRequired) {
            try env.requests.file(accountId: account.id, type: .access, scope: .all, staff: agent)
        }
        #expect(throws: StaffError.notPermitted(role: .auditor, action: .fileOnBehalf)) {
            try env.requests.file(accountId: account.id, type: .access, scope: .all, channel: "post", staff: auditor)
        }
        #expect(try env.requests.requests(accountId: account.id).isEmpty)
        #expect(StaffRequestRules.behalfChannels == ["email", "chat", "phone", "post"])
    }
}
