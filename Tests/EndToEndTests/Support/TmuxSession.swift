import Foundation

/// A real terminal for a test: a tmux server on a private socket (`-S`) with one session of a fixed
/// size running a command. Keys go in with `send-keys`, the screen comes out with `capture-pane`.
/// Call `kill()` in a `defer`: it ends the server and everything running in it.
final class TmuxSession {
    /// The folder that holds the socket and the configuration.
    let folder: URL
    private let tmux: String
    private let socket: String
    private let name: String

    /// Starts `command` in a new detached session; the pane gets TERM=tmux-256color and LANG=C.UTF-8 plus
    /// `environment`. With `reportsExit` a small `sh` runs it and prints its exit status when it ends (tmux's own
    /// `pane_dead_status` is unreliable: Debian's tmux runs utempter when a pane's terminal closes, and a SIGCHLD
    /// that arrives meanwhile is lost, leaving the program a zombie tmux never reaps).
    init(
        folder: URL, name: String = "e2e", width: Int = 100, height: Int = 30, environment: [String: String] = [:],
        reportsExit: Bool = true, command: [String]
    ) throws {
        tmux = try EndToEnd.tool("tmux", package: "tmux")
        self.folder = folder
        self.name = name
        socket = folder.appendingPathComponent("tmux-\(name).sock").path
        // No status line (the pane is the whole window), dead panes stay to be read, Esc passes at once.
        let configuration = folder.appendingPathComponent("tmux-\(name).conf")
        try """
        set -g status off
        set -g remain-on-exit on
        set -g history-limit 1000
        set -g default-terminal tmux-256color
        set -s escape-time 0
        """.write(to: configuration, atomically: true, encoding: .utf8)
        var arguments = [
            "-f", configuration.path, "new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)",
        ]
        let paneEnvironment = ["TERM": "tmux-256color", "LANG": "C.UTF-8"].merging(environment) { $1 }
        for (key, value) in paneEnvironment.sorted(by: { $0.key < $1.key }) { arguments += ["-e", "\(key)=\(value)"] }
        try tmuxCommand(arguments + ["--"] + (reportsExit ? Self.reportingExit(command) : command))
    }

    /// The marker `reportingExit` prints, followed by the status and "]".
    private static let exitMarker = "[pd-e2e exit "

    /// `command` run by sh, which prints the exit status (128 + N after signal N) and the moment it ended (seconds
    /// since 1970, read as sh reaps it) when it ends.
    private static func reportingExit(_ command: [String]) -> [String] {
        [
            "/bin/sh", "-c",
            "\"$@\"; status=$?; printf '\\n\(exitMarker)%d at %s]\\n' \"$status\" \"$(date +%s.%N)\"", "sh",
        ] + command
    }

    deinit { kill() }

    /// The environment of the tmux server: minimal and predictable, whatever the test runner has.
    private static var serverEnvironment: [String: String] {
        let inherited = ProcessInfo.processInfo.environment
        var environment = [
            "PATH": inherited["PATH"] ?? "/usr/local/bin:/usr/bin:/bin", "HOME": inherited["HOME"] ?? "/tmp",
            "SHELL": "/bin/sh", "TERM": "tmux-256color", "LANG": "C.UTF-8",
        ]
        for key in ["USER", "LOGNAME", "TMPDIR"] { environment[key] = inherited[key] }
        return environment
    }

