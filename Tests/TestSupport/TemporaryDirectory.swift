public import Foundation

/// A temporary folder removed when the value goes away, so a test leaves nothing behind.
public final class TemporaryDirectory: Sendable {
    /// The folder.
    public let url: URL

    /// Creates `<prefix>-<UUID>` under the system's temporary directory (mode 0700).
    public init(prefix: String = "pd-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    deinit { try? FileManager.default.removeItem(at: url) }
}
