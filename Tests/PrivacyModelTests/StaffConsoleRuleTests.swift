import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// The model's answers the staff console's actions read: filing for a subscriber without a channel, extending
/// an overdue request, who may complete an erasure and when a password reset is offered.
@Suite("rules behind the console's actions")
struct StaffConsoleRuleTests {
    private static let day: TimeInterval = 86_400

    @Test(
        "filing for a subscriber with no channel says a channel is needed, and files nothing",
        arguments: [nil, "", " "])
    func behalfWithoutChannel(channel: String?) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let agent = try env.staffMember("ana", role: .agent)
        #expect(throws: StaffError.behalfChannelRequired) {
            try env.requests.file(
                accountId: account.id, type: .access, scope: .all, channel: channel, actor: .support, staff: agent)
        }
        #expect(try env.requests.requests(accountId: account.id).isEmpty)
        let message = try Strings.bundled(language: "en").message(
            for: StaffError.behalfChannelRequired, formats: Formats(language: "en"))
        #expect(message.contains("email, chat, phone or post") && !message.contains("\"\""))
    }

    @Test("an overdue request cannot be extended to a day already past, nor to today; tomorrow is accepted")
    func overdueExtension() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .inProgress)
        env.clock.advance(by: 40 * Self.day)
        #expect(env.requests.isOverdue(try env.requests.require(reference: request.reference)))
        let today = Date(epochSeconds: env.context.now.epochSeconds)
        for day in [request.responseDueAt.addingTimeInterval(5 * Self.day), today] {
            #expect(throws: RequestError.extensionNotAfterToday(today: today)) {
                try env.requests.extend(
                    reference: request.reference, untilEndOf: day, reason: "late", actor: .support)
            }
        }
        #expect(try env.requests.require(reference: request.reference).extendedDueAt == nil)
        #expect(try env.eventCount(request) == 4)
        let extended = try env.requests.extend(
            reference: request.reference, untilEndOf: today.addingTimeInterval(Self.day), reason: "late",
            actor: .support)
        #expect(extended.extendedDueAt?.dayUTC == today.addingTimeInterval(Self.day).dayUTC)
    }

    @Test("completing an erasure: an agent is refused by role, its starter as the same person, a second approver not")
    func completionRefusal() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let agent = try env.staffMember("ana", role: .agent)
        let first = try env.staffMember("ines", role: .approver)
        let second = try env.staffMember("jon", role: .approver)
        let filed = try env.requests.file(accountId: account.id, type: .deletion, scope: .category("viewing"))
        try env.requests.acknowledge(reference: filed.reference, actor: .support, staff: first)
        try env.requests.verifyIdentity(reference: filed.reference, actor: .support, staff: first)
        let started = try env.requests.start(reference: filed.reference, actor: .support, staff: first)
        func refusal(_ staff: StaffAccess) throws -> StaffError? {
            try StaffRequestRules.completionRefusal(of: started, by: staff.staff, context: env.context)
        }
        #expect(try refusal(agent) == .notPermitted(role: .agent, action: .approveErasure))
        #expect(try refusal(first) == .sameStaffMember)
        #expect(try refusal(second) == nil)
        let access = try env.requests.file(accountId: account.id, type: .access, scope: .all)
        #expect(try StaffRequestRules.completionRefusal(of: access, by: agent.staff, context: env.context) == nil)
    }

    @Test(
        "a password reset is offered once identity is verified, to a role that may reset",
        arguments: RequestStatus.allCases)
    func resetOffered(status: RequestStatus) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let agent = try env.staffMember("ana", role: .agent)
        let auditor = try env.staffMember("otto", role: .auditor)
        let request = try env.request(for: account, in: status)
        let verified = status == .identityVerified || status == .inProgress
        #expect(AssistedPasswordReset.isOffered(on: request, to: agent.staff) == verified)
        #expect(!AssistedPasswordReset.isOffered(on: request, to: auditor.staff))
    }
}
