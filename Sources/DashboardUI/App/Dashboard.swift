import Foundation
public import PrivacyModel
public import TerminalKit

/// The whole dashboard as a state machine: sign-in, the signed-in screens, overlays, idle sign-out.
///
/// It takes terminal events and renders canvases; it never touches a terminal itself, so the
/// ncurses terminal, the in-memory terminal and the headless `screen` command run the same code.
@MainActor
public final class Dashboard {
    /// The store, catalogue and settings.
    public let context: PrivacyContext
    /// Every user-facing string in the language the run started in (the sign-in screen's language).
    public let strings: Strings
    /// Idle time, demo accounts, minimum size.
    public let configuration: DashboardConfiguration

    private enum Phase {
        case signIn(SignInScreen)
        case signedIn(SignedIn)
    }

    private struct SignedIn {
        let session: Session
        var screens: [ScreenID: any DashboardScreen]
        var current: ScreenID
        /// Breach notices over the screens: the sign-in gate, or the Notices list opened from the Overview.
        var notices: BreachNoticesView?
    }

    private enum Overlay {
        case help(HelpOverlay)
        case confirmQuit
    }

    private var phase: Phase
    private var overlay: Overlay?
    private var lastActivity: Date
    private var lastSize = Size(width: 80, height: 24)
    private var lastGlyphs = Glyphs.unicode
    /// Set when the dashboard wants to end (quit confirmed).
    public private(set) var isFinished = false
    /// Set by Ctrl-L: the runner repaints the physical screen in full.
    public var wantsFullRedraw = false
    /// How many keys of the current burst acted, and whether the rest is being dropped.
    private var burst = InputBurst()

    /// Makes a dashboard at its sign-in screen.
    public init(
        context: PrivacyContext, strings: Strings, configuration: DashboardConfiguration = DashboardConfiguration()
    ) {
        self.context = context
        self.strings = strings
        self.configuration = configuration
        phase = .signIn(SignInScreen())
        lastActivity = context.now
    }

    /// The signed-in session, if any (tests and the runner read it).
    public var session: Session? {
        if case .signedIn(let state) = phase { return state.session }
        return nil
    }

    /// The strings on show: the session's language when signed in, else the run's.
    private var activeStrings: Strings { session?.strings ?? strings }

    /// The screen taking keys now: the sign-in form, or the signed-in screen on show.
    private var activeScreen: (any Screen)? {
        switch phase {
        case .signIn(let form): return form
        case .signedIn(let state): return state.screens[state.current]
        }
    }

    /// The screen on show when signed in.
    public var currentScreen: ScreenID? {
        if case .signedIn(let state) = phase { return state.current }
        return nil
    }

    // MARK: - Events

    /// Handles one event from the terminal.
    public func handle(_ event: TerminalEvent) {
        switch event {
        case .closed:
            isFinished = true
        case .resize(let size):
            lastSize = size.clamped()
        case .tick:
            checkIdle()
        case .key(let key):
            checkIdle()
            lastActivity = context.now
            if case .text(let text) = key {
                handleText(text)
            } else if burst.admit() || quitsAnywhere(key) {
                handleKey(key)
            }
        }
    }

    /// No input is waiting any more: the burst of keys is over and the next key acts again.
    public func inputPaused() { burst.paused() }

    /// A run of pasted characters: one text input while a field has focus, else key by key, since there each
    /// character may be a command (and one of them may open a field that takes the rest at once). Where no field
    /// takes them only the first `InputBurst.typeahead` act; the rest is dropped at once.
    private func handleText(_ text: String) {
        var rest = Substring(text)
        var commands = 0
        while let first = rest.first, !isFinished {
            if overlay == nil, !tooSmall, activeScreen?.capturesText == true {
                guard burst.admit() else { return }
                return handleKey(.text(String(rest)))
            }
            guard commands < InputBurst.typeahead, burst.admit() else { return burst.drop() }
            commands += 1
            handleKey(.character(first))
            rest = rest.dropFirst()
        }
    }

