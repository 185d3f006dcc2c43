import Foundation
import Testing

/// `privacy-dashboard staff …` as the box's administrator and the owner run it on the box, with kept sign-ins in
/// the test's own folder.
struct StaffCLI {
    let fixture: SSHTests.Fixture

    private var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "PRIVACY_DASHBOARD_STORE")
        environment["XDG_RUNTIME_DIR"] = fixture.folder.appendingPathComponent("run").path
        return environment
    }

    /// Runs a `staff` subcommand with `input` as its standard input, one secret per line (never on argv).
    func run(_ arguments: [String], input: [String]) throws -> ToolResult {
        try command(["staff"] + arguments, input: input)
    }

    /// Runs any subcommand on the fixture's store with `input` as its standard input, one line each.
    func command(_ arguments: [String], input: [String] = []) throws -> ToolResult {
        let file = fixture.folder.appendingPathComponent("stdin-\(UUID().uuidString)")
        try Data(input.map { $0 + "\n" }.joined().utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = fixture.folder.appendingPathComponent("out-\(UUID().uuidString)")
        let errors = fixture.folder.appendingPathComponent("err-\(UUID().uuidString)")
        defer {
            try? FileManager.default.removeItem(at: output)
            try? FileManager.default.removeItem(at: errors)
        }
        let pid = try Spawn.start(
            try EndToEnd.binary(), arguments + ["--store", fixture.store], environment: environment,
            stdout: output.path, stderr: errors.path, stdin: file.path)
        let status = Spawn.wait(pid)
        return ToolResult(
            status: status, stdout: (try? String(contentsOf: output, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errors, encoding: .utf8)) ?? "")
    }

    /// The box's administrator bootstraps owner olga; she enrols in a real terminal and signs in with the next
    /// code her app shows (a later step than enrolment used, which would be refused as a replay).
    func bootstrapOwner(password: String) async throws {
        let bootstrapped = try run(["bootstrap", "--username", "olga", "--name", "Olga Owner"], input: [password])
        #expect(bootstrapped.status == 0, "\(bootstrapped.stderr)")
        let step = try await enrolInTerminal("olga", password: password)
        let code = try Authenticator.code(secret: step.secret, step: max(Authenticator.currentStep(), step.step + 1))
        let signedIn = try run(["sign-in", "--username", "olga"], input: [password, code])
        #expect(signedIn.status == 0, "\(signedIn.stderr)")
    }

    /// `staff enrol` in a real terminal (no echo): the password, then the code oathtool computes from the secret
    /// the command shows; returns the secret and the step whose code was accepted.
    func enrolInTerminal(_ username: String, password: String) async throws -> (secret: String, step: Int64) {
        let terminal = try TmuxSession(
            folder: fixture.folder, name: "enrol-\(username)", width: 120, height: 80,
            environment: ["XDG_RUNTIME_DIR": fixture.folder.appendingPathComponent("run").path],
            command: [try EndToEnd.binary(), "staff", "enrol", "--username", username, "--store", fixture.store])
        defer { terminal.kill() }
        try await terminal.waitUntil("the password prompt") {
            !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        }
        try terminal.type(password)
        try terminal.press("Enter")
        let screen = try await terminal.waitUntil("the secret", timeout: EndToEnd.signInTimeout) {
            (try? Authenticator.secret(in: $0)) != nil
        }
        #expect(!screen.contains(password), "the password is not echoed")
        let secret = try Authenticator.secret(in: screen)
        let step = Authenticator.currentStep()
        try terminal.type(try Authenticator.code(secret: secret, step: step))
        try terminal.press("Enter")
        let exit = try await terminal.waitForExit(timeout: EndToEnd.signInTimeout)
        let shown = (try? terminal.screen()) ?? ""
        #expect(exit == 0, "\(shown)")
        return (secret, step)
    }
}

extension TmuxSession {
    /// Signs in through the staff door with the owner's `firstPassword`, chooses `password`, reads the secret off
    /// the screen, types the code oathtool computes from it, and waits for the recovery codes.
    func enrolAsStaff(_ username: String, firstPassword: String, password: String) async throws
        -> (secret: String, code: String, step: Int64)
    {
        try await waitFor("Staff username", timeout: EndToEnd.signInTimeout)
        try type(username)
        try press("Tab")
        try type(firstPassword)
        try press("Enter")
        try await waitFor("Choose your own password", timeout: EndToEnd.signInTimeout)
        try type(password)
        try press("Tab")
        try type(password)
        try press("Enter")
        // The whole secret, not just the title: a capture can catch the screen half drawn.
        let screen = try await waitUntil("the secret in groups of four", timeout: EndToEnd.signInTimeout) {
            $0.contains("Set up your authenticator") && (try? Authenticator.secret(in: $0)) != nil
        }
        let secret = try Authenticator.secret(in: screen)
        let step = Authenticator.currentStep()
        let code = try Authenticator.code(secret: secret, step: step)
        try type(code)
        try press("Enter")
        try await waitFor("Your recovery codes", timeout: EndToEnd.signInTimeout)
        return (secret, code, step)
    }
}

/// An authenticator app, played by `oathtool`: the secret read off a screen, the code of a 30-second step.
enum Authenticator {
    /// The 30-second step now.
    static func currentStep() -> Int64 { Int64(Date().timeIntervalSince1970) / 30 }

    /// The base32 secret shown in groups of four.
    static func secret(in screen: String) throws -> String {
        guard let match = screen.firstMatch(of: /(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}/) else {
            throw EndToEndError(description: "no secret in groups of four on screen:\n\(screen)")
        }
        return String(match.output).replacingOccurrences(of: " ", with: "")
    }

    /// The six-digit code of `step`, from oathtool (an implementation independent of ours).
    static func code(secret: String, step: Int64) throws -> String {
        let oathtool = try EndToEnd.tool("oathtool", package: "oathtool")
        let result = try EndToEnd.run(oathtool, ["--totp", "-b", "--now", "@\(step * 30 + 1)", secret])
        let code = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.status == 0, code.count == 6 else {
            throw EndToEndError(description: "oathtool failed: \(result.stderr)")
        }
        return code
    }
}
