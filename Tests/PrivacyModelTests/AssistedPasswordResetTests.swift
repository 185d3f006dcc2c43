import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("staff-assisted password reset")
struct AssistedPasswordResetTests {
    private let password = "correct horse battery"

    @Test("after identity verification an agent sets a one-time password: it signs in, must be changed, is never kept")
    func resetAndChange() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let agent = try env.staffMember("ana", role: .agent)
        let verified = try env.request(for: account, in: .identityVerified)
        let reset = try AssistedPasswordReset(context: env.context).reset(
            accountId: account.id, staff: StaffAccess(staff: agent.staff, reason: .request(verified.reference)))
        #expect(reset.password.count == AssistedPasswordReset.length)
        #expect(reset.reference == verified.reference)
        // The old password no longer works; the one-time one does, and the account says it must be changed.
        #expect(try SignInService(context: env.context).signIn("ada", password: password) == .invalidCredentials)
        guard
            case .success(let signedIn, _) = try SignInService(context: env.context).signIn(
                "ada", password: reset.password)
        else {
            Issue.record("the one-time password did not sign in")
            return
        }
        #expect(signedIn.mustChangePassword)
        let entry = try #require(try env.auditEntries(account).last { $0.action == "password-reset-by-staff" })
        #expect(entry.staffId == agent.staff.id)
        #expect(entry.reason == "request:\(verified.reference)")
        // The password is in no row of the store, in clear.
        try env.context.store.read { db in
            for table in ["account", "audit_log", "request_event", "rights_request"] {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)")
                #expect(!rows.contains { $0.description.contains(reset.password) }, "in \(table)")
            }
        }
        try PasswordChangeService(context: env.context).change(
            accountId: account.id, current: reset.password, new: "my own new secret", repeated: "my own new secret")
        #expect(try AccountService(context: env.context).account(id: account.id)?.mustChangePassword == false)
    }

    @Test("the one-time password comes from the context's random source")
    func drawnFromContextRandom() throws {
        let first = try TestEnvironment(seed: 5)
        let second = try TestEnvironment(seed: 5)
        var passwords: [String] = []
        for env in [first, second] {
            let account = try env.makeAccount()
            let agent = try env.staffMember("ana", role: .agent)
            let verified = try env.request(for: account, in: .inProgress)
            passwords.append(
                try AssistedPasswordReset(context: env.context).reset(
                    accountId: account.id, staff: StaffAccess(staff: agent.staff, reason: .request(verified.reference))
                ).password)
        }
        #expect(passwords[0] == passwords[1])
    }

    @Test("a reset is refused without a verified open request of that subscriber, or for an auditor; nothing changes")
    func refusals() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let other = try env.makeAccount(email: "bob@example.com", username: "bob")
        let agent = try env.staffMember("ana", role: .agent)
        let auditor = try env.staffMember("otto", role: .auditor)
        let unverified = try env.request(for: account, in: .acknowledged)
        let othersVerified = try env.request(for: other, in: .identityVerified)
        let done = try env.request(for: account, in: .completed, type: .portability, scope: .format("json"))
        let service = AssistedPasswordReset(context: env.context)
        func reset(_ staff: StaffAccess, _ reason: AccessReason?) throws {
            _ = try service.reset(accountId: account.id, staff: StaffAccess(staff: staff.staff, reason: reason))
        }
        #expect(throws: StaffError.reasonRequired) { try reset(agent, nil) }
        #expect(throws: StaffError.identityNotVerified) { try reset(agent, .ticket("T-1")) }
        #expect(throws: StaffError.identityNotVerified) { try reset(agent, .request(unverified.reference)) }
        #expect(throws: StaffError.requestNotOpenForAccount(reference: othersVerified.reference)) {
            try reset(agent, .request(othersVerified.reference))
        }
        #expect(throws: StaffError.requestNotOpenForAccount(reference: done.reference)) {
            try reset(agent, .request(done.reference))
        }
        #expect(throws: StaffError.notPermitted(role: .auditor, action: .resetSubscriberPassword)) {
            try reset(auditor, .request(unverified.reference))
        }
        let stored = try #require(try AccountService(context: env.context).account(id: account.id))
        #expect(stored == account)
        #expect(try SignInService(context: env.context).signIn("ada", password: password) != .invalidCredentials)
    }
}
