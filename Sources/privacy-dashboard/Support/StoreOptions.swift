import ArgumentParser
import Foundation
import PrivacyModel

/// The --store option every subcommand shares, with the environment variable and XDG default behind it.
struct StoreOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The store file (default: $PRIVACY_DASHBOARD_STORE, else $XDG_DATA_HOME/privacy-dashboard/store.sqlite).",
            valueName: "path"))
    var store: String?

    /// The store path in force and whether it is the built-in default.
    func resolvedPath() -> (path: String, isDefault: Bool) {
        let environment = ProcessInfo.processInfo.environment
        if let store, !store.isEmpty { return (store, false) }
        if let fromEnvironment = environment["PRIVACY_DASHBOARD_STORE"], !fromEnvironment.isEmpty {
            return (fromEnvironment, false)
        }
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return ((dataHome as NSString).appendingPathComponent("privacy-dashboard/store.sqlite"), true)
    }

    /// Opens the store through the model, with the shared box the environment names (see docs/ssh.md); creates
    /// the default folder (mode 0700) when allowed to create.
    func open(mode: PrivacyStore.OpenMode = .existing, channel: String = "cli") throws -> PrivacyContext {
        let box = try SharedBox.fromEnvironment()
        let (path, isDefault) = resolvedPath()
        if isDefault, mode == .createIfMissing {
            let folder = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        return try PrivacyContext.open(
            path: path, mode: mode, settings: ModelSettings(channel: channel, sharedBox: box))
    }
}
