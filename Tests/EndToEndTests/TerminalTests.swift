import Foundation
import Testing

/// The built binary in a real terminal: tmux on a private socket, keys in, screen text out.
@Suite(
    "End to end: the dashboard in tmux", .serialized,
    .enabled(if: EndToEnd.isEnabled, "PRIVACY_E2E=0 skips the end-to-end tests"))
struct TerminalTests {
    /// The subscriber these tests sign in as: English is the account's language, so English words can be matched.
    let subscriber = EndToEnd.english

    @Test("signs in to the demo store, shows the subscriber's overview and quits with status 0")
    func signIn() async throws {
        let run = try await DashboardInTmux()
        defer { run.cleanUp() }
        try await run.tmux.signIn(subscriber, password: run.password)
        let screen = try await run.tmux.waitFor(subscriber.email)
        #expect(!screen.contains("⟦"), "a missing string on screen:\n\(screen)")
        #expect(try run.tmux.display("#{alternate_on}") == "1")
        // ncurses really sends the theme's colours (a 256-colour foreground or background).
        let painted = try run.tmux.screen(escapes: true)
        #expect(painted.contains("\u{1B}[38;5;") || painted.contains("\u{1B}[48;5;"), "no colour reached tmux")
        #expect(try await run.quit() == 0)
    }

    @Test("with NO_COLOR the dashboard sends no colour, only attributes")
    func noColor() async throws {
        let run = try await DashboardInTmux(environment: ["NO_COLOR": "1"]) { binary, store in
            [binary, "--store", store]
        }
        defer { run.cleanUp() }
        try await run.tmux.waitFor("Sign in", timeout: EndToEnd.signInTimeout)
        let painted = try run.tmux.screen(escapes: true)
        let basic = (0...7).flatMap { ["\u{1B}[3\($0)m", "\u{1B}[4\($0)m"] }
        for colour in ["\u{1B}[38;5;", "\u{1B}[48;5;"] + basic {
            #expect(!painted.contains(colour), "a colour escape \(colour.debugDescription) with NO_COLOR")
        }
        #expect(painted.contains("\u{1B}[1m") || painted.contains("\u{1B}[7m"), "no bold or reverse either")
        try run.tmux.press("F10")
        #expect(try await run.tmux.waitForExit() == 0)
    }

    @Test("a wrong password is refused; the fifth failure locks the account, in the store, for every session")
    func wrongPasswordThenLockout() async throws {
        let run = try await DashboardInTmux()
        defer { run.cleanUp() }
        let tmux = run.tmux
        try await tmux.waitFor("Sign in", timeout: EndToEnd.signInTimeout)
        try tmux.type(subscriber.username)
        try tmux.press("Tab")
        try tmux.type("not-the-password-1")
        try tmux.press("Enter")
        try await tmux.waitFor("do not match", timeout: EndToEnd.signInTimeout)
        // After a failure the password field has the focus again; keys wait in the terminal while one is checked.
        for attempt in 2...5 {
            try tmux.type("not-the-password-\(attempt)")
            try tmux.press("Enter")
        }
        try await tmux.waitFor("locked", timeout: 4 * EndToEnd.signInTimeout)

        // The right password is refused too while the lock lasts.
        try await signInWhileLocked(tmux, password: run.password)

        // The failures live in the store: a new process (another session) finds the account locked as well.
        try await quitConfirming(tmux)
        try tmux.respawn(run.dashboardCommand)
        try await tmux.waitFor("Sign in", timeout: EndToEnd.signInTimeout)
        try tmux.type(subscriber.username)
        try tmux.press("Tab")
        try await signInWhileLocked(tmux, password: run.password)
        try await quitConfirming(tmux)
    }

    /// F10 with the username still typed in: the dashboard asks first, and `y` quits.
    private func quitConfirming(_ tmux: TmuxSession) async throws {
        try tmux.press("F10")
        try await tmux.waitFor("Quit?")
        try tmux.press("y")
        #expect(try await tmux.waitForExit() == 0)
    }

    /// Types the right password and waits until the check is over (the field is cleared): still locked.
    private func signInWhileLocked(_ tmux: TmuxSession, password: String) async throws {
        try tmux.type(password)
        try await tmux.waitUntil("the masked password") { $0.contains("•") }
        try tmux.press("Enter")
        let screen = try await tmux.waitUntil("the check to end", timeout: EndToEnd.signInTimeout) {
            !$0.contains("•") && $0.contains("locked")
        }
        #expect(!screen.contains("1 Overview"), "signed in despite the lock:\n\(screen)")
        #expect(!screen.contains(subscriber.name))
    }

