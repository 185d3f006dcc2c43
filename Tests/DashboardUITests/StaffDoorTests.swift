import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

/// The staff door on the in-memory terminal: sign-in with a code, enrolment, refusals, idle sign-out, and the
/// console acting as the member of staff who signed in.
@Suite("Staff door: sign-in, enrolment and the console as the signed-in member of staff")
@MainActor
struct StaffDoorTests {
    static let ownerPassword = "owner-pass-2026-long"
    static let agentPassword = "agent-pass-2026-long"

    @Test("an active account signs in with a TOTP code computed from the stored secret and reaches the console")
    func signInWithCode() throws {
        let harness = try StaffDoorHarness()
        #expect(harness.lines[0].contains("staff console"))
        #expect(harness.text.contains("Staff sign-in"))
        try harness.press("<F1>")
        #expect(harness.text.contains("Show this help."), "the help the hint bar offers")
        try harness.press("<Esc>")
        #expect(harness.text.contains("Staff username"))
        try harness.enrolAgent()
        harness.clock.advance(by: 30)
        try harness.press("sam.agent<Tab>\(Self.agentPassword)<Enter>")
        #expect(harness.text.contains("Signed in as sam.agent"))
        try harness.press("\(harness.code(for: "sam.agent"))<Enter>")
        let console = try #require(harness.door.console)
        #expect(console.session.staff.username == "sam.agent")
        #expect(harness.lines[0].contains("Sam Okafor (agent)"))
    }

