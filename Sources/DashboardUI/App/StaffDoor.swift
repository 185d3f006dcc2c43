import Foundation
public import PrivacyModel
public import TerminalKit

/// What `open --staff` runs: the staff sign-in (password, then authenticator code or enrolment), then the staff
/// console as the member of staff who signed in; an idle console signs out back to the staff sign-in.
@MainActor
public final class StaffDoor: TerminalApplication {
    private enum Phase {
        case signIn(StaffSignInScreen)
        case console(StaffConsole)
    }

    private let context: PrivacyContext
    private let strings: Strings
    private let configuration: DashboardConfiguration
    private var phase = Phase.signIn(StaffSignInScreen())
    private var lastActivity: Date
    private var lastSize = Size(width: 80, height: 24)
    private var lastGlyphs = Glyphs.unicode
    /// The console's key help, opened with F1 or ? from the sign-in (the hint bar offers it).
    private var help: HelpOverlay?

    /// Set when the door wants to end (quit from the sign-in or the console, or the terminal closed).
    public private(set) var isFinished = false
    /// Set by Ctrl-L: the runner repaints the physical screen in full.
    public var wantsFullRedraw = false

    /// Opens the staff sign-in on `context`, in the language of `strings` (demo accounts do not apply).
    public init(context: PrivacyContext, strings: Strings, configuration: DashboardConfiguration = .init()) {
        self.context = context
        self.strings = strings
        self.configuration = configuration
        lastActivity = context.now
    }

    /// The console once a member of staff has signed in (tests read it).
    public var console: StaffConsole? {
        if case .console(let console) = phase { return console }
        return nil
    }

    /// Whether a password or code check waits for the "checking" frame.
    public var hasPendingWork: Bool {
        switch phase {
        case .signIn(let form): form.isChecking
        case .console(let console): console.hasPendingWork
        }
    }

    /// Runs the waiting check; a completed sign-in opens the console.
    public func performPendingWork() {
        switch phase {
        case .signIn(var form):
            let outcome = form.performPendingWork(context: context, strings: strings)
            phase = .signIn(form)
            apply(outcome)
        case .console(let console): console.performPendingWork()
        }
    }

    /// Handles one event from the terminal.
    public func handle(_ event: TerminalEvent) {
        if case .resize(let size) = event { lastSize = size.clamped() }
        if case .closed = event { return finish() }
        switch phase {
        case .console(let console):
            console.handle(event)
            guard console.isFinished else { return }
            if console.endedIdle { signOutIdle() } else { finish() }
        case .signIn(var form):
            switch event {
            case .tick: checkIdle(form)
            case .key(let key):
                checkIdle(form)
                lastActivity = context.now
                guard case .signIn(let current) = phase else { return }
                form = current
                handleKey(key, form: &form)
            case .resize, .closed: break
            }
        }
    }

    private func handleKey(_ key: Key, form: inout StaffSignInScreen) {
        if var open = help {
            let action = KeyBindings.action(for: key, contexts: [.navigation], textInput: false)
            switch action {
            case .up, .down, .pageUp, .pageDown, .first, .last:
                open.scroll(action, visible: max(1, lastSize.height - 6))
                help = open
            default: help = nil
            }
            return
        }
        let textInput = form.capturesText
        let action = KeyBindings.action(for: key, contexts: [textInput ? .form : .navigation], textInput: textInput)
        if action == .help {
            help = .console
            return
        }
        if action == .redraw {
            wantsFullRedraw = true
            return
        }
        let tooSmall = !lastSize.fits(configuration.minimumSize)
        if tooSmall {
            if action == .quit || KeyBindings.action(for: key, contexts: [.tooSmall], textInput: false) == .quit {
                finish()
            }
            return
        }
        if action == .quit, !textInput || !Self.isCharacter(key) { return finish() }
        let input = ScreenInput(key: key, action: action, area: Rect(lastSize), glyphs: lastGlyphs)
        let outcome = form.update(input, strings: strings)
        phase = .signIn(form)
        apply(outcome)
    }

    private static func isCharacter(_ key: Key) -> Bool {
        switch key {
        case .character, .text: true
        default: false
        }
    }

    private func apply(_ outcome: StaffSignInScreen.Outcome) {
        guard case .signedIn(let identity) = outcome else { return }
        let console = StaffConsole(context: context, staff: identity, strings: strings, configuration: configuration)
        console.handle(.resize(lastSize))
        phase = .console(console)
        lastActivity = context.now
    }

    /// After the idle time, whatever the sign-in holds (typed text, a checked password, a secret) is dropped.
    private func checkIdle(_ form: StaffSignInScreen) {
        guard context.now.timeIntervalSince(lastActivity) >= configuration.idleTimeout, form.hasUnsavedInput else {
            return
        }
        signOutIdle()
    }

    private func signOutIdle() {
        help = nil
        lastActivity = context.now
        let minutes = Int((configuration.idleTimeout / 60).rounded())
        phase = .signIn(
            StaffSignInScreen(message: Flash(text: strings.plural("signin.idle", count: minutes), kind: .warning)))
    }

    /// Ends the door, dropping whatever the sign-in held.
    private func finish() {
        help = nil
        phase = .signIn(StaffSignInScreen())
        isFinished = true
    }

    /// Draws the sign-in (under the console's title bar) or the console into a fresh canvas of `size`.
    public func render(size: Size, glyphs: Glyphs) -> Canvas {
        if case .console(let console) = phase { return console.render(size: size, glyphs: glyphs) }
        lastSize = size.clamped()
        lastGlyphs = glyphs
        var canvas = Canvas(size: size, glyphs: glyphs)
        if !lastSize.fits(configuration.minimumSize) {
            TooSmallView.render(into: &canvas, needed: configuration.minimumSize, strings: strings)
            return canvas
        }
        guard case .signIn(let form) = phase else { return canvas }
        let width = canvas.size.width
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: .header)
        canvas.write(" " + strings["console.title"], x: 0, y: 0, width: width, style: .header)
        let (body, _) = Rect(lastSize).splitBottom(1)
        form.render(into: &canvas, area: body.splitTop(1).rest, strings: strings)
        let textInput = form.capturesText
        Chrome.hints(
            into: &canvas, actions: form.hintActions, contexts: [textInput ? .form : .navigation],
            textInput: textInput, strings: strings, labels: form.hintLabels(strings: strings))
        help?.render(into: &canvas, area: Rect(lastSize), strings: strings)
        return canvas
    }
}