    @Test("a preference switched with Space is kept after quitting and starting again")
    func preferenceKept() async throws {
        let run = try await DashboardInTmux()
        defer { run.cleanUp() }
        let tmux = run.tmux
        try await tmux.signIn(subscriber, password: run.password)
        try tmux.press("3")
        try await tmux.waitUntil("the preferences list") { _ in (try? tmux.selectedLine())?.contains("] ") == true }
        let before = try #require(try tmux.selectedLine())
        let wasOn = before.contains("[x]")
        let name = try #require(Self.preferenceName(in: before))
        try tmux.press("Space")
        // Confirmed on screen: the mark flips and the status line names the consent receipt.
        try await tmux.waitUntil("the switched preference and its receipt") { screen in
            let line = screen.split(separator: "\n").first { $0.contains("▶") && $0.contains(name) }
            return line?.contains(wasOn ? "[ ]" : "[x]") == true && screen.contains("receipt")
        }
        #expect(try await run.quit() == 0)

        try tmux.respawn(run.dashboardCommand)
        try await tmux.signIn(subscriber, password: run.password)
        try tmux.press("3")
        try await tmux.waitUntil("the preferences list") { _ in (try? tmux.selectedLine())?.contains(name) == true }
        let after = try #require(try tmux.selectedLine())
        #expect(after.contains(wasOn ? "[ ]" : "[x]"), "not kept: \(after)")
        #expect(try await run.quit() == 0)
    }

    /// The preference's name on a line like " ▶ [x] Personalised recommendations      default".
    static func preferenceName(in line: String) -> String? {
        guard let close = line.range(of: "] ") else { return nil }
        let rest = line[close.upperBound...]
        let name = rest.components(separatedBy: "  ").first?.trimmingCharacters(in: .whitespaces) ?? ""
        return name.isEmpty ? nil : name
    }

    @Test("a request filed in the wizard shows its reference, and the store holds it")
    func fileRequest() async throws {
        let run = try await DashboardInTmux()
        defer { run.cleanUp() }
        let tmux = run.tmux
        let before = Set(try EndToEnd.requestReferences(email: subscriber.email, store: run.store))
        try await tmux.signIn(subscriber, password: run.password)
        try tmux.press("4")
        try await tmux.waitUntil("the request list") { before.isSubset(of: EndToEnd.references(in: $0)) }
        let reference = try await Self.fileAccessRequest(tmux, password: run.password, known: before)
        let stored = try EndToEnd.requestReferences(email: subscriber.email, store: run.store)
        #expect(stored.contains(reference), "\(reference) is not in the store: \(stored)")
        try tmux.press("Escape")
        try await tmux.waitUntil("the list with the new request") { !$0.contains("Password") && $0.contains(reference) }
        #expect(try await run.quit() == 0)
    }

    /// Files an access request for everything with the wizard (`n`, Enter through the steps, the password) and
    /// returns the new reference once it is on screen.
    static func fileAccessRequest(_ tmux: TmuxSession, password: String, known: Set<String>) async throws -> String {
        let list = try tmux.screen()
        try tmux.press("n")
        var screen = try await tmux.waitUntil("the request wizard") { $0 != list }
        // Enter takes the first choice of each step (access, everything, no note) up to the password step.
        for _ in 0..<6 where !screen.contains("Password") {
            let previous = screen
            try tmux.press("Enter")
            screen = try await tmux.waitUntil("the next wizard step") { $0 != previous }
        }
        try tmux.type(password)
        try tmux.press("Enter")
        screen = try await tmux.waitUntil("a new request reference", timeout: EndToEnd.signInTimeout) {
            !EndToEnd.references(in: $0).subtracting(known).isEmpty
        }
        let new = EndToEnd.references(in: screen).subtracting(known)
        #expect(new.count == 1, "\(new)")
        return try #require(new.first)
    }

    @Test("below 72×22 the too-small screen shows both sizes; at 72×22 and larger the layout comes back")
    func tooSmallAndBack() async throws {
        let run = try await DashboardInTmux()
        defer { run.cleanUp() }
        let tmux = run.tmux
        try await tmux.signIn(subscriber, password: run.password)
        try tmux.resize(width: 60, height: 20)
        let small = try await tmux.waitFor("72×22", "60×20")
        #expect(!small.contains("1 Overview"))
        try tmux.resize(width: 72, height: 22)
        try await tmux.waitUntil("the layout at 72×22") { $0.contains("1 Overview") && !$0.contains("72×22") }
        try tmux.resize(width: 71, height: 22)
        try await tmux.waitFor("72×22", "71×22")
        try tmux.resize(width: 120, height: 40)
        let large = try await tmux.waitUntil("the layout at 120×40") {
            $0.contains("1 Overview") && !$0.contains("72×22") && $0.contains(subscriber.name)
        }
        // The title bar follows the width: the subscriber's name now ends near column 120.
        let title = try #require(large.split(separator: "\n").first { $0.contains(subscriber.name) })
        #expect(title.count > 100, "\(title)")
        #expect(large.split(separator: "\n", omittingEmptySubsequences: false).count >= 40)
        #expect(try await run.quit() == 0)
    }

