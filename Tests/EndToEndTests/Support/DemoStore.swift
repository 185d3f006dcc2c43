import Foundation

/// Demo stores for the end-to-end tests: seeded once per test run with `privacy-dashboard demo seed`,
/// then copied, so every test gets its own store file without paying for the seeding (scrypt) each time.
actor DemoStore {
    /// The one template per test process.
    static let shared = DemoStore()

    /// A seeded store and the demo subscribers' password, as `demo seed` printed it.
    struct Template: Sendable {
        let path: String
        let password: String
    }

    private var seeding: Task<Template, any Error>?

    /// A copy of the seeded demo store at `folder/store.sqlite`, and the demo password.
    func copy(into folder: URL) async throws -> (store: String, password: String) {
        let template = try await seeded()
        let target = folder.appendingPathComponent("store.sqlite").path
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: template.path + suffix) {
            try FileManager.default.copyItem(atPath: template.path + suffix, toPath: target + suffix)
        }
        return (target, template.password)
    }

    private func seeded() async throws -> Template {
        if let seeding { return try await seeding.value }
        let task = Task { try await Self.seed() }
        seeding = task
        return try await task.value
    }

    /// Seeds a store in its own folder (removed when the test process ends); waits without blocking a thread.
    private static func seed() async throws -> Template {
        let folder = try EndToEnd.temporaryFolder("pd-e2e-seed")
        templateFolder.withLock { $0 = folder.path }
        atexit {
            if let folder = DemoStore.templateFolder.withLock({ $0 }) {
                try? FileManager.default.removeItem(atPath: folder)
            }
        }
        let path = folder.appendingPathComponent("store.sqlite").path
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PRIVACY_DASHBOARD_STORE")
        let result = try await EndToEnd.runUntilExit(
            try EndToEnd.binary(), ["demo", "seed", "--viewing-events", "500", "--store", path],
            environment: environment)
        guard result.status == 0 else {
            throw EndToEndError(description: "privacy-dashboard demo seed exited \(result.status): \(result.stderr)")
        }
        var password = EndToEnd.demoPassword
        for line in result.stdout.split(separator: "\n") {
            if let range = line.range(of: "password: ") {
                password = line[range.upperBound...].trimmingCharacters(in: .whitespaces)
            }
        }
        return Template(path: path, password: password)
    }

    /// The template's folder, for the clean-up when the process ends.
    private static let templateFolder = LockedValue<String?>(nil)
}

/// A value behind a lock, readable from a C callback such as `atexit`'s.
final class LockedValue<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    /// Runs `body` with the value while holding the lock.
    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
