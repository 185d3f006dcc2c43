import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// The commands on subscribers' data act as a named member of staff: refused without a sign-in, for a role that
/// may not, and without a reason; accepted with one and audited with the staff id. Store-wide commands run as the
/// system without one.
@Suite("staff sign-in for CLI steps", .serialized)
struct StaffGateCommandTests {
    /// A store with one subscriber and one submitted access request: the runner, the reference, the subscriber's
    /// email and account id.
    private func submitted() throws -> (ProgramRunner, (reference: String, email: String, accountId: Int64)) {
        let store = try PreparedStore()
        let request = try store.file(.access, .all)
        return (store.runner, (request.reference, store.account.email, store.account.id))
    }

    private func status(_ runner: ProgramRunner, _ reference: String) throws -> String? {
        try DatabaseQueue(path: runner.storePath).read { db in
            try String.fetchOne(
                db, sql: "SELECT status FROM rights_request WHERE reference = ?", arguments: [reference])
        }
    }

    private func auditCount(_ runner: ProgramRunner) throws -> Int {
        try DatabaseQueue(path: runner.storePath).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0
        }
    }

    /// Signs `role`'s test account in (kept), without the runner adding a reason.
    private func signIn(_ runner: ProgramRunner, _ role: StaffRole) throws -> StaffIdentity {
        let identity = try TestStaff.ensure(role, store: runner.storePath)
        try TestStaff.keepSignIn(identity, store: runner.storePath, runtimeFolder: runner.runtimeFolder)
        return identity
    }

    @Test("without a sign-in every step and read is refused in one line (exit 77) and nothing changes")
    func refusedWithoutSignIn() throws {
        let (runner, request) = try submitted()
        let before = try auditCount(runner)
        for arguments in [
            ["requests", "acknowledge", request.reference], ["requests", "list"],
            ["requests", "show", request.reference],
            ["data", "summary", "--email", request.email, "--request", request.reference],
            ["export", "--email", request.email, "--ticket", "T-1", "--output", runner.directory.path + "/x.zip"],
            ["account", "list"],
        ] {
            let result = try runner.runOnStore(arguments, signIn: .none)
            #expect(result.status == 77, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr
                    == "privacy-dashboard: this command acts as a member of staff: sign in first with "
                    + "`privacy-dashboard staff sign-in --username NAME`, or give --staff NAME\n")
        }
        #expect(try status(runner, request.reference) == "submitted")
        #expect(try auditCount(runner) == before)
        #expect(!FileManager.default.fileExists(atPath: runner.directory.path + "/x.zip"))
    }

    @Test("a role that may not take the step is refused (exit 77) and nothing changes")
    func refusedForRole() throws {
        let (runner, request) = try submitted()
        _ = try signIn(runner, .auditor)
        let step = try runner.runOnStore(["requests", "acknowledge", request.reference], signIn: .none)
        #expect(step.status == 77)
        #expect(step.stderr.hasPrefix("privacy-dashboard: ") && step.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try status(runner, request.reference) == "submitted")
        #expect(try runner.runOnStore(["requests", "list"], signIn: .none).status == 77)
        let read = try runner.runOnStore(
            ["data", "summary", "--email", request.email, "--request", request.reference], signIn: .none)
        #expect(read.status == 77)
        _ = try signIn(runner, .owner)
        #expect(try runner.runOnStore(["account", "list"], signIn: .none).status == 77)
    }

    @Test("reading a subscriber's data without a reason is refused (exit 64) and leaves no trace")
    func refusedWithoutReason() throws {
        let (runner, request) = try submitted()
        _ = try signIn(runner, .agent)
        let before = try auditCount(runner)
        let summary = try runner.runOnStore(["data", "summary", "--email", request.email], signIn: .none)
        #expect(summary.status == 64)
        #expect(summary.stdout.isEmpty)
        let output = runner.directory.path + "/export.zip"
        let export = try runner.runOnStore(["export", "--email", request.email, "--output", output], signIn: .none)
        #expect(export.status == 64)
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(try auditCount(runner) == before)
    }

    @Test("with a reason the read is done and audited with the staff id, role and reason")
    func acceptedWithReason() throws {
        let (runner, request) = try submitted()
        let agent = try signIn(runner, .agent)
        let summary = try runner.runOnStore(
            ["data", "summary", "--email", request.email, "--request", request.reference], signIn: .none)
        #expect(summary.status == 0, "\(summary.stderr)")
        let entry = try DatabaseQueue(path: runner.storePath).read { db in
            try Row.fetchOne(
                db, sql: "SELECT * FROM audit_log WHERE accountId = ? ORDER BY id DESC LIMIT 1",
                arguments: [request.accountId])
        }
        let row = try #require(entry)
        #expect(row["staffId"] as Int64? == agent.id)
        #expect(row["actor"] as String? == "staff")
        #expect(row["staffRole"] as String? == "agent")
        #expect(row["reason"] as String? == "request:\(request.reference)")
    }

    @Test("a step signed in with --staff (password and code from stdin) is recorded with that staff member")
    func promptedSignIn() throws {
        let (runner, request) = try submitted()
        let agent = try TestStaff.ensure(.agent, store: runner.storePath)
        let code = try TestStaff.code(agent.username, store: runner.storePath, offset: 1)
        let result = try runner.runOnStore(
            ["requests", "acknowledge", request.reference, "--staff", agent.username],
            stdin: TestStaff.password + "\n" + code + "\n", signIn: .none)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try status(runner, request.reference) == "acknowledged")
        let staffId = try DatabaseQueue(path: runner.storePath).read { db in
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT staffId FROM request_event JOIN rights_request ON rights_request.id = requestId
                    WHERE reference = ? ORDER BY request_event.id DESC LIMIT 1
                    """,
                arguments: [request.reference])
        }
        #expect(staffId == agent.id)
        let wrongCode = try runner.runOnStore(
            ["requests", "start", request.reference, "--staff", agent.username],
            stdin: TestStaff.password + "\n000000\n", signIn: .none)
        #expect(wrongCode.status == 77)
    }

    @Test("a kept sign-in that has expired is refused; store-wide commands need none")
    func keptSignInExpires() throws {
        let (runner, request) = try submitted()
        _ = try signIn(runner, .agent)
        #expect(try runner.runOnStore(["requests", "list"], signIn: .none).status == 0)
        let queue = try DatabaseQueue(path: runner.storePath)
        try queue.write { db in try db.execute(sql: "UPDATE staff_session SET expiresAt = 0") }
        let expired = try runner.runOnStore(["requests", "acknowledge", request.reference], signIn: .none)
        #expect(expired.status == 77)
        #expect(expired.stderr.contains("expired"))
        #expect(try status(runner, request.reference) == "submitted")
        let check = try runner.runOnStore(["check"], signIn: .none)
        #expect(!check.stderr.contains("staff"))
    }
}
