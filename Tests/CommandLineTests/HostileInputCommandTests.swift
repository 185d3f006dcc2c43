import Foundation
import GRDB
import TestSupport
import Testing

/// The command line under hostile values: absurd sizes, stored controls, formula cells.
@Suite("hostile input on the command line", .serialized)
struct HostileInputCommandTests {
    @Test("screen refuses a --size above the ceiling with one line, and draws at the ceiling itself")
    func sizeCeiling() throws {
        let runner = try ProgramRunner.withDemoStore()
        for size in ["65535x65535", "4611686018427387904x2", "1001x30"] {
            let result = try runner.runOnStore(["screen", "--size", size])
            #expect(result.status == 64, "\(size): \(result.stderr)")
            #expect(result.stderr.contains("--size"))
            #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        }
        let biggest = try runner.runOnStore(["screen", "--size", "1000x500", "--keys", "<Resize:100000x100000>"])
        #expect(biggest.status == 0, "\(biggest.stderr)")
        #expect(biggest.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 501)
    }

    /// C1 CSI, DEL, a bidi override, ESC and a line separator: what a terminal could act on.
    static let live = "\u{9B}31m\u{7F}\u{202E}gnp.exe\u{1B}[2J\u{2028}end"

    @Test("requests list and show --json escape C0, C1, DEL and bidi controls and keep the value exact")
    func inertJSON() throws {
        let runner = try ProgramRunner.withDemoStore()
        let reference = try DatabaseQueue(path: runner.storePath).write { db -> String in
            let details = try JSONEncoder().encode(["note": Self.live])
            try db.execute(
                sql: "UPDATE rights_request SET details = ?, resolution = ?",
                arguments: [String(decoding: details, as: UTF8.self), Self.live])
            return try String.fetchOne(db, sql: "SELECT reference FROM rights_request ORDER BY id LIMIT 1") ?? ""
        }
        let list = try runner.runOnStore(["requests", "list", "--json"])
        let show = try runner.runOnStore(["requests", "show", reference, "--json", "--ticket", "T-1"])
        for result in [list, show] {
            #expect(result.status == 0, "\(result.stderr)")
            let live = result.stdout.unicodeScalars.filter {
                $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E
                    || $0.value == 0x2028
            }
            #expect(live.isEmpty, "live controls printed: \(live.map { String($0.value, radix: 16) })")
        }
        #expect(show.stdout.contains("\\u009B31m\\u007F\\u202E"), "\(show.stdout)")
        let decoded = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any]
        let details = decoded?["details"] as? [String: Any]
        #expect(details?["note"] as? String == Self.live)
    }

    @Test("account create refuses a name with ESC and says what is wrong; nothing is stored")
    func nameWithEscape() throws {
        let runner = try ProgramRunner()
        _ = try runner.runOnStore(["init"])
        let result = try runner.runOnStore(
            [
                "account", "create", "--email", "ada@example.com", "--username", "ada", "--name", "Ada\u{1B}[31m",
                "--birthdate", "1990-12-10", "--password-stdin",
            ], stdin: "a long enough password\n")
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("control characters"))
        #expect(!result.stderr.contains("\u{1B}"))
        let listed = try runner.runOnStore(["account", "list"])
        #expect(!listed.stdout.contains("ada@example.com"))
    }

    @Test("check reports an unfinished export left in the export folder and the retention run removes it")
    func staleStaging() throws {
        let runner = try ProgramRunner.withDemoStore()
        let home = runner.directory.appendingPathComponent("home")
        let left = home.appendingPathComponent("privacy-dashboard-exports/.privacy-export-x.zip.partial-Q1w2E3")
        try FileManager.default.createDirectory(at: left, withIntermediateDirectories: true)
        try Data("partial".utf8).write(to: left.appendingPathComponent("export.json"))
        let environment = ["HOME": home.path, "XDG_DOWNLOAD_DIR": ""]
        let check = try runner.run(["check", "--store", runner.storePath], environment: environment)
        #expect(check.status == 65, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains(".privacy-export-x.zip.partial-Q1w2E3"))
        let retention = try runner.run(["retention", "run", "--store", runner.storePath], environment: environment)
        #expect(retention.status == 0, "\(retention.stderr)")
        #expect(!FileManager.default.fileExists(atPath: left.path))
        let again = try runner.run(["check", "--store", runner.storePath], environment: environment)
        #expect(again.status == 0, "\(again.stdout)")
    }
}
