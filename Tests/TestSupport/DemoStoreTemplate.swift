import Foundation
import PrivacyModel

/// One seeded demo store per test process, made on first use, that tests copy instead of seeding their own.
///
/// Seeding hashes the demo subscribers' passwords; the template does it once, with cheap scrypt (a sign-in
/// through the program upgrades the hash as it would for any old hash), and every copy is a file copy.
public enum DemoStoreTemplate {
    /// The viewing events the first demo subscriber has in the template.
    public static let viewingEvents = 500

    /// The template's path, or why seeding it failed; a static `let` is made once, thread-safely, on first use.
    private static let seeded: Result<String, any Error> = Result { try seed() }

    /// Copies the template to `path` (with its write-ahead log, if one is left), ready for the program to open.
    public static func copy(to path: String) throws {
        let template = try seeded.get()
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: template + suffix) {
            try FileManager.default.copyItem(atPath: template + suffix, toPath: path + suffix)
        }
    }

    /// Seeds the demo subscribers into a store in this process's own folder, removed when the process ends.
    private static func seed() throws -> String {
        let folder = templateFolder()
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        atexit { try? FileManager.default.removeItem(atPath: DemoStoreTemplate.templateFolder()) }
        let path = (folder as NSString).appendingPathComponent("store.sqlite")
        // The context closes its connections when it goes away at the end of this scope, before any copy.
        let context = try PrivacyContext.open(
            path: path, mode: .createIfMissing,
            settings: ModelSettings(scrypt: TestDefaults.cheapScrypt, channel: "cli"))
        _ = try DemoSeeder(context: context, seed: TestDefaults.demoSeed).seed(viewingEvents: viewingEvents) { _, _ in }
        return path
    }

    /// The folder of this process's template (named after the process, so the exit handler captures nothing).
    private static func templateFolder() -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("pd-template-\(getpid())")
    }
}

extension DemoStoreTemplate {
    /// Copies the template to `path` on a thread of its own, so an async test waiting for the seeding holds no
    /// thread of the shared pool.
    public static func copyDetached(to path: String) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread { continuation.resume(with: Result { try copy(to: path) }) }
        }
    }
}
