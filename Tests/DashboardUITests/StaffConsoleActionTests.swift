import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

/// The console's actions beyond a request's steps: filing for a subscriber, a staff-assisted password reset, the
/// under-age closure and the four-eyes rule, each through the model on the in-memory terminal.
@Suite("Staff console: actions for a subscriber")
@MainActor
struct StaffConsoleActionTests {
    /// Stores the harness's staff identities as staff rows, as a real sign-in finds them.
    static func addStaff(_ context: PrivacyContext) throws {
        try context.store.write { db in
            for member in [ConsoleHarness.agent, ConsoleHarness.member(.approver)] {
                try db.execute(
                    sql: """
                        INSERT INTO staff (id, username, displayName, pseudonym, role, status, passwordHash, createdAt)
                        VALUES (?, ?, ?, ?, ?, 'active', 'x', 0)
                        """,
                    arguments: [
                        member.id, member.username, member.displayName, member.pseudonym, member.role.rawValue,
                    ])
            }
        }
    }

    @Test("n files a request for a subscriber: it lands in the queue with its channel and the agent, and opens")
    func fileOnBehalf() throws {
        let harness = try ConsoleHarness(size: Size(width: 100, height: 40), prepare: Self.addStaff)
        let lena = try AccountService(context: harness.context).require("lena.mueller")
        #expect(harness.lines.last?.contains("n file for subscriber") == true)
        try harness.press("n")
        #expect(harness.text.contains("File a request for a subscriber"))
        #expect(harness.text.contains("< email >"))
        try harness.press("lena.mueller<Tab><Tab><Tab><Right>")
        #expect(harness.text.contains("< chat >"))
        try harness.press("<Enter>")
        let reference = try #require(harness.console.openReference)
        let service = RequestService(context: harness.context)
        let filed = try service.require(reference: reference)
        #expect(filed.accountId == lena.id)
        #expect(filed.channel == "chat")
        #expect(try service.events(requestId: filed.id).first?.staffId == ConsoleHarness.agent.id)
        #expect(try harness.queueOrder().contains { $0.request.reference == reference })
        #expect(harness.text.contains("filed for the subscriber (came in by chat)"))
    }

    @Test("an unknown subscriber is refused in the dialog and nothing is filed")
    func fileOnBehalfUnknown() throws {
        let harness = try ConsoleHarness(size: Size(width: 100, height: 40), prepare: Self.addStaff)
        let before = try harness.queueOrder().count
        try harness.press("nnobody.here<Enter>")
        #expect(harness.console.openReference == nil)
        #expect(harness.text.contains("nobody.here"))
        #expect(try harness.queueOrder().count == before)
    }

    @Test("p resets a verified subscriber's password: shown once, it signs them in to the forced change")
    func passwordReset() throws {
        let harness = try ConsoleHarness(size: Size(width: 100, height: 40), prepare: Self.addStaff)
        let verified = try #require(try harness.queueOrder().first { $0.request.status == .identityVerified })
        let account = try #require(try AccountService(context: harness.context).account(id: verified.request.accountId))
        try harness.press("/\(verified.request.reference)<Enter><Enter>")
        #expect(harness.text.contains("p reset password"))
        try harness.press("p")
        #expect(harness.text.contains("Reset the password of \(account.username)"))
        try harness.press("<Enter>")
        #expect(harness.text.contains("One-time password:"))
        #expect(harness.text.contains("channel you have verified"))
        let match = try #require(harness.text.firstMatch(of: /[a-hj-km-np-z2-9]{16}/))
        let password = String(match.output)
        guard
            case .success(let signedIn, _) = try SignInService(context: harness.context).signIn(
                account.username, password: password)
        else {
            Issue.record("the password shown did not sign the subscriber in")
            return
        }
        #expect(signedIn.mustChangePassword)
        try harness.press("<Enter>")
        #expect(!harness.text.contains(password), "the password is shown once")
        #expect(harness.text.contains("must be changed at the next sign-in"))
    }

    @Test("p is not offered before the requester's identity is verified")
    func resetNotOffered() throws {
        let harness = try ConsoleHarness(size: Size(width: 100, height: 40)) {
            try Self.addStaff($0)
            try StaffConsoleTests.fileForLena($0)
        }
        let submitted = try #require(try harness.queueOrder().first { $0.request.status == .submitted })
        try harness.press("/\(submitted.request.reference)<Enter><Enter>")
        #expect(!harness.text.contains("reset password"))
        let hash = try AccountService(context: harness.context).account(id: submitted.request.accountId)?.passwordHash
        try harness.press("p<Enter>")
        #expect(
            try AccountService(context: harness.context).account(id: submitted.request.accountId)?.passwordHash == hash)
    }

    @Test("u (approvers only) names what is deleted and kept, then closes the account and purges it at once")
    func underageClosure() throws {
        let prepare: (PrivacyContext) throws -> Void = {
            try Self.addStaff($0)
            try StaffConsoleTests.fileForLena($0)
        }
        let agent = try ConsoleHarness(size: Size(width: 100, height: 40), prepare: prepare)
        try agent.press("<Enter>")
        #expect(!agent.text.contains("close: under age"))
        let harness = try ConsoleHarness(
            size: Size(width: 100, height: 40), staff: ConsoleHarness.member(.approver), prepare: prepare)
        let lena = try AccountService(context: harness.context).require("lena.mueller")
        let request = try #require(try harness.queueOrder().first { $0.request.accountId == lena.id })
        try harness.press("/\(request.request.reference)<Enter><Enter>u")
        #expect(harness.text.contains("Close the account of lena.mueller: under age"))
        #expect(harness.text.contains("Deleted at once:"))
        #expect(harness.text.contains("Kept under legal hold:"))
        try harness.press("<Enter>")
        #expect(harness.text.contains("The account is closed"))
        let closed = try #require(try AccountService(context: harness.context).account(id: lena.id))
        #expect(closed.status == .purged)
        let viewing = try harness.context.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM viewing_event WHERE accountId = ?", arguments: [lena.id])
        }
        #expect(viewing == 0)
        try harness.press("<Enter>")
        #expect(harness.console.openReference == nil, "the purge took the request: back to the queue")
        #expect(harness.text.contains("The account of lena.mueller is closed"))
    }

    @Test("an agent sees why they cannot complete an erasure; an approver who did not start it may")
    func fourEyes() throws {
        let agent = try ConsoleHarness(size: Size(width: 100, height: 50), prepare: Self.addStaff)
        let erasure = try #require(try agent.queueOrder().first { $0.request.type == .deletion })
        try agent.press("/\(erasure.request.reference)<Enter><Enter>")
        #expect(agent.text.contains("Four eyes: completing this request deletes data"))
        #expect(agent.text.contains("You cannot complete it: The agent role may not"))
        #expect(!agent.text.contains("c complete"))
        try agent.press("c")
        #expect(!agent.text.contains("Complete \(erasure.request.reference)"))
        let approver = try ConsoleHarness(
            size: Size(width: 100, height: 50), staff: ConsoleHarness.member(.approver), prepare: Self.addStaff)
        try approver.press("/\(erasure.request.reference)<Enter><Enter>")
        #expect(approver.text.contains("You may complete it as the second member of staff"))
        #expect(approver.text.contains("c complete"))
    }
}