    /// F10 and Ctrl-C quit even in the middle of a dropped burst (looked up in a set: dropping stays cheap).
    private func quitsAnywhere(_ key: Key) -> Bool { Self.quitKeys.contains(key) }

    /// The binding table's quit keys that are not text (F10, Ctrl-C), read once.
    private static let quitKeys = Set(
        KeyBindings.table.filter { $0.action == .quit && $0.context == .global }.flatMap(\.keys).filter {
            !isCharacter($0)
        })

    private func checkIdle() {
        guard context.now.timeIntervalSince(lastActivity) >= configuration.idleTimeout else { return }
        lastActivity = context.now
        overlay = nil
        let minutes = Int((configuration.idleTimeout / 60).rounded())
        let message = Flash(text: strings.plural("signin.idle", count: minutes), kind: .warning)
        if case .signedIn = phase {
            signOut(message: message)
        } else if case .signIn(let form) = phase, form.hasUnsavedInput {
            phase = .signIn(SignInScreen(message: message))
        }
    }

    private func signOut(message: Flash?) {
        overlay = nil
        phase = .signIn(SignInScreen(message: message))
    }

    private var tooSmall: Bool { !lastSize.fits(configuration.minimumSize) }

    private func handleKey(_ key: Key) {
        if let overlay {
            handleOverlay(overlay, key: key)
            return
        }
        if case .signedIn(let state) = phase, let notices = state.notices {
            return handleNoticeKey(key, notices, state)
        }
        guard let screen = activeScreen else { return }
        let textInput = screen.capturesText
        let contexts = screen.contexts + [textInput ? .form : .navigation]
        let action = KeyBindings.action(for: key, contexts: contexts, textInput: textInput)
        if action == .help { return showHelp() }
        if action == .redraw { return redraw() }
        if tooSmall {
            // The too-small notice offers its quit key; no field can take the letter while the screen is hidden.
            if action == .quit || KeyBindings.action(for: key, contexts: [.tooSmall], textInput: false) == .quit {
                requestQuit(unsaved: screen.hasUnsavedInput)
            }
            return
        }
        // F10 and Ctrl-C quit from anywhere, even a text field; a typed "q" only where the screen lets it pass.
        if action == .quit, !Self.isCharacter(key) { return requestQuit(unsaved: screen.hasUnsavedInput) }
        let input = ScreenInput(key: key, action: action, area: contentArea, glyphs: lastGlyphs)
        let outcome: ScreenOutcome
        switch phase {
        case .signIn(var form):
            outcome = form.update(input, context: context, strings: strings)
            phase = .signIn(form)
        case .signedIn(var state):
            guard var current = state.screens[state.current] else { return }
            state.session.flash = nil
            outcome = current.update(input, session: state.session)
            state.screens[state.current] = current
            phase = .signedIn(state)
        }
        apply(outcome, action: action)
    }

    /// A key while breach notices are on show: the gate lets only help, redraw, quit and its own keys through;
    /// the list hands a key it does not take back to the dashboard (a screen's number, quit).
    private func handleNoticeKey(_ key: Key, _ current: BreachNoticesView, _ signedIn: SignedIn) {
        var state = signedIn
        var notices = current
        let action = KeyBindings.action(for: key, contexts: notices.contexts + [.navigation], textInput: false)
        if action == .help { return showHelp() }
        if action == .redraw { return redraw() }
        if tooSmall {
            if action == .quit || KeyBindings.action(for: key, contexts: [.tooSmall], textInput: false) == .quit {
                requestQuit(unsaved: false)
            }
            return
        }
        if action == .quit { return requestQuit(unsaved: false) }
        state.session.flash = nil
        let input = ScreenInput(key: key, action: action, area: noticeArea, glyphs: lastGlyphs)
        switch notices.update(input, session: state.session) {
        case .stay:
            state.notices = notices
            phase = .signedIn(state)
        case .close:
            state.notices = nil
            phase = .signedIn(state)
            show(.overview)
        case .passThrough:
            state.notices = nil
            phase = .signedIn(state)
            handleGlobal(action)
        }
    }

    /// Whether a key is printable text (text in a field, a command elsewhere).
    private static func isCharacter(_ key: Key) -> Bool {
        switch key {
        case .character, .text: true
        default: false
        }
    }

