import DashboardUI
import Foundation
import GRDB
import TerminalKit
import Testing

@testable import PrivacyModel

@Suite("Sign-in after a staff password reset")
@MainActor
struct SignInPasswordChangeTests {
    /// An agent verifies the subscriber on an open request and resets their password; returns the one-time password.
    private func resetByStaff(_ harness: DashboardHarness, _ identifier: String) throws -> String {
        let account = try harness.account(identifier)
        let id = try harness.context.store.write { db -> Int64 in
            try db.execute(
                sql: """
                    INSERT INTO staff (username, displayName, pseudonym, role, status, passwordHash, createdAt)
                    VALUES ('ana', 'Ana', 'S-ANA', 'agent', 'active', 'x', 0)
                    """)
            return db.lastInsertedRowID
        }
        let agent = StaffAccess(
            staff: StaffIdentity(id: id, username: "ana", displayName: "Ana", pseudonym: "S-ANA", role: .agent),
            reason: nil)
        let service = RequestService(context: harness.context)
        var request =
            try service.requests(accountId: account.id).first { $0.isOpen }
            ?? service.file(accountId: account.id, type: .access, scope: .all)
        if request.status == .submitted {
            request = try service.acknowledge(reference: request.reference, actor: .support, staff: agent)
        }
        if request.status == .acknowledged {
            request = try service.verifyIdentity(reference: request.reference, actor: .support, staff: agent)
        }
        return try AssistedPasswordReset(context: harness.context).reset(
            accountId: account.id, staff: StaffAccess(staff: agent.staff, reason: .request(request.reference))
        ).password
    }

    @Test("a one-time password leads to choosing a new password before any screen; the flag then clears")
    func chooseBeforeAnything() throws {
        let harness = try DashboardHarness()
        let oneTime = try resetByStaff(harness, "lena.mueller")
        let text = try harness.signIn(password: oneTime)
        #expect(text.contains(harness.strings["signin.mustChange.title"]))
        #expect(harness.dashboard.session == nil)
        #expect(!text.contains(oneTime))
        try harness.press("my brand new pass<Tab>my brand new pasX<Enter>")
        #expect(harness.text.contains(String(harness.strings["account.password.mismatch"].prefix(40))))
        #expect(harness.dashboard.session == nil)
        try harness.press("my brand new pass<Enter>")
        #expect(harness.dashboard.currentScreen == .overview)
        #expect(try harness.account("lena.mueller").mustChangePassword == false)
        #expect(
            try SignInService(context: harness.context).signIn("lena.mueller", password: "my brand new pass")
                != .invalidCredentials)
    }

    @Test("Esc leaves the step without opening the dashboard, and the next sign-in asks again")
    func escapeAsksAgain() throws {
        let harness = try DashboardHarness()
        let oneTime = try resetByStaff(harness, "lena.mueller")
        try harness.signIn(password: oneTime)
        let left = try harness.press("<Esc>")
        #expect(harness.dashboard.session == nil)
        #expect(left.contains(String(harness.strings["signin.mustChange.notSignedIn"].prefix(30))))
        let again = try harness.signIn(password: oneTime)
        #expect(again.contains(harness.strings["signin.mustChange.title"]))
        #expect(harness.dashboard.session == nil)
    }

    @Test("left idle, the change step goes back to an empty sign-in form, dropping the one-time password it held")
    func idleClearsTheStep() throws {
        let harness = try DashboardHarness()
        let oneTime = try resetByStaff(harness, "lena.mueller")
        try harness.signIn(password: oneTime)
        harness.clock.advance(by: 601)
        let text = try harness.press("<Tick>")
        #expect(!text.contains(harness.strings["signin.mustChange.title"]))
        #expect(text.contains("Signed out after 10 minutes without activity"))
        #expect(harness.dashboard.session == nil)
    }
}
