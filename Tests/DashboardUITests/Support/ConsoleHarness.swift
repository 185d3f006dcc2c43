import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

/// The staff console on an in-memory terminal over the seeded demo store, with a stopped clock, signed in as a
/// made-up agent (the staff sign-in is not needed to make the identity in a test; its staff row is stored).
@MainActor
final class ConsoleHarness {
    let folder: TemporaryDirectory
    let clock: FixedClock
    let context: PrivacyContext
    let terminal: InMemoryTerminal
    private(set) var console: StaffConsole
    private(set) var frame: Canvas

    /// The member of staff the console is opened for.
    static let agent = StaffIdentity(
        id: 1, username: "sam.agent", displayName: "Sam Okafor", pseudonym: "S-KQ4F", role: .agent)

    /// A member of staff with another role.
    static func member(_ role: StaffRole) -> StaffIdentity {
        StaffIdentity(
            id: 2, username: "kim.\(role.rawValue)", displayName: "Kim Berger", pseudonym: "S-7PXM", role: role)
    }

    /// The password of the staff accounts `addStaff` makes.
    static let staffPassword = "Tall-Orbit-Lantern-2931"

    /// Makes `member(role)` a real, active account (id 2) after a first owner made by bootstrap (id 1, olga.owner),
    /// for views whose model services check the member of staff against the store.
    static func addStaff(_ role: StaffRole, to context: PrivacyContext) throws {
        let service = StaffService(context: context)
        let first = try service.bootstrap(username: "olga.owner", displayName: "Olga Owner", password: staffPassword)
        try activateStaff(context)
        let member = member(role)
        _ = try service.create(
            username: member.username, displayName: member.displayName, role: role, initialPassword: staffPassword,
            by: first.identity)
        try activateStaff(context)
    }

    /// Marks every staff account active, as if each had enrolled its authenticator.
    static func activateStaff(_ context: PrivacyContext) throws {
        try context.store.write { db in try db.execute(sql: "UPDATE staff SET status = 'active'") }
    }

    /// Seeds the demo subscribers, lets `prepare` add to the store, then opens the console at `size` for `staff`.
    init(
        size: Size = Size(width: 80, height: 24), language: String = "en", staff: StaffIdentity = ConsoleHarness.agent,
        prepare: (PrivacyContext) throws -> Void = { _ in }
    ) throws {
        folder = try TemporaryDirectory(prefix: "pd-console")
        clock = FixedClock(TestDefaults.start)
        context = try PrivacyContext.open(
            path: folder.path("store.sqlite"), mode: .createIfMissing,
            settings: ModelSettings(
                clock: clock, random: SeededRandomSource(seed: 42), scrypt: TestDefaults.cheapScrypt,
                channel: "ssh"))
        _ = try DemoSeeder(context: context, seed: TestDefaults.demoSeed).seed(viewingEvents: 10) { _, _ in }
        try prepare(context)
        try Self.keepRow(for: staff, in: context)
        terminal = InMemoryTerminal(size: size, glyphs: .unicode)
        console = StaffConsole(
            context: context, staff: staff, strings: try Strings.bundled(language: language),
            configuration: DashboardConfiguration(idleTimeout: 1_000_000_000))
        console.handle(.resize(size))
        frame = console.render(size: size, glyphs: .unicode)
    }

    /// Stores an active staff account for a made-up identity, so the steps and reads the console records as that
    /// member of staff name a real row (the store's foreign keys ask for one).
    static func keepRow(for staff: StaffIdentity, in context: PrivacyContext) throws {
        try context.store.write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO staff (id, username, displayName, pseudonym, role, status, passwordHash, createdAt)
                    VALUES (?, ?, ?, ?, ?, 'active', '', ?)
                    """,
                arguments: [
                    staff.id, staff.username, staff.displayName, staff.pseudonym, staff.role.rawValue,
                    context.now.epochSeconds,
                ])
        }
    }

    /// Feeds keys in the `screen` command's notation, rendering after each; every frame is checked for a
    /// missing string.
    @discardableResult
    func press(_ keys: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        for event in try KeyNotation.parse(keys) {
            console.handle(event)
            frame = console.render(size: terminal.size, glyphs: terminal.glyphs)
            #expect(!text.contains("⟦"), "missing string after \(event):\n\(text)", sourceLocation: sourceLocation)
        }
        return text
    }

    /// The current frame as text.
    var text: String { frame.plainText }

    /// The current frame's rows.
    var lines: [String] { frame.lines }

    /// The open requests in the queue's order, as the model lists them.
    func queueOrder() throws -> [StaffQueueEntry] { try StaffQueue(context: context).page(limit: 100) }
}