    /// What a screen's outcome means for the dashboard, for a key or for deferred work alike.
    private func apply(_ outcome: ScreenOutcome, action: Action?) {
        switch outcome {
        case .handled: return
        case .show(let id): show(id)
        case .reveal(let id, let item):
            show(id)
            guard case .signedIn(var state) = phase, var target = state.screens[id] else { return }
            target.reveal(item, session: state.session)
            state.screens[id] = target
            phase = .signedIn(state)
        case .signOut(let message): signOut(message: Flash(text: message, kind: .info))
        case .signIn(let account, let failures): startSession(account, failures: failures)
        case .ignored: handleGlobal(action)
        }
    }

    private func handleGlobal(_ action: Action?) {
        switch action {
        case .quit: requestQuit(unsaved: hasUnsavedInput)
        case .goOverview: show(.overview)
        case .goMyData: show(.myData)
        case .goPreferences: show(.preferences)
        case .goRequests: show(.requests)
        case .goAccount: show(.account)
        case .goPolicy: show(.policy)
        case .goHelp: showHelp()
        case .openNotices:
            guard case .signedIn(var state) = phase, state.current == .overview else { return }
            state.notices = BreachNoticesView.list(session: state.session)
            phase = .signedIn(state)
        case .nextFocus, .previousFocus:
            guard let current = currentScreen, let index = ScreenID.allCases.firstIndex(of: current) else { return }
            let count = ScreenID.allCases.count
            let step = action == .nextFocus ? 1 : count - 1
            show(ScreenID.allCases[(index + step) % count])
        default: break
        }
    }

    private func handleOverlay(_ current: Overlay, key: Key) {
        switch current {
        case .confirmQuit:
            if KeyBindings.isYes(key, language: activeStrings.language) { isFinished = true }
            overlay = nil
        case .help(var help):
            let action = KeyBindings.action(for: key, contexts: [.navigation], textInput: false)
            switch action {
            case .up, .down, .pageUp, .pageDown, .first, .last:
                help.scroll(action, visible: max(1, lastSize.height - 6))
                overlay = .help(help)
            case .quit:
                overlay = nil
                requestQuit(unsaved: hasUnsavedInput)
            default:
                overlay = nil
            }
        }
    }

    private var hasUnsavedInput: Bool { activeScreen?.hasUnsavedInput ?? false }

    private func requestQuit(unsaved: Bool) {
        if unsaved { overlay = .confirmQuit } else { isFinished = true }
    }

    private func showHelp() { overlay = .help(HelpOverlay()) }

    private func redraw() { wantsFullRedraw = true }

    private func startSession(_ account: Account, failures: FailedSignIns?) {
        let session = Session(
            context: context, account: account, strings: strings, formats: Formats(language: strings.language))
        // The account's own language replaces one that came from the locale, never one chosen with --lang.
        if configuration.followsAccountLanguage,
            let kept = try? LanguagePreferenceService(context: context).language(accountId: account.id),
            kept != session.language
        {
            try? session.switchLanguage(to: kept)
        }
        var screens: [ScreenID: any DashboardScreen] = [:]
        for id in ScreenID.allCases { screens[id] = ScreenFactory.make(id) }
        phase = .signedIn(
            SignedIn(
                session: session, screens: screens, current: .overview,
                notices: BreachNoticesView.gate(session: session)))
        show(.overview)
        if let failures {
            session.show(
                session.strings.plural(
                    "signin.failuresSince", count: failures.count,
                    ["date": session.formats.date(failures.latest), "time": session.formats.time(failures.latest)]),
                .warning)
        }
    }

    /// Switches to a screen and lets it reload.
    public func show(_ id: ScreenID) {
        guard case .signedIn(var state) = phase, var screen = state.screens[id] else { return }
        state.session.reloadAccount()
        screen.activate(session: state.session)
        state.screens[id] = screen
        state.current = id
        phase = .signedIn(state)
    }

