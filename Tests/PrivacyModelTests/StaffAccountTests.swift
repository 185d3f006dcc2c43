import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("staff accounts")
struct StaffAccountTests {
    @Test("bootstrap makes the first owner once, audited as the system; a second bootstrap is refused")
    func bootstrapOnce() throws {
        let env = try TestEnvironment()
        let service = StaffService(context: env.context)
        let owner = try service.bootstrap(
            username: "olga", displayName: "Olga", password: TestEnvironment.staffPassword)
        #expect(owner.role == .owner)
        #expect(owner.status == .enrolling)
        #expect(owner.pseudonym.wholeMatch(of: /S-[A-Z2-7]{6}/) != nil)
        #expect(throws: StaffError.alreadyBootstrapped) {
            try service.bootstrap(username: "other", displayName: "Other", password: TestEnvironment.staffPassword)
        }
        let entry = try env.context.store.read { db in
            try Row.fetchOne(
                db, sql: "SELECT actor, action, detail, staffId FROM audit_log WHERE action = 'staff-created'")
        }
        #expect(entry?["actor"] == "system")
        #expect(entry?["detail"] == "\(owner.pseudonym) owner")
        #expect((entry?["staffId"] as Int64?) == nil)
    }

    @Test("names and passwords are checked before anything is stored")
    func badInput() throws {
        let env = try TestEnvironment()
        let service = StaffService(context: env.context)
        #expect(throws: StaffError.invalidUsername("Olga")) {
            try service.bootstrap(username: "Olga", displayName: "Olga", password: TestEnvironment.staffPassword)
        }
        #expect(throws: StaffError.invalidDisplayName) {
            try service.bootstrap(
                username: "olga", displayName: "Ol\u{1B}[2Jga", password: TestEnvironment.staffPassword)
        }
        #expect(throws: AccountError.weakPassword(minimumLength: AccountService.minimumPasswordLength)) {
            try service.bootstrap(username: "olga", displayName: "Olga", password: "short")
        }
        #expect(try env.context.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") } == 0)
    }

    @Test("an owner creates accounts with a password to change, lists, re-roles and disables them, each audited")
    func ownerManages() throws {
        let env = try TestEnvironment()
        let owner = try env.owner()
        let service = StaffService(context: env.context)
        let agent = try service.create(
            username: "ana", displayName: "Ana", role: .agent, initialPassword: "initial password 1", by: owner)
        #expect(agent.status == .enrolling)
        #expect(throws: StaffError.usernameTaken("ANA".lowercased())) {
            try service.create(
                username: "ana", displayName: "Ana 2", role: .agent, initialPassword: "initial password 1", by: owner)
        }
        try service.changeRole(username: "ana", to: .approver, by: owner)
        try service.disable(username: "ana", by: owner)
        let listed = try service.list(by: owner)
        #expect(listed.map(\.username) == ["olga", "ana"])
        #expect(listed.last?.role == .approver)
        #expect(listed.last?.status == .disabled)
        let audit = try env.context.store.read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT actor, action, staffId, staffRole FROM audit_log WHERE action LIKE 'staff-%' AND staffId = ?",
                arguments: [owner.id])
        }
        let actions = audit.map { $0["action"] as String }
        #expect(actions.contains("staff-created"))
        #expect(actions.contains("staff-role-changed"))
        #expect(actions.contains("staff-disabled"))
        #expect(audit.allSatisfy { ($0["actor"] as String) == "staff" && ($0["staffRole"] as String) == "owner" })
    }

    @Test("only an owner manages staff; a role taken away since sign-in counts at once")
    func onlyOwners() throws {
        let env = try TestEnvironment()
        let owner = try env.owner()
        let agent = try env.staff("ana", role: .agent, by: owner)
        let service = StaffService(context: env.context)
        #expect(throws: StaffError.notPermitted(role: .agent, action: .manageStaff)) {
            try service.create(
                username: "bob", displayName: "Bob", role: .owner, initialPassword: "initial password 1", by: agent)
        }
        #expect(throws: StaffError.notPermitted(role: .agent, action: .manageStaff)) { try service.list(by: agent) }
        let second = try env.staff("otto", role: .owner, by: owner)
        try service.changeRole(username: "otto", to: .auditor, by: owner)
        #expect(throws: StaffError.notPermitted(role: .auditor, action: .manageStaff)) {
            try service.disable(username: "olga", by: second)
        }
    }

    @Test("the last active owner can be neither disabled nor given another role")
    func lastOwner() throws {
        let env = try TestEnvironment()
        let owner = try env.owner()
        let service = StaffService(context: env.context)
        #expect(throws: StaffError.lastOwner) { try service.disable(username: "olga", by: owner) }
        #expect(throws: StaffError.lastOwner) { try service.changeRole(username: "olga", to: .agent, by: owner) }
        _ = try env.staff("otto", role: .owner, by: owner)
        try service.changeRole(username: "olga", to: .agent, by: owner)
        #expect(try service.list(by: try env.signIn("otto")).first?.role == .agent)
    }
}
