import Foundation
import GRDB
import TestSupport
import Testing

/// The service's staff over the same SSH door as subscribers (`ssh -t USER@HOST staff`), with codes from
/// `oathtool` as an authenticator app would show them: roles, enrolment, four eyes, replay, the subscriber's view
/// of who touched their data, and the audit chain that `check` verifies.
@Suite(
    "End to end: staff over SSH", .serialized,
    .enabled(if: EndToEnd.isEnabled, "PRIVACY_E2E=0 skips the end-to-end tests"))
struct StaffSSHTests {
    static let ownerPassword = "olga owner passphrase 2026"
    static let firstPassword = "first password from olga"
    static let agentPassword = "ana agent passphrase 2026"
    static let approverPassword = "paul approver passphrase 2026"

    @Test(
        "owner, agent and approver enrol with oathtool codes; the agent works an erasure but cannot complete it; the approver does; a replayed code is refused; the subscriber sees both; check verifies the chain and catches an edit"
    )
    func staffJourney() async throws {
        let fixture = try await SSHTests.Fixture()
        defer { fixture.cleanUp() }
        do {
            try await journey(fixture)
        } catch { throw fixture.explain(error) }
    }

    private func journey(_ fixture: SSHTests.Fixture) async throws {
        let staff = StaffCLI(fixture: fixture)
        let subscriber = EndToEnd.english

        // The box's administrator makes the first owner; the owner enrols in a real terminal and signs in.
        try await staff.bootstrapOwner(password: Self.ownerPassword)
        for (name, display, role) in [("ana", "Ana Agent", "agent"), ("paul", "Paul Approver", "approver")] {
            let created = try staff.run(
                ["create", "--username", name, "--name", display, "--role", role], input: [Self.firstPassword])
            #expect(created.status == 0, "\(created.stderr)")
        }

        // The agent enrols through the staff door, then a second session replays the code just accepted.
        let agent = try fixture.connect("agent", width: 120, height: 45, remote: ["staff"])
        let agentEnrolment = try await enrolOnScreen(agent, username: "ana", password: Self.agentPassword)
        let replay = try fixture.connect("replay", width: 120, height: 45, remote: ["staff"])
        try await replay.waitFor("Staff username", timeout: EndToEnd.signInTimeout)
        try replay.type("ana")
        try replay.press("Tab")
        try replay.type(Self.agentPassword)
        try replay.press("Enter")
        try await replay.waitFor("Signed in as ana", timeout: EndToEnd.signInTimeout)
        try replay.type(agentEnrolment.code)
        try replay.press("Enter")
        try await replay.waitFor("already used", timeout: EndToEnd.signInTimeout)

        // The agent files an erasure of viewing history that came in by email, and works it up to completion.
        try agent.press("Enter")
        try await agent.waitFor("Ana Agent (agent)")
        let known = try references(fixture.store)
        try agent.press("n")
        try await agent.waitFor("File a request for a subscriber")
        try agent.type(subscriber.username)
        try agent.press("Tab")
        try agent.press("Right")
        try agent.press("Right")
        try agent.press("Tab")
        try await chooseViewingHistory(agent)
        try agent.press("Enter")
        let filedScreen = try await agent.waitFor("filed for the subscriber")
        let reference = try #require(EndToEnd.references(in: filedScreen).subtracting(known).first, "\(filedScreen)")
        for (key, note, status) in [
            ("a", "Received by email", "acknowledged"),
            (
                "v", "Identity checked by a reply from the account email",
                "identity-verified"
            ), ("s", "Erasing viewing history", "in-progress"),
        ] {
            try agent.press(key)
            try agent.type(note)
            try agent.press("Enter")
            try await waitForStatus(status, reference: reference, store: fixture.store)
        }
        try agent.press("c")
        try agent.type("Done")
        try agent.press("Enter")
        try await agent.waitFor("may not")
        #expect(try status(reference, store: fixture.store) == "in-progress")

        // The approver, a second member of staff, enrols and completes it.
        let approver = try fixture.connect("approver", width: 120, height: 45, remote: ["staff"])
        _ = try await enrolOnScreen(approver, username: "paul", password: Self.approverPassword)
        try approver.press("Enter")
        try await approver.waitFor("Paul Approver (approver)")
        try approver.press("/")
        try approver.type(reference)
        try approver.press("Enter")
        try approver.press("Enter")
        try await approver.waitFor("Identity checked")
        try approver.press("c")
        try approver.type("Approved: viewing history erased")
        try approver.press("Enter")
        try await waitForStatus("completed", reference: reference, store: fixture.store, timeout: 60)
        let database = try DatabaseQueue(path: fixture.store)
        let stamped = try await database.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT staff.username FROM request_event JOIN staff ON staff.id = request_event.staffId
                    JOIN rights_request ON rights_request.id = request_event.requestId
                    WHERE rights_request.reference = ? ORDER BY request_event.sequence
                    """, arguments: [reference])
        }
        try database.close()
        #expect(stamped == ["ana", "ana", "ana", "ana", "paul"], "who took each step")

        // The subscriber sees both members of staff, by role and pseudonym, with the request as the reason.
        let own = try fixture.connect("subscriber", width: 120, height: 40)
        try await own.signIn(subscriber, password: fixture.password)
        try own.press("5")
        try own.press("w")
        let seen = try await own.waitUntil("both staff accesses") { screen in
            screen.contains("agent") && screen.contains("approver") && screen.contains(reference)
        }
        #expect(!seen.contains("Ana Agent") && !seen.contains("Paul Approver"), "names stay hidden:\n\(seen)")
        #expect(seen.contains("S-"), "\(seen)")

        // The chain holds; one edited audit row breaks it, and check says where.
        _ = try EndToEnd.cli(["check"], store: fixture.store)
        let sqlite = try EndToEnd.tool("sqlite3", package: "sqlite3")
        let edited = try EndToEnd.run(
            sqlite,
            [
                fixture.store,
                """
                DROP TRIGGER audit_log_no_update;
                UPDATE audit_log SET detail = 'edited' WHERE id = (SELECT min(id) FROM audit_log WHERE staffId IS NOT NULL);
                SELECT min(id) FROM audit_log WHERE staffId IS NOT NULL;
                """,
            ])
        #expect(edited.status == 0, "\(edited.stderr)")
        let entry = edited.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let checked = try EndToEnd.run(try EndToEnd.binary(), ["check", "--store", fixture.store])
        #expect(checked.status == 65, "\(checked)")
        #expect((checked.stdout + checked.stderr).contains("broken at entry \(entry)"), "\(checked)")
    }

    private func enrolOnScreen(_ session: TmuxSession, username: String, password: String) async throws
        -> (secret: String, code: String)
    {
        let enrolled = try await session.enrolAsStaff(username, firstPassword: Self.firstPassword, password: password)
        return (enrolled.secret, enrolled.code)
    }

    /// Moves the filing dialog's scope choice to viewing history.
    private func chooseViewingHistory(_ session: TmuxSession) async throws {
        for _ in 0..<20 {
            let line = try session.lines().first { $0.contains("What it covers") } ?? ""
            if line.contains("Viewing") { return }
            let before = try session.screen()
            try session.press("Right")
            try await session.waitUntil("the next scope") { $0 != before }
        }
        throw EndToEndError(description: "no viewing history scope in the filing dialog:\n\(try session.screen())")
    }

    private func references(_ store: String) throws -> Set<String> {
        let database = try DatabaseQueue(path: store)
        defer { try? database.close() }
        return Set(try database.read { try String.fetchAll($0, sql: "SELECT reference FROM rights_request") })
    }

    private func status(_ reference: String, store: String) throws -> String? {
        let database = try DatabaseQueue(path: store)
        defer { try? database.close() }
        return try database.read {
            try String.fetchOne(
                $0, sql: "SELECT status FROM rights_request WHERE reference = ?", arguments: [reference])
        }
    }

    private func waitForStatus(
        _ wanted: String, reference: String, store: String, timeout: TimeInterval = EndToEnd.screenTimeout
    ) async throws {
        try await EndToEnd.poll(timeout: timeout, "\(reference) to be \(wanted)") {
            try status(reference, store: store) == wanted
        }
    }
}
