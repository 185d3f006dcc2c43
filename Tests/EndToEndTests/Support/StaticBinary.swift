import Foundation

/// The dashboard as docs/ssh.md installs it: built with the Swift runtime linked in
/// (`swift build --static-swift-stdlib`), so it runs on a box without the Swift toolchain.
enum StaticBinary {
    /// The binary, built into `.build-static` when `PRIVACY_DASHBOARD_STATIC_BIN` names none (a no-op when
    /// it is up to date), after `ldd` showed that it loads nothing from the toolchain's folders.
    static func path() throws -> String {
        let swift = try EndToEnd.tool("swift", package: "the Swift toolchain (swift.org)")
        let binary: String
        if let override = ProcessInfo.processInfo.environment["PRIVACY_DASHBOARD_STATIC_BIN"], !override.isEmpty {
            binary = override
        } else {
            let root = EndToEnd.packageRoot.path
            let scratch = (root as NSString).appendingPathComponent(".build-static")
            let built = try EndToEnd.run(
                swift,
                [
                    "build", "--package-path", root, "--scratch-path", scratch, "--static-swift-stdlib", "--product",
                    "privacy-dashboard",
                ])
            guard built.status == 0 else {
                throw EndToEndError(description: "the static build failed:\n\(built.stdout)\n\(built.stderr)")
            }
            binary = (scratch as NSString).appendingPathComponent("debug/privacy-dashboard")
        }
        try checkStandsAlone(binary, toolchain: toolchainFolder(swift))
        return binary
    }

    /// The toolchain's `usr` folder (`/opt/swift/usr` for `/opt/swift/usr/bin/swift`).
    static func toolchainFolder(_ swift: String) -> String {
        URL(fileURLWithPath: swift).resolvingSymlinksInPath().deletingLastPathComponent().deletingLastPathComponent()
            .path
    }

    /// Fails unless every library the binary loads (with LD_LIBRARY_PATH empty) resolves outside the toolchain.
    static func checkStandsAlone(_ binary: String, toolchain: String) throws {
        let ldd = try EndToEnd.tool("ldd", package: "libc-bin")
        var environment = ProcessInfo.processInfo.environment
        environment["LD_LIBRARY_PATH"] = ""
        let listed = try EndToEnd.run(ldd, [binary], environment: environment)
        let offending = listed.stdout.split(separator: "\n").filter {
            $0.contains(toolchain) || $0.contains("libswift") || $0.contains("libFoundation")
                || $0.contains("not found")
        }
        guard listed.status == 0, offending.isEmpty else {
            throw EndToEndError(
                description: "\(binary) needs the Swift toolchain at run time (ldd):\n\(listed.stdout)\(listed.stderr)")
        }
    }
}
