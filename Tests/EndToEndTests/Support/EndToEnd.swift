import Foundation
import GRDB

/// A failure of the end-to-end machinery, with what was on screen or in a log when it happened.
struct EndToEndError: Error, CustomStringConvertible {
    let description: String
}

/// What one run of a helper program produced.
struct ToolResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// A demo subscriber: what is typed to sign in and what the title bar then shows.
struct Subscriber {
    let username: String
    let name: String
    let email: String
}

/// Shared facts of the end-to-end tests: whether they run, where the tools and the binary are.
enum EndToEnd {
    /// False when PRIVACY_E2E=0: the only way to leave these tests out (CI installs tmux and sshd).
    static let isEnabled = ProcessInfo.processInfo.environment["PRIVACY_E2E"] != "0"

    /// How long a sign-in may take: scrypt in a debug build on a slow, busy machine.
    static let signInTimeout: TimeInterval = 30
    /// How long anything else may take to show up on screen.
    static let screenTimeout: TimeInterval = 20

    /// A demo subscriber whose account language is English (so English words on screen can be matched).
    static let english = Subscriber(
        username: "siobhan_oc", name: "Siobhán O'Connor", email: "siobhan.oconnor@example.com")
    /// The demo subscriber with the most data; the account's language is German.
    static let german = Subscriber(username: "lena.mueller", name: "Lena Müller", email: "lena.mueller@example.com")
    /// A demo subscriber with a name in CJK characters (two columns each).
    static let japanese = Subscriber(username: "haruto.sato", name: "佐藤 陽翔", email: "haruto.sato@example.net")

    /// The demo subscribers' password (DemoSeeder.password), typed into the sign-in screen, never put on argv.
    static let demoPassword = "demo-privacy-2026"

    /// The `privacy-dashboard` binary `swift build` made (or PRIVACY_DASHBOARD_BIN).
    static func binary() throws -> String {
        if let override = ProcessInfo.processInfo.environment["PRIVACY_DASHBOARD_BIN"], !override.isEmpty {
            return override
        }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("privacy-dashboard")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate.path }
            folder.deleteLastPathComponent()
        }
        throw EndToEndError(description: "the privacy-dashboard binary is not built: run `swift build --build-tests`")
    }

    /// The package's root folder (the wrapper script under Resources/ssh is run from there).
    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The absolute path of a program, or a failure that says which Debian package provides it.
    static func tool(_ name: String, package: String, folders: [String] = []) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let candidates = folders + path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin"]
        for folder in candidates {
            let candidate = (folder as NSString).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw EndToEndError(
            description: "\(name) is not installed: the end-to-end tests need it "
                + "(`apt-get install \(package)`; .ci/run installs it), or set PRIVACY_E2E=0 to skip them")
    }

    /// A fresh folder under the temporary directory (mode 0700).
    static func temporaryFolder(_ prefix: String) throws -> URL {
        // Short names: a tmux socket path must stay under ~100 bytes.
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("\(prefix)-\(UUID().uuidString.prefix(8).lowercased())")
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Runs a program to its end and returns its output (small outputs only).
    @discardableResult
    static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws
        -> ToolResult
    {
        let files = CapturedOutput()
        defer { files.remove() }
        let pid = try Spawn.start(
            executable, arguments, environment: environment ?? ProcessInfo.processInfo.environment,
            stdout: files.outPath, stderr: files.errPath)
        return files.result(status: Spawn.wait(pid))
    }

    /// Runs the dashboard's CLI on a store; a non-zero exit is a failure with its stderr.
    static func cli(_ arguments: [String], store: String) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PRIVACY_DASHBOARD_STORE")
        let result = try run(try binary(), arguments + ["--store", store], environment: environment)
        guard result.status == 0 else {
            throw EndToEndError(
                description: "privacy-dashboard \(arguments.joined(separator: " ")) exited \(result.status): "
                    + result.stderr)
        }
        return result.stdout
    }

    /// The references of a subscriber's requests, read from the store itself (`requests list` needs a staff
    /// sign-in, which these tests are not about).
    static func requestReferences(email: String, store: String) throws -> [String] {
        try DatabaseQueue(path: store).read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT reference FROM rights_request JOIN account ON account.id = rights_request.accountId
                    WHERE account.emailKey = lower(?) OR account.username = ? ORDER BY rights_request.id DESC
                    """,
                arguments: [email, email])
        }
    }

    /// Request references (PD-XXXX-XXXX) that appear in a screen's text.
    static func references(in screen: String) -> Set<String> {
        var found: Set<String> = []
        for word in screen.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }) {
            let parts = word.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 3, parts[0] == "PD", parts[1].count == 4, parts[2].count == 4 {
                found.insert(String(word))
            }
        }
        return found
    }

    /// Polls `condition` every 50 ms until it holds or `timeout` passes; never a fixed sleep.
    static func poll(timeout: TimeInterval, _ what: String, _ condition: () throws -> Bool) async throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if try condition() { return }
            if Date() > deadline {
                throw EndToEndError(description: "timed out after \(Int(timeout)) s waiting for \(what)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Process ids whose command line mentions `text` (e.g. a test's own store path).
    static func processes(mentioning text: String) -> [Int32] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return [] }
        return entries.compactMap { entry -> Int32? in
            guard let pid = Int32(entry), pid != getpid(),
                let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline")
            else { return nil }
            let commandLine = String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
            return commandLine.contains(text) ? pid : nil
        }
    }
}

/// Temporary files a spawned program writes its stdout and stderr into, read back once it has ended.
struct CapturedOutput {
    /// Where stdout goes.
    let outPath: String
    /// Where stderr goes.
    let errPath: String

    init() {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
        outPath = folder.appendingPathComponent("pd-e2e-out-\(UUID().uuidString)").path
        errPath = folder.appendingPathComponent("pd-e2e-err-\(UUID().uuidString)").path
    }

    /// The program's result from its exit status and the two files.
    func result(status: Int32) -> ToolResult {
        ToolResult(
            status: status, stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    }

    /// Deletes both files.
    func remove() {
        try? FileManager.default.removeItem(atPath: outPath)
        try? FileManager.default.removeItem(atPath: errPath)
    }
}
