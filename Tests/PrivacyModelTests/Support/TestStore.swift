import Foundation
import PrivacyModel

/// A temporary folder removed when the test value goes away.
final class TemporaryDirectory: @unchecked Sendable {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("pd-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}

/// A fresh store in a temporary folder, a stopped clock and cheap scrypt: everything a model test needs.
struct TestEnvironment {
    /// 2026-11-29 09:00:00 UTC, the instant tests start at.
    static let start = Date(timeIntervalSince1970: 1_795_942_800)
    /// scrypt cheap enough for tests (the product keeps ln=17).
    static let cheapScrypt = ScryptParameters(ln: 4, r: 8, p: 1)

    let directory: TemporaryDirectory
    let clock: FixedClock
    let context: PrivacyContext

    var storePath: String { context.store.path }

    init(at instant: Date = TestEnvironment.start, seed: UInt64 = 42, channel: String = "dashboard") throws {
        directory = try TemporaryDirectory()
        clock = FixedClock(instant)
        context = try PrivacyContext.open(
            path: directory.path("store.sqlite"), mode: .createIfMissing,
            settings: ModelSettings(
                clock: clock, random: SeededRandomSource(seed: seed), scrypt: Self.cheapScrypt, channel: channel))
    }

    /// A second context on the same file, as another session (another connection pool) would have.
    func secondSession() throws -> PrivacyContext {
        try PrivacyContext.open(
            path: storePath,
            settings: ModelSettings(clock: clock, random: SeededRandomSource(seed: 7), scrypt: Self.cheapScrypt))
    }

    /// Creates an adult account with a known password.
    @discardableResult
    func makeAccount(
        email: String = "ada@example.com", username: String = "ada", password: String = "correct horse battery"
    ) throws -> Account {
        try AccountService(context: context).create(
            NewAccount(email: email, username: username, fullName: "Ada Lovelace", birthdate: "1990-12-10"),
            password: password)
    }
}