    /// Whether work is waiting to run after the current frame is shown (a password check, a step of an export).
    public var hasPendingWork: Bool {
        // Work pauses while the quit question waits for an answer: y stops it, any other key resumes it.
        if case .confirmQuit = overlay { return false }
        return screenHasPendingWork
    }

    /// Whether the sign-in check or the current screen has work to do in steps, asked or not.
    private var screenHasPendingWork: Bool { activeScreen?.hasPendingWork ?? false }

    /// Runs the waiting work; the runner calls it right after presenting the "checking" frame.
    public func performPendingWork() {
        guard screenHasPendingWork else { return }
        let outcome: ScreenOutcome
        switch phase {
        case .signIn(var form):
            outcome = form.performPendingWork(context: context, strings: strings)
            phase = .signIn(form)
        case .signedIn(var state):
            guard var screen = state.screens[state.current] else { return }
            outcome = screen.performPendingWork(session: state.session)
            state.screens[state.current] = screen
            phase = .signedIn(state)
        }
        apply(outcome, action: nil)
    }

    // MARK: - Rendering

    /// Where screens draw, between the tab bar and the status line.
    private var contentArea: Rect { Chrome.contentArea(in: Rect(lastSize)) }

    /// Where breach notices draw: the whole screen between the title bar and the status line (no tabs).
    private var noticeArea: Rect {
        let bounds = Rect(lastSize)
        return Rect(
            x: bounds.x, y: bounds.y + 1, width: bounds.width, height: bounds.height - 1 - Chrome.bottomRows)
    }

    /// Whether breach notices are on show over the screens.
    public var showsNotices: Bool {
        if case .signedIn(let state) = phase { return state.notices != nil }
        return false
    }

    /// Draws the current state into a fresh canvas of `size` (at most `Size.maximum`).
    public func render(size: Size, glyphs: Glyphs) -> Canvas {
        lastSize = size.clamped()
        lastGlyphs = glyphs
        burst.frameShown()
        if burst.droppedUnreported {
            burst.reported()
            if case .signedIn(let state) = phase {
                state.session.show(state.session.strings["input.dropped"], .warning)
            }
        }
        var canvas = Canvas(size: size, glyphs: glyphs)
        let strings = activeStrings
        if tooSmall {
            TooSmallView.render(into: &canvas, needed: configuration.minimumSize, strings: strings)
            return canvas
        }
        let bounds = Rect(lastSize)
        switch phase {
        case .signIn(let form):
            Chrome.header(into: &canvas, strings: strings, session: nil)
            let (body, _) = bounds.splitBottom(1)
            form.render(
                into: &canvas, area: body.splitTop(1).rest, strings: strings, catalogue: context.catalogue,
                demo: configuration.demoCredentials)
        case .signedIn(let state) where state.notices != nil:
            Chrome.header(into: &canvas, strings: strings, session: state.session)
            state.notices?.render(into: &canvas, area: noticeArea, session: state.session)
            Chrome.status(into: &canvas, flash: state.session.flash)
        case .signedIn(let state):
            guard let screen = state.screens[state.current] else { break }
            Chrome.header(into: &canvas, strings: strings, session: state.session)
            Chrome.tabs(into: &canvas, current: state.current, strings: strings)
            screen.render(into: &canvas, area: Chrome.contentArea(in: bounds), session: state.session)
            Chrome.status(into: &canvas, flash: state.session.flash)
        }
        if case .signedIn(let state) = phase, let notices = state.notices {
            Chrome.hints(
                into: &canvas, actions: notices.hintActions, contexts: notices.contexts + [.navigation],
                textInput: false, strings: strings, labels: [:])
        } else if let screen = activeScreen {
            Chrome.hints(
                into: &canvas, actions: screen.hintActions, contexts: screen.contexts, textInput: screen.capturesText,
                strings: strings, labels: screen.hintLabels(strings: strings))
        }
        switch overlay {
        case .help(let help): help.render(into: &canvas, area: bounds, strings: strings)
        case .confirmQuit:
            ConfirmQuitView.render(
                into: &canvas, area: bounds, strings: strings,
                questionKey: activeScreen?.quitQuestionKey ?? "quit.question")
        case nil: break
        }
        return canvas
    }
}
