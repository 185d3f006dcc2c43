import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// `staff …` as the box's administrator and staff run it: real binary, real store, secrets on standard input.
@Suite("staff commands", .serialized)
struct StaffCommandTests {
    private let password = "owner password 2026"

    /// Runs `staff ARGS --store …` with this runner's own folder for kept sign-ins.
    private func staff(_ runner: ProgramRunner, _ arguments: [String], stdin: String? = nil) throws -> ProgramResult {
        try runner.run(
            ["staff"] + arguments + ["--store", runner.storePath], stdin: stdin,
            environment: ["XDG_RUNTIME_DIR": runner.directory.appendingPathComponent("run").path])
    }

    private func keptFile(_ runner: ProgramRunner) -> String {
        runner.directory.appendingPathComponent("run/privacy-dashboard/staff-sign-in").path
    }

    /// The account's secret as its authenticator app holds it (read from the store).
    private func secret(_ runner: ProgramRunner, _ username: String) throws -> [UInt8] {
        let queue = try DatabaseQueue(path: runner.storePath)
        return try queue.read { db in
            try Data.fetchOne(db, sql: "SELECT totpSecret FROM staff WHERE username = ?", arguments: [username])
        }.map(Array.init) ?? []
    }

    /// The code an app shows `offset` steps from now.
    private func code(_ secret: [UInt8], offset: Int64 = 0) -> String {
        TOTP.code(secret: secret, step: TOTP.step(at: Date()) + offset)
    }

