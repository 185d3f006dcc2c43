import Foundation
import GRDB
import Testing

/// `export` run through the real binary on a seeded demo store.
@Suite("command line: export", .serialized)
struct ExportCommandTests {
    private let email = "lena.mueller@example.com"

    private func output(_ runner: ProgramRunner, _ name: String) -> String {
        runner.directory.appendingPathComponent(name).path
    }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("zip, json, csv and the report are written, mode 0600, with one line on stdout and nothing on stderr")
    func everyFormat() throws {
        let runner = try ProgramRunner.withDemoStore()
        for (format, name) in [("zip", "out.zip"), ("json", "out.json"), ("csv", "out-csv"), ("report", "report.txt")] {
            let path = output(runner, name)
            let result = try runner.runOnStore(["export", "--email", email, "--format", format, "--output", path])
            #expect(result.status == 0, "\(format): \(result.stderr)")
            #expect(result.stderr == "", "no progress line when stderr is not a terminal")
            #expect(result.stdout.hasPrefix("Wrote ") && result.stdout.hasSuffix(" to \(path)\n"), "\(result.stdout)")
            #expect(try mode(path) == (format == "csv" ? 0o700 : 0o600), "\(format)")
        }
        let zip = try Data(contentsOf: URL(fileURLWithPath: output(runner, "out.zip")))
        #expect(zip.prefix(2) == Data("PK".utf8))
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: output(runner, "out.json"))))
        #expect((json as? [String: Any])?["schemaVersion"] as? Int == 1)
        let csvFolder = output(runner, "out-csv")
        #expect(FileManager.default.fileExists(atPath: csvFolder + "/manifest.json"))
        #expect(FileManager.default.fileExists(atPath: csvFolder + "/viewing.csv"))
        // The report is in the subscriber's own language (Lena's account is German) unless --lang says otherwise.
        let report = try String(contentsOfFile: output(runner, "report.txt"), encoding: .utf8)
        #expect(report.contains("Sehverlauf"))
        #expect(report.contains("Aufsichtsbehörde"))
        let english = output(runner, "report-en.txt")
        let inEnglish = try runner.runOnStore([
            "export", "--email", email, "--format", "report", "--lang", "en", "--output", english,
        ])
        #expect(inEnglish.status == 0, "\(inEnglish.stderr)")
        let englishText = try String(contentsOfFile: english, encoding: .utf8)
        #expect(englishText.contains("Viewing history"))
        #expect(englishText.contains("data-protection authority"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: runner.directory.path)
            .filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }

    @Test("without --output the export goes to $XDG_DOWNLOAD_DIR/privacy-dashboard, created 0700")
    func defaultOutput() throws {
        let runner = try ProgramRunner.withDemoStore()
        let downloads = output(runner, "dl")
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: false)
        let result = try runner.run(
            ["export", "--email", email, "--format", "json", "--store", runner.storePath],
            environment: ["XDG_DOWNLOAD_DIR": downloads])
        #expect(result.status == 0, "\(result.stderr)")
        let folder = downloads + "/privacy-dashboard"
        #expect(try mode(folder) == 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1)
        #expect(
            files.first?.hasPrefix("privacy-export-lena.mueller-") == true && files.first?.hasSuffix(".json") == true)
        #expect(result.stdout.contains(folder + "/"))
    }

    @Test("--categories, --since and --until narrow the export")
    func filters() throws {
        let runner = try ProgramRunner.withDemoStore()
        let path = output(runner, "narrow.json")
        let result = try runner.runOnStore([
            "export", "--email", email, "--format", "json", "--output", path, "--categories", "viewing,device",
            "--since", "2026-01-01", "--until", "2026-01-31",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let root =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        let categories = (root?["categories"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
        #expect(categories == ["viewing", "device"])
        let range = root?["range"] as? [String: Any]
        #expect(range?["since"] as? String == "2026-01-01T00:00:00Z")
        #expect(range?["before"] as? String == "2026-02-01T00:00:00Z")
    }

    @Test("an existing output is refused with exit 73 and left untouched; bad arguments exit 64 with one line")
    func refusals() throws {
        let runner = try ProgramRunner.withDemoStore()
        let taken = output(runner, "taken.zip")
        try Data("mine".utf8).write(to: URL(fileURLWithPath: taken))
        let exists = try runner.runOnStore(["export", "--email", email, "--output", taken])
        #expect(exists.status == 73)
        #expect(
            exists.stderr
                == "privacy-dashboard: \(taken) already exists and was left untouched; choose another output path\n")
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "mine")
        let cases: [[String]] = [
            ["--format", "xml"], ["--categories", "viewing,films"], ["--since", "2026-02-30"],
            ["--format", "report", "--since", "2026-01-01"], ["--format", "report", "--lang", "es"],
            ["--format", "zip", "--lang", "de"],
        ]
        for extra in cases {
            let result = try runner.runOnStore(["export", "--email", email, "--output", output(runner, "x")] + extra)
            #expect(result.status == 64, "\(extra): \(result.stderr)")
            #expect(result.stderr.hasPrefix("privacy-dashboard: ") && result.stderr.filter { $0 == "\n" }.count == 1)
        }
        let missing = try runner.runOnStore([
            "export", "--email", "nobody@example.com", "--output", output(runner, "y"),
        ])
        #expect(missing.status == 66)
        #expect(!FileManager.default.fileExists(atPath: output(runner, "x")))
    }

    @Test("--compression-level sets the zip's level (0 stores, 9 is smallest); out of 0-9 or off a zip it exits 64")
    func compressionLevel() throws {
        let runner = try ProgramRunner.withDemoStore()
        var sizes: [String: Int] = [:]
        for level in ["0", "9"] {
            let path = output(runner, "level\(level).zip")
            let result = try runner.runOnStore([
                "export", "--email", email, "--format", "zip", "--compression-level", level, "--output", path,
            ])
            #expect(result.status == 0, "level \(level): \(result.stderr)")
            sizes[level] = try Data(contentsOf: URL(fileURLWithPath: path)).count
        }
        let stored = try #require(sizes["0"])
        let smallest = try #require(sizes["9"])
        #expect(stored > 2 * smallest)
        let cases: [[String]] = [
            ["--format", "zip", "--compression-level", "10"], ["--format", "zip", "--compression-level", "-1"],
            ["--format", "json", "--compression-level", "1"],
        ]
        for extra in cases {
            let result = try runner.runOnStore(["export", "--email", email, "--output", output(runner, "x")] + extra)
            #expect(result.status == 64, "\(extra): \(result.stderr)")
            #expect(result.stderr.hasPrefix("privacy-dashboard: ") && result.stderr.filter { $0 == "\n" }.count == 1)
        }
        #expect(!FileManager.default.fileExists(atPath: output(runner, "x")))
    }

    @Test(
        "SIGTERM or SIGINT during an export stops it with 128+signal and leaves no partial file",
        arguments: [SIGTERM, SIGINT])
    func interrupted(signalNumber: Int32) throws {
        let runner = try ProgramRunner()
        #expect(try runner.runOnStore(["init"]).status == 0)
        let created = try runner.runOnStore(
            [
                "account", "create", "--email", "ada@example.com", "--username", "ada", "--name", "Ada",
                "--birthdate", "1990-12-10", "--password-stdin",
            ], stdin: "a long enough password\n")
        #expect(created.status == 0, "\(created.stderr)")
        // Enough rows that the export is still running when the signal arrives.
        let queue = try DatabaseQueue(path: runner.storePath)
        try queue.write { db in
            try db.execute(
                sql: """
                    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 400000)
                    INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds)
                    SELECT 1, 'arte', 'Programme ' || i, 'news', 1700000000 + i, 600 FROM n
                    """)
        }
        try queue.close()

        let process = Process()
        process.executableURL = try ProgramRunner.binaryURL()
        let target = output(runner, "big.zip")
        process.arguments = [
            "export", "--store", runner.storePath, "--email", "ada@example.com", "--output", target, "--ticket", "T-1",
        ]
        let agent = try TestStaff.ensure(.agent, store: runner.storePath)
        try TestStaff.keepSignIn(agent, store: runner.storePath, runtimeFolder: runner.runtimeFolder)
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["XDG_RUNTIME_DIR": runner.runtimeFolder]) { $1 }
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        // Wait (with a deadline, not a fixed sleep) until the export's staging folder exists, then signal.
        let deadline = Date().addingTimeInterval(60)
        var staging: String?
        while staging == nil, process.isRunning, Date() < deadline {
            staging = try FileManager.default.contentsOfDirectory(atPath: runner.directory.path)
                .first { $0.hasPrefix(".big.zip.partial-") }
            if staging == nil { usleep(2_000) }
        }
        #expect(staging != nil, "the export never started")
        kill(process.processIdentifier, signalNumber)
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 128 + signalNumber)
        #expect(
            String(decoding: stderr, as: UTF8.self)
                == "privacy-dashboard: interrupted; the export was stopped and nothing was left behind\n")
        let left = try FileManager.default.contentsOfDirectory(atPath: runner.directory.path)
            .filter { $0.contains("big.zip") }
        #expect(left.isEmpty, "\(left)")
    }
}
