import Foundation
import PrivacyModel
import TestSupport

/// A fresh store in a temporary folder, a stopped clock and cheap scrypt: everything a model test needs.
struct TestEnvironment {
    let directory: TemporaryDirectory
    let clock: FixedClock
    let context: PrivacyContext

    var storePath: String { context.store.path }

    init(at instant: Date = TestDefaults.start, seed: UInt64 = 42, channel: String = "dashboard") throws {
        directory = try TemporaryDirectory()
        clock = FixedClock(instant)
        context = try PrivacyContext.open(
            path: directory.path("store.sqlite"), mode: .createIfMissing,
            settings: ModelSettings(
                clock: clock, random: SeededRandomSource(seed: seed), scrypt: TestDefaults.cheapScrypt, channel: channel
            ))
    }

    /// A second context on the same file, as another session (another connection pool) would have.
    func secondSession() throws -> PrivacyContext {
        try PrivacyContext.open(
            path: storePath,
            settings: ModelSettings(clock: clock, random: SeededRandomSource(seed: 7), scrypt: TestDefaults.cheapScrypt)
        )
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
