import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// The command line as a person or a script runs it: the real binary, a real store, real exit codes.
@Suite("command line", .serialized)
struct CommandLineTests {
    private let password = "a long enough password"

    private func createAccount(_ runner: ProgramRunner, email: String = "ada@example.com", username: String = "ada")
        throws -> ProgramResult
    {
        try runner.runOnStore(
            [
                "account", "create", "--email", email, "--username", username, "--name", "Ada Lovelace",
                "--birthdate", "1990-12-10", "--password-stdin",
            ], stdin: password + "\n")
    }

    @Test("init creates a store of mode 0600 and a second init changes nothing")
    func initStore() throws {
        let runner = try ProgramRunner()
        let first = try runner.runOnStore(["init"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Created store"))
        let mode = try FileManager.default.attributesOfItem(atPath: runner.storePath)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let second = try runner.runOnStore(["init"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("nothing was changed"))
    }

    @Test("the store path comes from PRIVACY_DASHBOARD_STORE when --store is absent")
    func environmentStore() throws {
        let runner = try ProgramRunner()
        let result = try runner.run(["init"], environment: ["PRIVACY_DASHBOARD_STORE": runner.storePath])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: runner.storePath))
    }

    @Test("an account is created with the password from stdin; the password is stored nowhere in clear")
    func createAccountFromStdin() throws {
        let runner = try ProgramRunner()
        _ = try runner.runOnStore(["init"])
        let created = try createAccount(runner)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created account 1 for ada@example.com"))
        let listed = try runner.runOnStore(["account", "list"])
        #expect(listed.stdout.contains("ada@example.com"))
        #expect(listed.stdout.contains("active"))
        let json = try runner.runOnStore(["account", "list", "--json"])
        let accounts = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(accounts?.first?["username"] as? String == "ada")
        #expect(accounts?.first?["passwordHash"] == nil)
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: runner.storePath + suffix))) ?? Data()
            #expect(bytes.range(of: Data(password.utf8)) == nil, "password found in store\(suffix)")
        }
    }

    @Test("someone under 18 is refused with one line and exit 64")
    func underage() throws {
        let runner = try ProgramRunner()
        _ = try runner.runOnStore(["init"])
        let result = try runner.runOnStore(
            [
                "account", "create", "--email", "kid@example.com", "--username", "kid", "--name", "Kid",
                "--birthdate", "2015-01-01", "--password-stdin",
            ], stdin: password + "\n")
        #expect(result.status == 64)
        #expect(result.stderr == "privacy-dashboard: accounts are only for people aged 18 or over\n")
    }

    @Test("without a terminal or --password-stdin the password is not asked for and nothing is created")
    func noPasswordSource() throws {
        let runner = try ProgramRunner()
        _ = try runner.runOnStore(["init"])
        let result = try runner.runOnStore([
            "account", "create", "--email", "a@example.com", "--username", "abc", "--name", "A", "--birthdate",
            "1990-01-01",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--password-stdin"))
        #expect(try runner.runOnStore(["account", "list"]).stdout.contains("No accounts yet"))
    }

    @Test("a missing store is exit 66 with a hint, and nothing is created")
    func missingStore() throws {
        let runner = try ProgramRunner()
        let result = try runner.runOnStore(["account", "list"])
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix("privacy-dashboard: no store at "))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: runner.storePath))
    }

    @Test("a file that is not a store is exit 65 and stays byte for byte the same")
    func notAStore() throws {
        let runner = try ProgramRunner()
        let original = Data("name,email\nAda,ada@example.com\n".utf8)
        try original.write(to: URL(fileURLWithPath: runner.storePath))
        for arguments in [["init"], ["account", "list"], ["data", "summary", "--email", "ada"]] {
            let result = try runner.runOnStore(arguments)
            #expect(result.status == 65, "\(arguments)")
            #expect(result.stderr.contains("is not a Privacy Dashboard store"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: runner.storePath)) == original)
    }

    @Test("a read-only store is exit 77")
    func readOnlyStore() throws {
        let runner = try ProgramRunner()
        _ = try runner.runOnStore(["init"])
        chmod(runner.storePath, 0o400)
        let result = try runner.runOnStore(["account", "list"])
        #expect(result.status == 77)
        #expect(result.stderr.contains("read-only"))
    }

    @Test("a missing folder is exit 66")
    func missingFolder() throws {
        let runner = try ProgramRunner()
        let result = try runner.run(["init", "--store", runner.directory.appendingPathComponent("nope/s.sqlite").path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("does not exist"))
    }

    @Test("an unknown option or subcommand is exit 64")
    func usageErrors() throws {
        let runner = try ProgramRunner()
        #expect(try runner.run(["--no-such-flag"]).status == 64)
        #expect(try runner.run(["frobnicate"]).status == 64)
        let help = try runner.run(["--help"])
        #expect(help.status == 0)
        for command in ["init", "account", "demo", "data", "requests", "check"] {
            #expect(help.stdout.contains(command), "help lists \(command)")
        }
    }

    @Test("--help lists the values of --format and the defaults; a value an option cannot take is one usage line")
    func argumentValues() throws {
        let runner = try ProgramRunner()
        // Help text is wrapped to the terminal's width: compare with the line breaks taken out.
        func help(_ command: String) throws -> String {
            try runner.run([command, "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        let export = try help("export")
        #expect(export.contains("(values: zip, json, csv, report; default: zip)"), "\(export)")
        #expect(export.contains("--since <YYYY-MM-DD>"))
        let screen = try help("screen")
        #expect(screen.contains("default: 100x30"), "\(screen)")
        for arguments in [
            ["screen", "--size", "80by24"], ["retention", "run", "--as-of", "2026-13-01"],
            ["requests", "extend", "PD-AAAA-AAAA", "--reason", "r", "--until", "tomorrow"],
            ["export", "--email", "ada", "--format", "pdf"],
        ] {
            let result = try runner.run(arguments)
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("privacy-dashboard: The value '"), "\(arguments): \(result.stderr)")
            #expect(result.stderr.filter { $0 == "\n" }.count == 1, "\(arguments): \(result.stderr)")
        }
    }

    @Test("data summary lists every category, as a table and as JSON")
    func dataSummary() throws {
        let runner = try ProgramRunner()
        _ = try runner.runOnStore(["init"])
        _ = try createAccount(runner)
        let table = try runner.runOnStore(["data", "summary", "--email", "ADA@example.com"])
        #expect(table.status == 0, "\(table.stderr)")
        for name in ["Account", "Payment", "Viewing history", "Technical logs", "Approximate location"] {
            #expect(table.stdout.contains(name))
        }
        let json = try runner.runOnStore(["data", "summary", "--email", "ada", "--json"])
        let categories = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(categories?.count == 10)
        #expect(categories?.first?["category"] as? String == "account")
        #expect(categories?.first?["count"] as? Int == 1)
        let unknown = try runner.runOnStore(["data", "summary", "--email", "nobody@example.com"])
        #expect(unknown.status == 66)
    }

    @Test("data summary marks restricted categories in the table and as \"restricted\" in JSON")
    func dataSummaryRestricted() throws {
        let runner = try ProgramRunner()
        let context = try PrivacyContext.open(
            path: runner.storePath, mode: .createIfMissing,
            settings: ModelSettings(scrypt: TestDefaults.cheapScrypt))
        let account = try AccountService(context: context).create(
            NewAccount(email: "ada@example.com", username: "ada", fullName: "Ada Lovelace", birthdate: "1990-12-10"),
            password: "correct horse battery")
        try RestrictionService(context: context).restrict(accountId: account.id, categoryId: "viewing")
        let table = try runner.runOnStore(["data", "summary", "--email", "ada"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.stdout.contains("Viewing history (restricted)"))
        #expect(!table.stdout.contains("Devices (restricted)"))
        let json = try runner.runOnStore(["data", "summary", "--email", "ada", "--json"])
        let categories = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let flags = Dictionary(
            uniqueKeysWithValues: categories.compactMap { category -> (String, Bool)? in
                guard let id = category["category"] as? String, let flag = category["restricted"] as? Bool else {
                    return nil
                }
                return (id, flag)
            })
        #expect(flags.count == 10)
        #expect(flags["viewing"] == true)
        #expect(flags.filter { $0.value }.count == 1)
    }
}

/// The demo and the support listings, run through the real binary.
@Suite("command line: demo and requests", .serialized)
struct DemoCommandLineTests {
    @Test("demo seed fills the store; seeding twice is refused without duplicating anything")
    func demoSeed() throws {
        let runner = try ProgramRunner()
        let seeded = try runner.runOnStore(["demo", "seed", "--viewing-events", "300"])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        #expect(seeded.stdout.contains("demo-privacy-2026"))
        #expect(seeded.stdout.contains("佐藤 陽翔"))
        let again = try runner.runOnStore(["demo", "seed", "--viewing-events", "300"])
        #expect(again.status == 65)
        #expect(again.stderr.contains("already exists"))
        let accounts = try runner.runOnStore(["account", "list", "--json"])
        let list = try JSONSerialization.jsonObject(with: Data(accounts.stdout.utf8)) as? [[String: Any]]
        #expect(list?.count == 4)
        let summary = try runner.runOnStore(["data", "summary", "--email", "lena.mueller@example.com", "--json"])
        let categories = try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [[String: Any]]
        let viewing = categories?.first { $0["category"] as? String == "viewing" }
        #expect(viewing?["count"] as? Int == 300)
    }

    @Test("requests list shows every demo request, filters by subscriber and status, and prints JSON")
    func requestsList() throws {
        let runner = try ProgramRunner.withDemoStore()
        let json = try runner.runOnStore(["requests", "list", "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        let all = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(all.count == 5)
        #expect(all.allSatisfy { ($0["reference"] as? String)?.hasPrefix("PD-") == true })
        #expect(all.contains { $0["overdue"] as? Bool == true })
        let lena = try runner.runOnStore(["requests", "list", "--email", "lena.mueller", "--json"])
        let lenaRequests = try JSONSerialization.jsonObject(with: Data(lena.stdout.utf8)) as? [[String: Any]]
        #expect(lenaRequests?.allSatisfy { $0["email"] as? String == "lena.mueller@example.com" } == true)
        let table = try runner.runOnStore(["requests", "list", "--status", "completed"])
        #expect(table.stdout.contains("completed"))
        #expect(!table.stdout.contains("submitted"))
        let badStatus = try runner.runOnStore(["requests", "list", "--status", "lost"])
        #expect(badStatus.status == 64)
        #expect(badStatus.stderr.contains("unknown status"))
    }

    @Test("demo without --store seeds a temporary store and prints its summary and the sign-in")
    func demoStart() throws {
        let runner = try ProgramRunner()
        let result = try runner.run(["demo", "--viewing-events", "50"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Viewing history"))
        #expect(result.stdout.contains("Every demo subscriber's password: demo-privacy-2026"))
        let storeLine = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("Demo store: ") })
        let path = String(storeLine.dropFirst("Demo store: ".count))
        #expect(FileManager.default.fileExists(atPath: path))
        try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
    }

    @Test("check passes on a sound store and fails with 65 once a receipt is edited behind the program's back")
    func check() throws {
        let runner = try ProgramRunner.withDemoStore()
        let sound = try runner.runOnStore(["check"])
        #expect(sound.status == 0, "\(sound.stderr)")
        #expect(sound.stdout.contains("Store file: intact"))
        #expect(sound.stdout.components(separatedBy: "is intact").count == 5)
        // Tamper the way someone with the sqlite3 tool would: drop the guard, then edit a receipt.
        let queue = try DatabaseQueue(path: runner.storePath)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER consent_receipt_no_update")
            try db.execute(sql: "UPDATE consent_receipt SET recordedAt = '2020-01-01T00:00:00Z' WHERE id = 1")
        }
        try queue.close()
        let damaged = try runner.runOnStore(["check"])
        #expect(damaged.status == 65)
        #expect(damaged.stdout.contains("is damaged"))
        #expect(damaged.stderr == "privacy-dashboard: the store has problems; see above\n")
    }
}
