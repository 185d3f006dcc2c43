import Crypto
import Foundation
import GRDB
import TestSupport
import Testing
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The dashboard as an OpenSSH ForceCommand on a shared box: a private sshd on 127.0.0.1, `ssh -tt` inside
/// tmux, running the binary built with the Swift runtime linked in (what docs/ssh.md installs).
@Suite(
    "End to end: the dashboard over SSH", .serialized,
    .enabled(if: EndToEnd.isEnabled, "PRIVACY_E2E=0 skips the end-to-end tests"))
struct SSHTests {
    /// One test's sshd, store and folder.
    final class Fixture {
        let folder: URL
        let store: String
        let password: String
        let server: SSHServer
        private var sessions: [TmuxSession] = []

        init() async throws {
            folder = try EndToEnd.temporaryFolder("pd-ssh")
            do {
                store = folder.appendingPathComponent("store.sqlite").path
                try await DemoStoreTemplate.copyDetached(to: store)
                password = EndToEnd.demoPassword
                server = try await SSHServer(folder: folder, store: store, binary: try StaticBinary.path())
            } catch {
                try? FileManager.default.removeItem(at: folder)
                throw error
            }
        }

        /// An `ssh -tt` client in a new tmux server of its own, asking for `remote` (e.g. `staff`) if given.
        func connect(_ name: String, width: Int = 100, height: Int = 30, remote: [String] = []) throws -> TmuxSession {
            let session = try TmuxSession(
                folder: folder, name: name, width: width, height: height, command: server.clientCommand + remote)
            sessions.append(session)
            return session
        }

        /// Ends the clients, stops sshd by its pid, removes the folder: always, pass or fail.
        func cleanUp() {
            for session in sessions { session.kill() }
            server.stop()
            try? FileManager.default.removeItem(at: folder)
        }

        /// Adds sshd's log to a failure.
        func explain(_ error: any Error) -> EndToEndError {
            EndToEndError(description: "\(error)\n--- sshd log ---\n\(server.logText)")
        }
    }

    @Test(
        "over ssh: sign in, switch a preference, file a request, follow resizes; killing the client leaves a sound store"
    )
    func sessionSurvivesKilledClient() async throws {
        let fixture = try await SSHTests.Fixture()
        defer { fixture.cleanUp() }
        do {
            try await killedClientScenario(fixture)
        } catch { throw fixture.explain(error) }
    }

    private func killedClientScenario(_ fixture: Fixture) async throws {
        let subscriber = EndToEnd.english
        let known = Set(try EndToEnd.requestReferences(email: subscriber.email, store: fixture.store))
        let tmux = try fixture.connect("one")
        try await tmux.signIn(subscriber, password: fixture.password)

        // A preference, confirmed on screen by the flipped mark and the receipt in the status line.
        try tmux.press("3")
        try await tmux.waitUntil("the preferences list") { _ in (try? tmux.selectedLine())?.contains("] ") == true }
        let line = try #require(try tmux.selectedLine())
        let wasOn = line.contains("[x]")
        let name = try #require(TerminalTests.preferenceName(in: line))
        try tmux.press("Space")
        try await tmux.waitUntil("the switched preference and its receipt") { screen in
            let selected = screen.split(separator: "\n").first { $0.contains("▶") && $0.contains(name) }
            return selected?.contains(wasOn ? "[ ]" : "[x]") == true && screen.contains("receipt")
        }

        // A request, confirmed on screen by its reference.
        try tmux.press("4")
        try await tmux.waitUntil("the request list") { known.isSubset(of: EndToEnd.references(in: $0)) }
        let reference = try await TerminalTests.fileAccessRequest(tmux, password: fixture.password, known: known)
        try tmux.press("Escape")
        try await tmux.waitUntil("the list with the new request") { !$0.contains("Password") && $0.contains(reference) }

        // The window's size reaches the program through ssh: wider, too small, and back.
        try tmux.resize(width: 130, height: 34)
        try await tmux.waitUntil("the 130-column layout") { screen in
            screen.split(separator: "\n").contains { $0.contains(subscriber.name) && $0.count > 110 }
        }
        try tmux.resize(width: 64, height: 20)
        try await tmux.waitFor("72×22", "64×20")
        try tmux.resize(width: 100, height: 30)
        try await tmux.waitUntil("the layout again") { $0.contains("4 Requests") && !$0.contains("72×22") }

        // The connection drops in the middle of something: the request wizard is open, nothing filed.
        let list = try tmux.screen()
        try tmux.press("n")
        try await tmux.waitUntil("the request wizard") { $0 != list }

        // Kill the client: sshd hangs up the session and the dashboard gets SIGHUP.
        let client = try tmux.programPID()
        let command = try String(contentsOfFile: "/proc/\(client)/comm", encoding: .utf8)
        #expect(command.trimmingCharacters(in: .whitespacesAndNewlines) == "ssh")
        #expect(kill(client, SIGKILL) == 0)
        #expect(try await tmux.waitForExit() == 128 + SIGKILL)
        try await EndToEnd.poll(timeout: EndToEnd.screenTimeout, "the dashboard behind sshd to end") {
            EndToEnd.processes(mentioning: fixture.store).isEmpty
        }

        // The store is sound and holds every change confirmed on screen, and nothing that was not.
        let database = try DatabaseQueue(path: fixture.store)
        let integrity = try await database.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        try database.close()
        #expect(integrity == ["ok"])
        _ = try EndToEnd.cli(["check"], store: fixture.store)
        let stored = try EndToEnd.requestReferences(email: subscriber.email, store: fixture.store)
        #expect(Set(stored) == known.union([reference]), "\(stored)")
        // The preference as the next session sees it (headless, the same screens and store).
        let preferences = try EndToEnd.cli(
            ["screen", "--size", "100x30", "--keys", "\(subscriber.username)<Tab>\(fixture.password)<Enter>3"],
            store: fixture.store)
        let kept = try #require(preferences.split(separator: "\n").first { $0.contains("▶") && $0.contains(name) })
        #expect(kept.contains(wasOn ? "[ ]" : "[x]"), "\(kept)")
    }

