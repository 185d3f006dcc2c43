import Foundation
import PrivacyModel
import TestSupport

/// What one run of the built `privacy-dashboard` binary produced.
struct ProgramResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the real binary that `swift build` produced, in a temporary folder (removed with the runner) with its
/// own store path.
struct ProgramRunner {
    private let folder: TemporaryDirectory
    var directory: URL { folder.url }
    var storePath: String { folder.path("store.sqlite") }

    init() throws {
        folder = try TemporaryDirectory(prefix: "pd-cli")
    }

    /// A runner whose store is a copy of the demo store seeded once per test process (`demo seed`'s subscribers).
    static func withDemoStore() throws -> ProgramRunner {
        let runner = try ProgramRunner()
        try DemoStoreTemplate.copy(to: runner.storePath)
        return runner
    }

    /// The binary beside the test bundle (or PRIVACY_DASHBOARD_BIN).
    static func binaryURL() throws -> URL {
        if let override = ProcessInfo.processInfo.environment["PRIVACY_DASHBOARD_BIN"] {
            return URL(fileURLWithPath: override)
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("privacy-dashboard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "privacy-dashboard binary"])
    }

    /// The folder kept staff sign-ins are written to (the binary's $XDG_RUNTIME_DIR).
    var runtimeFolder: String { folder.path("run") }

    /// Commands that act as a named member of staff (see the README's table); `run` signs one in first.
    static func needsStaff(_ arguments: [String]) -> Bool {
        switch (arguments.first, arguments.dropFirst().first) {
        case ("requests", _), ("export", _), ("data", "summary"), ("account", "create"), ("account", "list"),
            ("policy", "publish"), ("notify", "list"):
            return true
        default: return false
        }
    }

    /// Runs the binary with `arguments`, optional stdin text and extra environment.
    ///
    /// A command that needs staff (`needsStaff`) runs signed in as `signIn` says (see `TestSignIn`, signed in with
    /// `staff sign-in` and kept); `data summary` and `export` then get `--ticket TEST-1` as their reason when the
    /// arguments give none.
    func run(
        _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], executable: String? = nil,
        signIn: TestSignIn = .byCommand
    ) throws -> ProgramResult {
        var arguments = arguments
        if let staff = signIn.role(for: arguments), executable == nil, Self.needsStaff(arguments) {
            let store = arguments.firstIndex(of: "--store").map { arguments[$0 + 1] } ?? storePath
            // A missing, foreign or read-only store is the binary's to report: there the sign-in fails and the
            // command runs without one.
            if FileManager.default.fileExists(atPath: store),
                let identity = try? TestStaff.ensure(staff, store: store)
            {
                try? TestStaff.keepSignIn(identity, store: store, runtimeFolder: runtimeFolder)
            }
            let readsData = arguments.first == "export" || arguments.first == "data"
            if readsData, !arguments.contains("--ticket"), !arguments.contains("--request") {
                arguments += ["--ticket", "TEST-1"]
            }
        }
        let process = Process()
        process.executableURL = try executable.map { URL(fileURLWithPath: $0) } ?? Self.binaryURL()
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "PRIVACY_DASHBOARD_STORE")
        env["XDG_DATA_HOME"] = directory.appendingPathComponent("xdg").path
        env["XDG_RUNTIME_DIR"] = runtimeFolder
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let outPipe = Pipe()
        let errPipe = Pipe()
        let inPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = inPipe
        try process.run()
        if let stdin { inPipe.fileHandleForWriting.write(Data(stdin.utf8)) }
        try inPipe.fileHandleForWriting.close()
        let out = outPipe.fileHandleForReading.readDataToEndOfFile()
        let err = errPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProgramResult(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    /// Runs with `--store` pointing at this runner's store.
    func runOnStore(_ arguments: [String], stdin: String? = nil, signIn: TestSignIn = .byCommand) throws
        -> ProgramResult
    {
        try run(arguments + ["--store", storePath], stdin: stdin, signIn: signIn)
    }
}

/// Who a test's command that needs staff runs as.
enum TestSignIn {
    /// An approver for `requests complete` (the second pair of eyes), an agent for everything else.
    case byCommand
    /// This role's test account.
    case staff(StaffRole)
    /// No one: the command runs with whatever sign-in is kept (none unless the test made one), and no reason is
    /// added.
    case none

    func role(for arguments: [String]) -> StaffRole? {
        switch self {
        case .byCommand: return arguments.starts(with: ["requests", "complete"]) ? .approver : .agent
        case .staff(let role): return role
        case .none: return nil
        }
    }
}
