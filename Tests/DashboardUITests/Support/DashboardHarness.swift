import DashboardUI
import Foundation
import GRDB
import PrivacyModel
import TerminalKit
import TestSupport
import Testing

/// A dashboard on an in-memory terminal over a seeded temporary store, with a stopped clock.
///
/// `press` feeds keys written in the `screen` command's notation and returns the rendered text.
@MainActor
final class DashboardHarness {
    /// The demo subscribers' password.
    static let password = DemoSeeder.password

    let folder: TemporaryDirectory
    let clock: FixedClock
    let context: PrivacyContext
    let strings: Strings
    let terminal: InMemoryTerminal
    let dashboard: Dashboard
    private(set) var frame: Canvas

    /// Seeds the demo subscribers (with `viewingEvents` for the first) and opens a dashboard of `size`
    /// in `language` (the shipped strings, English for any key a translation lacks); with `sharedBox`
    /// (the destination) it runs on a shared box whose exports folder is `box-exports` in its folder.
    init(
        size: Size = Size(width: 80, height: 24), viewingEvents: Int = 600, seedDemo: Bool = true,
        configuration: DashboardConfiguration = DashboardConfiguration(), glyphs: Glyphs = .unicode,
        language: String = "en", sharedBox: String? = nil, searchSliceSize: Int? = nil
    ) throws {
        folder = try TemporaryDirectory(prefix: "pd-ui")
        clock = FixedClock(TestDefaults.start)
        let exports = folder.path("box-exports")
        let box = try sharedBox.map { try SharedBox(destination: $0, exportsFolder: exports, downloadHours: 24) }
        var settings = ModelSettings(
            clock: clock, random: SeededRandomSource(seed: 42), scrypt: TestDefaults.cheapScrypt,
            channel: "dashboard", sharedBox: box)
        if let searchSliceSize { settings.searchSliceSize = searchSliceSize }
        context = try PrivacyContext.open(
            path: folder.path("store.sqlite"), mode: .createIfMissing, settings: settings)
        if seedDemo {
            _ = try DemoSeeder(context: context, seed: TestDefaults.demoSeed).seed(viewingEvents: viewingEvents) {
                _, _ in
            }
        }
        strings = try Strings.bundled(language: language)
        terminal = InMemoryTerminal(size: size, glyphs: glyphs)
        dashboard = Dashboard(context: context, strings: strings, configuration: configuration)
        dashboard.handle(.resize(size))
        frame = dashboard.render(size: size, glyphs: glyphs)
    }

    /// Feeds keys (e.g. "abc<Tab><Enter>") one by one, rendering after each as the real loop does.
    /// Every frame is also checked for a missing string (shown as ⟦key⟧).
    @discardableResult
    func press(_ keys: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        for event in try KeyNotation.parse(keys) {
            terminal.feed([event])
            let delivered = terminal.nextEvent(timeoutMilliseconds: 0)
            dashboard.handle(delivered)
            if dashboard.hasPendingWork {
                terminal.present(dashboard.render(size: terminal.size, glyphs: terminal.glyphs))
                dashboard.performPendingWork()
            }
            frame = dashboard.render(size: terminal.size, glyphs: terminal.glyphs)
            terminal.present(frame)
            #expect(!text.contains("⟦"), "missing string in the frame after \(event)", sourceLocation: sourceLocation)
        }
        return text
    }

    /// Signs in as a demo subscriber (username or email) and returns the first screen's text.
    @discardableResult
    func signIn(_ identifier: String = "lena.mueller", password: String = DashboardHarness.password) throws -> String {
        try press("\(identifier)<Tab>\(password)<Enter>")
    }

    /// The current frame as text.
    var text: String { frame.plainText }

    /// The current frame's rows.
    var lines: [String] { frame.lines }

    /// Makes the store say an account last acknowledged policy `version` (nil: never acknowledged one), in the
    /// per-version record and on the account row, inside the caller's transaction.
    nonisolated static func setAcknowledged(_ db: Database, accountId: Int64, version: String?) throws {
        try db.execute(sql: "DELETE FROM policy_acknowledgement WHERE accountId = ?", arguments: [accountId])
        try db.execute(
            sql: "UPDATE account SET acknowledgedPolicyVersion = ? WHERE id = ?", arguments: [version, accountId])
        if let version {
            try db.execute(
                sql: "INSERT INTO policy_acknowledgement (accountId, version, at) VALUES (?, ?, 0)",
                arguments: [accountId, version])
        }
    }

    /// The account of a demo subscriber.
    func account(_ identifier: String) throws -> Account {
        try AccountService(context: context).require(identifier)
    }
}