    @Test("two ssh sessions at once, signed in as two subscribers, each see only their own name and requests")
    func twoSubscribersAtOnce() async throws {
        let fixture = try await SSHTests.Fixture()
        defer { fixture.cleanUp() }
        do {
            try await twoSessionsScenario(fixture)
        } catch { throw fixture.explain(error) }
    }

    private func twoSessionsScenario(_ fixture: Fixture) async throws {
        // Lena's account is in German, Haruto's name is in CJK characters: nothing here depends on the language.
        let people = [EndToEnd.german, EndToEnd.japanese]
        var requests: [Set<String>] = []
        for person in people {
            requests.append(Set(try EndToEnd.requestReferences(email: person.email, store: fixture.store)))
        }
        try #require(requests.allSatisfy { !$0.isEmpty } && requests[0].isDisjoint(with: requests[1]))

        let sessions = [try fixture.connect("lena"), try fixture.connect("haruto", width: 110, height: 32)]
        for session in sessions { try await session.waitFor("Sign in", timeout: EndToEnd.signInTimeout) }
        // Both sign-ins are typed before either is checked: the two sessions run side by side.
        for (session, person) in zip(sessions, people) {
            try session.type(person.username)
            try session.press("Tab")
            try session.type(fixture.password)
            try session.press("Enter")
        }
        for (session, person) in zip(sessions, people) {
            try await session.waitFor(person.name, "[1 ", timeout: EndToEnd.signInTimeout)
        }
        for index in 0..<2 {
            let (session, own, other) = (sessions[index], requests[index], requests[1 - index])
            try session.press("4")
            let screen = try await session.waitUntil("the request list") {
                own.isSubset(of: EndToEnd.references(in: $0))
            }
            #expect(EndToEnd.references(in: screen).isDisjoint(with: other), "another subscriber's request:\n\(screen)")
            let someoneElse = people[1 - index]
            #expect(!screen.contains(someoneElse.name) && !screen.contains(someoneElse.email), "\(screen)")
        }

        // Both quit normally; ssh passes on the dashboard's exit status.
        for session in sessions {
            try session.press("q")
            #expect(try await session.waitForExit() == 0)
        }
    }

    @Test("the account opens the dashboard and nothing else: commands, forwarding and sessions without a terminal")
    func nothingButTheDashboard() async throws {
        let fixture = try await SSHTests.Fixture()
        defer { fixture.cleanUp() }
        do {
            let command = try fixture.server.runClient(["-T"], command: ["cat", "/etc/passwd"])
            #expect(command.status == 64, "\(command)")
            #expect(command.stderr.contains("only opens the dashboard"))
            #expect(!command.stdout.contains("root:"))
            // Exactly `staff` opens the staff door (here refused only for want of a terminal); more words are refused.
            let staffDoor = try fixture.server.runClient(["-T"], command: ["staff"])
            #expect(staffDoor.status == 64 && staffDoor.stderr.contains("needs a terminal"), "\(staffDoor)")
            let staffMore = try fixture.server.runClient(["-T"], command: ["staff", "--help"])
            #expect(staffMore.status == 64 && staffMore.stderr.contains("only opens the dashboard"), "\(staffMore)")
            let noTerminal = try fixture.server.runClient(["-T"])
            #expect(noTerminal.status == 64, "\(noTerminal)")
            #expect(noTerminal.stderr.contains("needs a terminal"))
            let forwarding = try fixture.server.runClient(["-W", "127.0.0.1:\(fixture.server.port)"])
            #expect(forwarding.status == 255, "\(forwarding)")
            #expect(!forwarding.stdout.contains("SSH-2.0"))
        } catch { throw fixture.explain(error) }
    }

    @Test(
        "over ssh an access export reaches the subscriber with the receipt's command, once; its files match the manifest"
    )
    func exportDownloadedOnce() async throws {
        let fixture = try await SSHTests.Fixture()
        defer { fixture.cleanUp() }
        do {
            try await downloadScenario(fixture)
        } catch { throw fixture.explain(error) }
    }