    @Test("enrolment on screen: new password, secret, URI, QR when there is room, check code, recovery codes once")
    func enrolment() throws {
        let harness = try StaffDoorHarness()
        try harness.createAgent()
        try harness.press("sam.agent<Tab>\(StaffDoorHarness.initialPassword)<Enter>")
        #expect(harness.text.contains("Choose your own password"))
        try harness.press("sam-own-pass-2026<Tab>sam-own-pass-2026<Enter>")
        #expect(harness.text.contains("Set up your authenticator"))
        let secret = try harness.secret(for: "sam.agent")
        #expect(harness.text.contains(RecoveryCode.grouped(Base32.encode(secret), separator: " ")))
        #expect(harness.text.contains("otpauth://totp/"))
        #expect(harness.text.contains("The QR code needs a terminal of at least"))
        try harness.press("<Resize:160x60>")
        #expect(!harness.text.contains("The QR code needs"))
        #expect(harness.lines.contains { $0.contains("▀") || $0.contains("▄") }, "the QR code:\n\(harness.text)")
        try harness.press("\(harness.code(for: "sam.agent"))<Enter>")
        #expect(harness.text.contains("Your recovery codes"))
        #expect(harness.text.contains("Write these codes down"))
        let stored = try harness.context.store.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM staff_recovery_code JOIN staff ON staff.id = staffId
                    WHERE username = 'sam.agent' AND usedAt IS NULL
                    """) ?? 0
        }
        #expect(stored == 10)
        try harness.press("<Enter>")
        #expect(harness.door.console?.session.staff.username == "sam.agent")
        // The new password is the one that now signs in.
        let step = try StaffSignInService(context: harness.context).checkPassword(
            username: "sam.agent", password: "sam-own-pass-2026")
        #expect(step.status == .active)
    }

    @Test("a code already accepted is refused again, and counted")
    func replayedCode() throws {
        let harness = try StaffDoorHarness()
        try harness.enrolAgent()
        // Enrolment accepted this step's code: the same code now is a replay.
        let code = try harness.code(for: "sam.agent")
        try harness.press("sam.agent<Tab>\(Self.agentPassword)<Enter>\(code)<Enter>")
        #expect(harness.door.console == nil)
        #expect(harness.text.contains("already used"), "\(harness.text)")
        #expect(try harness.failures() == 1)
    }

    @Test("a wrong code is refused in the user's words and counts toward the lockout")
    func wrongCode() throws {
        let harness = try StaffDoorHarness(language: "de")
        try harness.enrolAgent()
        harness.clock.advance(by: 30)
        let right = try harness.code(for: "sam.agent")
        let wrong = right == "123456" ? "654321" : "123456"
        try harness.press("sam.agent<Tab>\(Self.agentPassword)<Enter>\(wrong)<Enter>")
        #expect(harness.door.console == nil)
        let strings = try Strings.bundled(language: "de")
        #expect(harness.text.contains(strings["error.staff.invalidCredentials"].prefix(20)))
        #expect(try harness.failures() == 1)
        try harness.press("\(right)<Enter>")
        #expect(harness.door.console != nil, "the right code still signs in")
    }

    @Test("the staff door never checks subscribers, and the subscribers' door never checks staff")
    func doorsKeptApart() throws {
        let harness = try StaffDoorHarness()
        try harness.enrolAgent()
        try harness.press("lena.mueller<Tab>\(DemoSeeder.password)<Enter>")
        #expect(harness.text.contains("The username, password or code is wrong."))
        #expect(!harness.text.contains("Signed in as"))
        let subscriber = try DashboardHarness(viewingEvents: 10)
        try StaffDoorHarness.bootstrapOwner(subscriber.context)
        let text = try subscriber.signIn("olga.owner", password: Self.ownerPassword)
        #expect(text.contains("do not match an account"))
    }

    @Test("idle on the code step signs out to an empty staff sign-in and drops the checked password")
    func idleSignOut() throws {
        let harness = try StaffDoorHarness(idleTimeout: 60)
        try harness.enrolAgent()
        try harness.press("sam.agent<Tab>\(Self.agentPassword)<Enter>")
        #expect(harness.text.contains("Signed in as sam.agent"))
        harness.clock.advance(by: 61)
        try harness.press("<Tick>")
        #expect(harness.text.contains("Signed out after 1 minute"))
        #expect(harness.text.contains("Staff username"))
        try harness.press("<Enter>")
        #expect(!harness.text.contains("Signed in as"))
    }

    @Test("a console step records the staff id on the event, and opening the request one audited read with the reason")
    func consoleActsAsStaff() throws {
        let harness = try StaffDoorHarness(size: Size(width: 100, height: 50))
        try harness.enrolAgent()
        let lena = try AccountService(context: harness.context).require("lena.mueller")
        let filed = try RequestService(context: harness.context).file(accountId: lena.id, type: .access, scope: .all)
        harness.clock.advance(by: 30)
        try harness.press("sam.agent<Tab>\(Self.agentPassword)<Enter>\(harness.code(for: "sam.agent"))<Enter>")
        let agent = try #require(harness.door.console?.session.staff)
        try harness.press("/\(filed.reference)<Enter><Enter>")
        #expect(harness.door.console?.openReference == filed.reference)
        try harness.press("<Down><Up>")  // redraws read nothing more
        try harness.press("aReceived<Enter>")
        #expect(harness.text.contains("is now: received."))
        let (events, reads) = try harness.context.store.read { db in
            (
                try Row.fetchAll(
                    db, sql: "SELECT staffId FROM request_event WHERE requestId = ? ORDER BY id", arguments: [filed.id]),
                try Row.fetchAll(
                    db,
                    sql:
                        "SELECT staffId, staffRole, reason FROM audit_log WHERE action = 'staff-read-request' AND accountId = ?",
                    arguments: [lena.id])
            )
        }
        #expect(events.last?["staffId"] == agent.id)
        #expect(reads.count == 1)
        #expect(reads.first?["staffId"] == agent.id)
        #expect(reads.first?["staffRole"] == "agent")
        #expect(reads.first?["reason"] == "request:\(filed.reference)")
    }

    @Test("four eyes: the approver who started an account deletion is refused its completion, in the dialog")
    func fourEyesInTheDialog() throws {
        let approver = ConsoleHarness.member(.approver)
        let harness = try ConsoleHarness(size: Size(width: 100, height: 50), staff: approver)
        let lena = try AccountService(context: harness.context).require("lena.mueller")
        let service = RequestService(context: harness.context)
        let filed = try service.file(accountId: lena.id, type: .deletion, scope: .account)
        let access = StaffAccess(staff: approver, reason: .request(filed.reference))
        _ = try service.acknowledge(reference: filed.reference, actor: .support, staff: access)
        _ = try service.verifyIdentity(reference: filed.reference, actor: .support, staff: access)
        try harness.press("/\(filed.reference)<Enter><Enter>s<Enter>")
        #expect(try service.require(reference: filed.reference).status == .inProgress)
        try harness.press("cChecked<Enter>")
        #expect(harness.text.contains("A second member of staff must approve this"), "\(harness.text)")
        #expect(try service.require(reference: filed.reference).status == .inProgress)
    }
}

/// The staff door over the seeded demo store with a stopped clock; feeds keys as the runner does (checks run
/// after their "checking" frame).
@MainActor
final class StaffDoorHarness {
    let folder: TemporaryDirectory
    let clock: FixedClock
    let context: PrivacyContext
    let door: StaffDoor
    /// The password an owner gives the new agent.
    static let initialPassword = "initial-pass-2026"
    private var size: Size
    private(set) var frame: Canvas

    init(size: Size = Size(width: 80, height: 24), language: String = "en", idleTimeout: TimeInterval = 1_000_000)
        throws
    {
        folder = try TemporaryDirectory(prefix: "pd-staff-door")
        clock = FixedClock(TestDefaults.start)
        context = try PrivacyContext.open(
            path: folder.path("store.sqlite"), mode: .createIfMissing,
            settings: ModelSettings(
                clock: clock, random: SeededRandomSource(seed: 7), scrypt: TestDefaults.cheapScrypt, channel: "ssh"))
        _ = try DemoSeeder(context: context, seed: TestDefaults.demoSeed).seed(viewingEvents: 10) { _, _ in }
        self.size = size
        door = StaffDoor(
            context: context, strings: try Strings.bundled(language: language),
            configuration: DashboardConfiguration(idleTimeout: idleTimeout))
        door.handle(.resize(size))
        frame = door.render(size: size, glyphs: .unicode)
    }

    /// Makes the first owner (enrolling, with the password they chose).
    static func bootstrapOwner(_ context: PrivacyContext) throws {
        _ = try StaffService(context: context).bootstrap(
            username: "olga.owner", displayName: "Olga Owner", password: StaffDoorTests.ownerPassword)
    }

    /// Enrols `username` through the model with a code from its new secret; returns the signed-in identity.
    @discardableResult
    func enrolThroughModel(_ username: String, password: String, newPassword: String? = nil) throws -> StaffIdentity {
        let step = try StaffSignInService(context: context).checkPassword(username: username, password: password)
        let enrolment = try StaffEnrolmentService(context: context).begin(step, newPassword: newPassword)
        return try StaffEnrolmentService(context: context).finish(enrolment, code: code(for: username)).identity
    }

    /// An owner and an agent named sam.agent, enrolling with the owner's initial password.
    func createAgent() throws {
        try Self.bootstrapOwner(context)
        let owner = try enrolThroughModel("olga.owner", password: StaffDoorTests.ownerPassword)
        _ = try StaffService(context: context).create(
            username: "sam.agent", displayName: "Sam Okafor", role: .agent, initialPassword: Self.initialPassword,
            by: owner)
    }

    /// An owner and an active agent sam.agent whose password is `StaffDoorTests.agentPassword`.
    func enrolAgent() throws {
        try createAgent()
        try enrolThroughModel("sam.agent", password: Self.initialPassword, newPassword: StaffDoorTests.agentPassword)
    }

    /// The stored authenticator secret of `username`.
    func secret(for username: String) throws -> [UInt8] {
        let data = try context.store.read { db in
            try Data.fetchOne(db, sql: "SELECT totpSecret FROM staff WHERE username = ?", arguments: [username])
        }
        return Array(try #require(data))
    }

    /// The authenticator's code for `username` now (RFC 6238 over the stored secret).
    func code(for username: String) throws -> String {
        TOTP.code(secret: try secret(for: username), step: TOTP.step(at: clock.now()))
    }

    /// Failed staff sign-ins counted toward the lockout.
    func failures() throws -> Int {
        try context.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM staff_sign_in_failure") ?? 0 }
    }

    /// Feeds keys in the `screen` command's notation; every frame is checked for a missing string.
    func press(_ keys: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for event in try KeyNotation.parse(keys) {
            if case .resize(let newSize) = event { size = newSize }
            door.handle(event)
            while door.hasPendingWork {
                _ = door.render(size: size, glyphs: .unicode)
                door.performPendingWork()
            }
            frame = door.render(size: size, glyphs: .unicode)
            #expect(!text.contains("⟦"), "missing string after \(event):\n\(text)", sourceLocation: sourceLocation)
        }
    }

    /// The current frame as text.
    var text: String { frame.plainText }

    /// The current frame's rows.
    var lines: [String] { frame.lines }
}
