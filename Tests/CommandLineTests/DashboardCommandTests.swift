import Foundation
import Testing

@Suite("Dashboard from the command line")
struct DashboardCommandTests {
    @Test("the default command without a terminal says so in one line, exits 64, and points to the subcommands")
    func noTerminal() throws {
        let runner = try ProgramRunner.withDemoStore()
        let result = try runner.run(["--store", runner.storePath])
        #expect(result.status == 64)
        #expect(result.stderr.contains("needs a terminal"))
        #expect(result.stderr.contains("privacy-dashboard --help"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test("screen signs in headless and prints the final frame of the requested size")
    func headless() throws {
        let runner = try ProgramRunner.withDemoStore()
        let result = try runner.runOnStore([
            "screen", "--lang", "en", "--size", "90x26", "--keys", "lena.mueller<Tab>demo-privacy-2026<Enter>",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 26)
        #expect(result.stdout.contains("Lena Müller"))
        #expect(result.stdout.contains("[1 Overview]"))
        #expect(!result.stdout.contains("\u{1B}"))
    }

    @Test("screen --ansi prints colour sequences; NO_COLOR prints attributes without colours")
    func ansi() throws {
        let runner = try ProgramRunner.withDemoStore()
        // An empty NO_COLOR counts as unset (the test runner may export one).
        let coloured = try runner.run(
            ["screen", "--size", "80x24", "--ansi", "--store", runner.storePath], environment: ["NO_COLOR": ""])
        #expect(coloured.stdout.contains("\u{1B}[0;"))
        #expect(coloured.stdout.contains("38;5;"))
        let plain = try runner.run(
            ["screen", "--size", "80x24", "--ansi", "--store", runner.storePath], environment: ["NO_COLOR": "1"])
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("38;5;"))
        #expect(plain.stdout.contains("\u{1B}[0;7m"))
    }

    @Test("bad --size and unknown key names are usage errors with one line")
    func badArguments() throws {
        let runner = try ProgramRunner.withDemoStore()
        let size = try runner.runOnStore(["screen", "--size", "huge"])
        #expect(size.status == 64)
        #expect(size.stderr.contains("--size"))
        let keys = try runner.runOnStore(["screen", "--keys", "<Nope>"])
        #expect(keys.status == 64)
        #expect(keys.stderr.contains("<Nope>"))
    }

    @Test("an unknown TERM is a clear error, never ncurses' own exit")
    func unknownTerm() throws {
        // Needs a real terminal on stdin/stdout: run through script(1) when it is available.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let runner = try ProgramRunner.withDemoStore()
        let binary = try ProgramRunner.binaryURL().path
        let result = try runner.run(
            ["-q", "-e", "-c", "\(binary) --store \(runner.storePath)", "/dev/null"],
            environment: ["TERM": "no-such-terminal-xyz"], executable: "/usr/bin/script")
        #expect(result.status == 64)
        #expect(result.stdout.contains("unknown terminal type TERM=no-such-terminal-xyz"))
    }

    @Test("a first run without a store says how to make one, exit 66, and creates nothing")
    func firstRun() throws {
        let runner = try ProgramRunner()
        let result = try runner.run([])
        #expect(result.status == 66)
        #expect(result.stderr.contains("privacy-dashboard init"))
        #expect(result.stderr.contains("privacy-dashboard demo"))
        #expect(!FileManager.default.fileExists(atPath: runner.directory.appendingPathComponent("xdg").path))
    }
}