    @Test("quitting gives the shell back: prompt, the same terminal modes, echo, no alternate screen, no stray output")
    func terminalUsableAfterQuit() async throws {
        let prompt = "pd-e2e$"
        let run = try await DashboardInTmux(environment: ["PS1": prompt + " ", "ENV": ""], reportsExit: false) { _, _ in
            ["/bin/sh", "-i"]
        }
        defer { run.cleanUp() }
        let tmux = run.tmux
        let modes = run.folder.appendingPathComponent("modes")
        try await tmux.waitFor(prompt)
        try tmux.type("stty -g > \(modes.path)-before; echo saved-$((1+1))")
        try tmux.press("Enter")
        try await tmux.waitFor("saved-2")

        // q on the overview.
        try tmux.type("\(run.binary) --store \(run.store)")
        try tmux.press("Enter")
        try await tmux.signIn(subscriber, password: run.password)
        try tmux.press("q")
        try await Self.waitForPrompt(tmux, prompt: prompt)
        try await Self.expectShellUsable(tmux, prompt: prompt, modes: modes, round: 1)

        // Ctrl-C on the sign-in screen.
        try tmux.type("\(run.binary) --store \(run.store)")
        try tmux.press("Enter")
        try await tmux.waitFor("Sign in", timeout: EndToEnd.signInTimeout)
        try tmux.press("C-c")
        try await Self.waitForPrompt(tmux, prompt: prompt)
        try await Self.expectShellUsable(tmux, prompt: prompt, modes: modes, round: 2)
    }

    /// Waits until the dashboard's screen is gone and the last line is a fresh prompt.
    static func waitForPrompt(_ tmux: TmuxSession, prompt: String) async throws {
        try await tmux.waitUntil("the shell prompt") { screen in
            let last = screen.split(separator: "\n").last { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return last?.trimmingCharacters(in: .whitespaces) == prompt && !screen.contains("Sign in")
        }
    }

    /// The shell works as before: same stty settings, echo and canonical mode on, the cursor shown, keypad
    /// and mouse modes off, the normal screen, and no escape sequence printed as text.
    static func expectShellUsable(_ tmux: TmuxSession, prompt: String, modes: URL, round: Int) async throws {
        #expect(try tmux.display("#{alternate_on}") == "0")
        #expect(try tmux.display("#{cursor_flag}") == "1")
        #expect(try tmux.display("#{keypad_cursor_flag}") == "0")
        #expect(try tmux.display("#{mouse_any_flag}") == "0")
        try tmux.type("stty -g > \(modes.path)-after; stty -a > \(modes.path)-all; echo saved-$((\(round)*100))")
        try tmux.press("Enter")
        try await tmux.waitFor("saved-\(round * 100)")
        let before = try String(contentsOf: URL(fileURLWithPath: modes.path + "-before"), encoding: .utf8)
        let after = try String(contentsOf: URL(fileURLWithPath: modes.path + "-after"), encoding: .utf8)
        #expect(before == after, "stty settings changed:\n\(before)\(after)")
        let all = try String(contentsOf: URL(fileURLWithPath: modes.path + "-all"), encoding: .utf8)
        let flags = Set(all.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        for flag in ["echo", "icanon", "isig", "icrnl", "opost", "onlcr"] {
            #expect(flags.contains(flag) && !flags.contains("-" + flag), "\(flag) is off:\n\(all)")
        }
        // What is typed shows (echo) and runs.
        let command = "echo ok-$((6*7+\(round)))"
        try tmux.type(command)
        try tmux.press("Enter")
        let screen = try await tmux.waitFor("ok-\(42 + round)")
        #expect(screen.contains(prompt + " " + command))
        #expect(!screen.contains("\u{1B}"))
        for stray in ["[?1049", "[?1h", "[?25", "[?1000", "^["] {
            #expect(!screen.contains(stray), "stray escape output \(stray):\n\(screen)")
        }
        // Colour and attributes are reset: the prompt lines carry no sequences.
        let coloured = try tmux.screen(escapes: true)
        for line in coloured.split(separator: "\n") where line.contains(prompt) || line.contains("ok-") {
            #expect(!line.contains("\u{1B}"), "attributes left on: \(line.debugDescription)")
        }
    }
}