    @discardableResult
    private func tmuxCommand(_ arguments: [String]) throws -> String {
        let result = try EndToEnd.run(tmux, ["-S", socket] + arguments, environment: Self.serverEnvironment)
        guard result.status == 0 else {
            throw EndToEndError(
                description: "tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }

    /// Types text literally (no key names are looked up).
    func type(_ text: String) throws { try tmuxCommand(["send-keys", "-t", name, "-l", "--", text]) }

    /// Presses keys by tmux name: "Enter", "Tab", "Space", "Escape", "F10", "C-c", "q"…
    func press(_ keys: String...) throws { try tmuxCommand(["send-keys", "-t", name, "--"] + keys) }

    /// The visible screen as text; with `escapes`, including the colour and attribute sequences.
    func screen(escapes: Bool = false) throws -> String {
        try tmuxCommand(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
    }

    /// The screen's lines.
    func lines() throws -> [String] {
        try screen().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A tmux format about the pane, e.g. "#{pane_pid}" or "#{alternate_on}".
    func display(_ format: String) throws -> String {
        try tmuxCommand(["display-message", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The pid of the program the pane runs (under the `sh` that reports its exit).
    func programPID() throws -> Int32 {
        let shell = try display("#{pane_pid}")
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        guard let pid = children.split(separator: " ").first.flatMap({ Int32($0) }) else {
            throw EndToEndError(description: "no program runs in the pane (sh \(shell))")
        }
        return pid
    }

    /// The exit status once the pane's program has ended, nil while it runs.
    func exitStatus() throws -> Int32? {
        // Not always at the start of a line: a killed ssh leaves the terminal raw, so "\n" returns no carriage.
        guard let line = try lines().last(where: { $0.contains(Self.exitMarker) }),
            let marker = line.range(of: Self.exitMarker, options: .backwards)
        else { return nil }
        return Int32(line[marker.upperBound...].prefix { $0 != "]" && $0 != " " })
    }

    /// When the pane's program ended (seconds since 1970, as its shell saw it), nil while it runs or if unreadable.
    func exitTime() throws -> TimeInterval? {
        guard let line = try lines().last(where: { $0.contains(Self.exitMarker) }),
            let at = line.range(of: " at ", options: .backwards)
        else { return nil }
        return TimeInterval(line[at.upperBound...].prefix { $0 != "]" })
    }

    /// Resizes the window (the program gets SIGWINCH).
    func resize(width: Int, height: Int) throws {
        try tmuxCommand(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Starts `command` again in the same pane, on a cleared screen (after the previous one ended).
    func respawn(_ command: [String]) throws {
        try tmuxCommand(["respawn-pane", "-k", "-t", name, "--"] + Self.reportingExit(command))
    }

    /// Waits until the screen contains every one of `texts`; returns that screen.
    @discardableResult
    func waitFor(_ texts: String..., timeout: TimeInterval = EndToEnd.screenTimeout) async throws -> String {
        try await waitUntil(texts.map { "\"\($0)\"" }.joined(separator: " and "), timeout: timeout) { screen in
            texts.allSatisfy { screen.contains($0) }
        }
    }

    /// Polls the screen every 50 ms until `condition` holds; on timeout fails with the last screen shown.
    @discardableResult
    func waitUntil(_ what: String, timeout: TimeInterval = EndToEnd.screenTimeout, _ condition: (String) -> Bool)
        async throws -> String
    {
        var last = ""
        do {
            try await EndToEnd.poll(timeout: timeout, what) {
                last = try screen()
                return condition(last)
            }
        } catch let error as EndToEndError {
            throw EndToEndError(description: "\(error.description); the screen was:\n\(last)")
        }
        return last
    }

    /// Waits for the pane's program to end and returns its exit status.
    @discardableResult
    func waitForExit(timeout: TimeInterval = EndToEnd.screenTimeout) async throws -> Int32 {
        var status: Int32?
        do {
            try await EndToEnd.poll(timeout: timeout, "the program to end") {
                status = try exitStatus()
                return status != nil
            }
        } catch let error as EndToEndError {
            throw EndToEndError(description: "\(error.description); the screen was:\n\((try? screen()) ?? "")")
        }
        return status ?? -1
    }

    /// Ends the tmux server and whatever it still runs; safe to call more than once.
    func kill() {
        _ = try? EndToEnd.run(tmux, ["-S", socket, "kill-server"], environment: Self.serverEnvironment)
        try? FileManager.default.removeItem(atPath: socket)
    }
}

extension TmuxSession {
    /// Types a username and the password into the sign-in screen and waits for the signed-in title bar
    /// (the name, and the first tab marked active, in whatever language the account uses).
    func signIn(_ subscriber: Subscriber, password: String) async throws {
        try await waitFor("Sign in", timeout: EndToEnd.signInTimeout)
        try type(subscriber.username)
        try press("Tab")
        try type(password)
        try press("Enter")
        try await waitFor(subscriber.name, "[1 ", timeout: EndToEnd.signInTimeout)
    }

    /// The screen line that holds the list's selection pointer, if any.
    func selectedLine() throws -> String? { try lines().first { $0.contains("▶") } }
}