    private func downloadScenario(_ fixture: Fixture) async throws {
        let subscriber = EndToEnd.english
        let known = Set(try EndToEnd.requestReferences(email: subscriber.email, store: fixture.store))
        // Wide enough that each command stays on one line of the receipt.
        let tmux = try fixture.connect("download", width: 200, height: 40)
        try await tmux.signIn(subscriber, password: fixture.password)
        try tmux.press("4")
        try await tmux.waitUntil("the request list") { known.isSubset(of: EndToEnd.references(in: $0)) }
        let reference = try await TerminalTests.fileAccessRequest(tmux, password: fixture.password, known: known)
        let receipt = try await tmux.waitFor("ssh -T", ".zip")
        #expect(!receipt.contains(fixture.server.exports.path), "the receipt shows no path on the box:\n\(receipt)")

        // The receipt's command: ssh -T USER@HOST download REFERENCE CODE > FILE.
        // The receipt may wrap a command at a space: read the words of the dialog's lines in order.
        let words = receipt.split(separator: "\n").map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: " │┃|"))
        }.joined(separator: " ").split(separator: " ").map(String.init)
        let commands = words.indices.compactMap { index -> [String]? in
            guard index + 7 < words.count, words[index] == "ssh", words[index + 1] == "-T",
                words[index + 3] == "download", words[index + 6] == ">"
            else { return nil }
            return Array(words[index...(index + 7)])
        }
        #expect(commands.count == 2, "a command for the report and one for the zip:\n\(receipt)")
        let zip = try #require(commands.first { $0.last?.hasSuffix(".zip") == true }, "\(receipt)")
        try #require(zip.count == 8, "\(zip)")
        #expect(zip[0] == "ssh" && zip[1] == "-T" && zip[3] == "download" && zip[6] == ">")
        #expect(zip[2] == "\(fixture.server.user)@127.0.0.1" && zip[4] == reference)

        // On the box the file waits in the subscriber's own folder, which only the service account may enter.
        let folders = try FileManager.default.contentsOfDirectory(atPath: fixture.server.exports.path)
        let own = try #require(folders.first, "no subscriber folder under the exports folder")
        let mode =
            try FileManager.default.attributesOfItem(
                atPath: fixture.server.exports.appendingPathComponent(own).path)[.posixPermissions] as? Int
        #expect(mode == 0o700)

        // Run it as a subscriber would (the options only point ssh at this test's server and key).
        let saved = fixture.folder.appendingPathComponent(zip[7])
        let first = try download(zip, into: saved, fixture: fixture)
        #expect(first.status == 0, "\(first.stderr)")
        try checkAgainstManifest(saved)
        #expect(
            !FileManager.default.fileExists(
                atPath: fixture.server.exports.appendingPathComponent(own).appendingPathComponent(zip[7]).path),
            "the file is removed from the box after the download")

        // The same code again is refused with one line and a non-zero exit; nothing is written.
        let again = fixture.folder.appendingPathComponent("again.zip")
        let second = try download(zip, into: again, fixture: fixture)
        #expect(second.status != 0)
        #expect(second.stderr.split(separator: "\n").count == 1 && second.stderr.contains("already used"), "\(second)")
        #expect(((try? Data(contentsOf: again)) ?? Data()).isEmpty)
    }

    /// Runs the receipt's command with ssh's standard output going to `file`; returns the exit status and stderr.
    private func download(_ command: [String], into file: URL, fixture: Fixture) throws -> ToolResult {
        let ssh = try EndToEnd.tool("ssh", package: "openssh-client")
        let errors = file.path + ".stderr"
        defer { try? FileManager.default.removeItem(atPath: errors) }
        let pid = try Spawn.start(
            ssh, ["-T"] + fixture.server.clientOptions + Array(command[2...5]),
            environment: ProcessInfo.processInfo.environment, stdout: file.path, stderr: errors)
        let status = Spawn.wait(pid)
        return ToolResult(
            status: status, stdout: "", stderr: (try? String(contentsOfFile: errors, encoding: .utf8)) ?? "")
    }

    /// Every file the zip's manifest lists is in the zip with the SHA-256 the manifest gives.
    private func checkAgainstManifest(_ zip: URL) throws {
        let archive = try Archive(url: zip, accessMode: .read)
        func contents(_ path: String) throws -> Data {
            let entry = try #require(archive[path], "\(path) is not in the zip")
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return data
        }
        let manifest = try JSONSerialization.jsonObject(with: try contents("manifest.json")) as? [String: Any]
        let files = try #require(manifest?["files"] as? [[String: Any]])
        #expect(!files.isEmpty)
        for file in files {
            let path = try #require(file["path"] as? String)
            let digest = SHA256.hash(data: try contents(path)).map { String(format: "%02x", $0) }.joined()
            #expect(digest == file["sha256"] as? String, "\(path)")
        }
    }
}