    /// Runs `staff enrol` as a person would: the password line(s) first, then, once the secret is shown, the code
    /// the app computes from it.
    private func enrol(_ runner: ProgramRunner, _ username: String, passwordLines: [String]) throws
        -> (result: ProgramResult, code: String)
    {
        let process = Process()
        process.executableURL = try ProgramRunner.binaryURL()
        process.arguments = ["staff", "enrol", "--username", username, "--store", runner.storePath]
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(passwordLines.map { $0 + "\n" }.joined().utf8))
        var shown = Data()
        while !String(decoding: shown, as: UTF8.self).contains("Secret: ") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            shown.append(chunk)
        }
        let typed = code(try secret(runner, username))
        input.fileHandleForWriting.write(Data((typed + "\n").utf8))
        try input.fileHandleForWriting.close()
        shown.append(output.fileHandleForReading.readDataToEndOfFile())
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            ProgramResult(
                status: process.terminationStatus, stdout: String(decoding: shown, as: UTF8.self),
                stderr: String(decoding: stderr, as: UTF8.self)), typed
        )
    }

    /// A store with an owner, bootstrapped and enrolled; returns the enrolment's output and the code it took.
    private func ownerStore() throws -> (ProgramRunner, ProgramResult, String) {
        let runner = try ProgramRunner()
        #expect(try runner.runOnStore(["init"]).status == 0)
        let created = try staff(
            runner, ["bootstrap", "--username", "olga", "--name", "Olga Owner"], stdin: password + "\n")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.contains("Created owner olga (S-"))
        let (enrolled, code) = try enrol(runner, "olga", passwordLines: [password])
        #expect(enrolled.status == 0, "\(enrolled.stderr)")
        return (runner, enrolled, code)
    }

    @Test("bootstrap, enrol (URI, grouped secret, QR, recovery codes), sign in, manage staff, sign out")
    func ownerJourney() throws {
        let (runner, enrolled, _) = try ownerStore()
        #expect(enrolled.stdout.contains("URI:    otpauth://totp/Smarters%20Pro%20IPTV:olga?secret="))
        #expect(enrolled.stdout.contains("&algorithm=SHA1&digits=6&period=30"))
        #expect(enrolled.stdout.contains("▀") && enrolled.stdout.contains("█"))
        #expect(enrolled.stdout.contains(/Secret: ([A-Z2-7]{4} ){7}[A-Z2-7]{4}\n/))
        let codes = enrolled.stdout.matches(of: /\n  ([A-Z2-7]{4}-){3}[A-Z2-7]{4}/)
        #expect(codes.count == 10)
        let again = try staff(runner, ["bootstrap", "--username", "eve", "--name", "Eve"], stdin: password + "\n")
        #expect(again.status == 65)
        #expect(
            again.stderr == "privacy-dashboard: this store already has staff accounts; an owner creates the next ones\n"
        )

        let signedIn = try staff(
            runner, ["sign-in", "--username", "olga"],
            stdin: password + "\n" + code(try secret(runner, "olga"), offset: 1) + "\n")
        #expect(signedIn.status == 0, "\(signedIn.stderr)")
        #expect(signedIn.stdout.contains("Signed in as olga (owner)"))
        let file = try FileManager.default.attributesOfItem(atPath: keptFile(runner))
        let folder = try FileManager.default.attributesOfItem(
            atPath: (keptFile(runner) as NSString).deletingLastPathComponent)
        #expect((file[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)

        let created = try staff(
            runner, ["create", "--username", "ana", "--name", "Ana Agent", "--role", "agent"],
            stdin: "initial password 1\n")
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try staff(runner, ["role", "--username", "ana", "--role", "approver"]).status == 0)
        let listed = try staff(runner, ["list", "--json"])
        let accounts = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(accounts?.map { $0["username"] as? String } == ["olga", "ana"])
        #expect(accounts?.last?["role"] as? String == "approver")
        #expect(accounts?.last?["status"] as? String == "enrolling")
        #expect(!listed.stdout.contains("passwordHash") && !listed.stdout.contains("totpSecret"))
        let lastOwner = try staff(runner, ["disable", "--username", "olga"])
        #expect(lastOwner.status == 77)
        #expect(
            lastOwner.stderr == "privacy-dashboard: the last active owner cannot be disabled or given another role\n")
        #expect(try staff(runner, ["disable", "--username", "ana"]).status == 0)

        let out = try staff(runner, ["sign-out"])
        #expect(out.stdout == "Signed out.\n")
        #expect(!FileManager.default.fileExists(atPath: keptFile(runner)))
        let refused = try staff(runner, ["list"])
        #expect(refused.status == 77)
        #expect(
            refused.stderr
                == "privacy-dashboard: no staff sign-in is kept: sign in first with "
                + "`privacy-dashboard staff sign-in --username NAME`\n")
    }

    @Test("a code already accepted is refused (exit 77) and nothing is kept; a recovery code works once")
    func replayAndRecovery() throws {
        let (runner, enrolled, used) = try ownerStore()
        let replay = try staff(runner, ["sign-in", "--username", "olga"], stdin: password + "\n" + used + "\n")
        #expect(replay.status == 77)
        #expect(replay.stderr == "privacy-dashboard: this code was already used; wait for the next one\n")
        #expect(!FileManager.default.fileExists(atPath: keptFile(runner)))
        let recovery = try #require(enrolled.stdout.firstMatch(of: /([A-Z2-7]{4}-){3}[A-Z2-7]{4}/)).output.0
        let first = try staff(runner, ["sign-in", "--username", "olga"], stdin: password + "\n" + recovery + "\n")
        #expect(first.status == 0, "\(first.stderr)")
        let second = try staff(runner, ["sign-in", "--username", "olga"], stdin: password + "\n" + recovery + "\n")
        #expect(second.status == 77)
        #expect(second.stderr == "privacy-dashboard: the username, password or code is wrong\n")
    }

    @Test("a kept sign-in file others may read is refused; missing input is one line and exit 64")
    func unsafeFileAndMissingInput() throws {
        let (runner, _, _) = try ownerStore()
        let halfway = try staff(runner, ["sign-in", "--username", "olga"], stdin: password + "\n")
        #expect(halfway.status == 64)
        #expect(halfway.stderr == "privacy-dashboard: standard input ended before the code; nothing was changed\n")
        let signedIn = try staff(
            runner, ["sign-in", "--username", "olga"],
            stdin: password + "\n" + code(try secret(runner, "olga"), offset: 1) + "\n")
        #expect(signedIn.status == 0, "\(signedIn.stderr)")
        #expect(chmod(keptFile(runner), 0o644) == 0)
        let refused = try staff(runner, ["list"])
        #expect(refused.status == 77)
        #expect(refused.stderr.contains("may be read by others (mode 644)"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }
}
