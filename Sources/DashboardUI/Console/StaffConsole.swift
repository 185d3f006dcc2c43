public import Foundation
public import PrivacyModel
public import TerminalKit

/// The staff console as a state machine: the request queue, one request with its steps, an auditor's audit log,
/// an owner's staff accounts, help and the quit question, and sign-out when idle.
///
/// Like `Dashboard` it takes terminal events and renders canvases and never touches a terminal itself, so
/// `DashboardRunner` runs it on ncurses, headless or in tests. The staff sign-in makes the `StaffIdentity`.
@MainActor
public final class StaffConsole: TerminalApplication {
    /// The member of staff, the services and the status line.
    public let session: ConsoleSession
    /// Idle time and minimum size (demo accounts do not apply).
    public let configuration: DashboardConfiguration

    private var queue = ConsoleQueueView()
    /// An auditor's home view instead of the queue.
    private var audit: ConsoleAuditView?
    /// An owner's home view instead of the queue.
    private var staffList: ConsoleStaffView?
    private var request: ConsoleRequestView?
    /// The breach register, while open over the home view.
    private var breaches: ConsoleBreachView?
    private var overlay: Overlay?
    private var lastActivity: Date
    private var lastSize = Size(width: 80, height: 24)
    private var lastGlyphs = Glyphs.unicode

    private enum Overlay {
        case help(HelpOverlay)
        case confirmQuit
    }

    /// Set when the console wants to end (quit, or signed out after the idle time).
    public private(set) var isFinished = false
    /// Set when the console ended because no key came for the idle time, so the caller can say so.
    public private(set) var endedIdle = false
    /// Set by Ctrl-L: the runner repaints the physical screen in full.
    public var wantsFullRedraw = false
    /// The console does no work in steps.
    public var hasPendingWork: Bool { false }

    /// Opens the console for `staff` at their role's view (an auditor's audit log, an owner's staff accounts, else
    /// the queue), in the language of `strings`.
    public init(
        context: PrivacyContext, staff: StaffIdentity, strings: Strings,
        configuration: DashboardConfiguration = DashboardConfiguration()
    ) {
        session = ConsoleSession(context: context, staff: staff, strings: strings)
        self.configuration = configuration
        lastActivity = context.now
        audit = ConsoleAuditView.open(session: session)
        staffList = ConsoleStaffView.open(session: session)
        if audit == nil, staffList == nil { queue.reload(session: session) }
    }

    /// The reference of the request on show, if one is open (tests and the runner read it).
    public var openReference: String? { request?.detail.request.reference }

    /// The console does no work in steps.
    public func performPendingWork() {}

    // MARK: - Events

    /// Handles one event from the terminal.
    public func handle(_ event: TerminalEvent) {
        switch event {
        case .closed: isFinished = true
        case .resize(let size): lastSize = size.clamped()
        case .tick: checkIdle()
        case .key(let key):
            checkIdle()
            guard !isFinished else { return }
            lastActivity = session.now
            if case .text(let text) = key, !capturesText {
                // As on the subscriber's dashboard: a field opened by one of the first characters takes the rest
                // at once; where none does, only the first `InputBurst.typeahead` act and the rest is dropped.
                var rest = Substring(text)
                var commands = 0
                while let first = rest.first, !isFinished, commands < InputBurst.typeahead {
                    if capturesText { return handleKey(.text(String(rest))) }
                    handleKey(.character(first))
                    commands += 1
                    rest = rest.dropFirst()
                }
            } else {
                handleKey(key)
            }
        }
    }

    private var capturesText: Bool {
        if breaches != nil { return false }
        return request?.capturesText ?? staffList?.capturesText ?? queue.capturesText
    }
    private var contexts: [BindingContext] {
        breaches?.contexts ?? request?.contexts ?? audit?.contexts ?? staffList?.contexts ?? queue.contexts
    }
    private var hasUnsavedInput: Bool {
        if breaches != nil { return false }
        return request?.hasUnsavedInput ?? staffList?.hasUnsavedInput ?? queue.hasUnsavedInput
    }

    /// Whether the breach register is on show (tests read it).
    public var showsBreachRegister: Bool { breaches != nil }

    private func checkIdle() {
        guard session.now.timeIntervalSince(lastActivity) >= configuration.idleTimeout else { return }
        endedIdle = true
        isFinished = true
    }

    private var tooSmall: Bool { !lastSize.fits(configuration.minimumSize) }

    private func handleKey(_ key: Key) {
        if let overlay { return handleOverlay(overlay, key: key) }
        let textInput = capturesText
        let action = KeyBindings.action(
            for: key, contexts: contexts + [textInput ? .form : .navigation], textInput: textInput)
        if action == .help {
            overlay = .help(.console)
            return
        }
        if action == .redraw {
            wantsFullRedraw = true
            return
        }
        if tooSmall {
            if action == .quit || KeyBindings.action(for: key, contexts: [.tooSmall], textInput: false) == .quit {
                requestQuit()
            }
            return
        }
        if action == .quit, !Self.isCharacter(key) { return requestQuit() }
        session.flash = nil
        let input = ScreenInput(key: key, action: action, area: contentArea, glyphs: lastGlyphs)
        let outcome: ConsoleOutcome
        if var register = breaches {
            outcome = register.update(input, session: session)
            breaches = outcome == .back ? nil : register
            if outcome == .back { return }
        } else if var open = request {
            outcome = open.update(input, session: session)
            request = open
        } else if var view = audit {
            outcome = view.update(input, session: session)
            audit = view
        } else if var view = staffList {
            outcome = view.update(input, session: session)
            staffList = view
        } else {
            outcome = queue.update(input, session: session)
        }
        switch outcome {
        case .handled: break
        case .open(let reference): open(reference)
        case .back:
            request = nil
            queue.reload(session: session)
        case .ignored:
            if action == .quit { requestQuit() }
            if action == .breachRegister, request == nil, breaches == nil {
                breaches = ConsoleBreachView.open(session: session)
            }
        }
    }

    private func open(_ reference: String) {
        do {
            request = try ConsoleRequestView.load(reference: reference, session: session)
            request?.readRules(session: session)
        } catch {
            session.show(error: error)
        }
    }

    private static func isCharacter(_ key: Key) -> Bool {
        switch key {
        case .character, .text: true
        default: false
        }
    }

    private func requestQuit() {
        if hasUnsavedInput { overlay = .confirmQuit } else { isFinished = true }
    }

    private func handleOverlay(_ current: Overlay, key: Key) {
        switch current {
        case .confirmQuit:
            if KeyBindings.isYes(key, language: session.strings.language) { isFinished = true }
            overlay = nil
        case .help(var help):
            let action = KeyBindings.action(for: key, contexts: [.navigation], textInput: false)
            switch action {
            case .up, .down, .pageUp, .pageDown, .first, .last:
                help.scroll(action, visible: max(1, lastSize.height - 6))
                overlay = .help(help)
            case .quit:
                overlay = nil
                requestQuit()
            default: overlay = nil
            }
        }
    }

    // MARK: - Rendering

    /// Where the queue or the request draws: between the title bar and the status line.
    private var contentArea: Rect {
        let bounds = Rect(lastSize)
        return Rect(
            x: bounds.x, y: bounds.y + 1, width: bounds.width, height: bounds.height - 1 - Chrome.bottomRows)
    }

    /// Draws the current state into a fresh canvas of `size`.
    public func render(size: Size, glyphs: Glyphs) -> Canvas {
        lastSize = size.clamped()
        lastGlyphs = glyphs
        var canvas = Canvas(size: size, glyphs: glyphs)
        let strings = session.strings
        if tooSmall {
            TooSmallView.render(into: &canvas, needed: configuration.minimumSize, strings: strings)
            return canvas
        }
        header(into: &canvas)
        if let breaches {
            breaches.render(into: &canvas, area: contentArea, session: session)
        } else if let request {
            request.render(into: &canvas, area: contentArea, session: session)
        } else if let audit {
            audit.render(into: &canvas, area: contentArea, session: session)
        } else if let staffList {
            staffList.render(into: &canvas, area: contentArea, session: session)
        } else {
            queue.render(into: &canvas, area: contentArea, session: session)
        }
        Chrome.status(into: &canvas, flash: session.flash)
        let actions =
            breaches?.hintActions(session: session) ?? request?.hintActions ?? audit?.hintActions
            ?? staffList?.hintActions ?? queue.hintActions(staff: session.staff)
        Chrome.hints(
            into: &canvas, actions: actions, contexts: contexts, textInput: capturesText, strings: strings,
            labels: breaches == nil ? request?.hintLabels(strings: strings) ?? [:] : [:])
        let bounds = Rect(lastSize)
        switch overlay {
        case .help(let help): help.render(into: &canvas, area: bounds, strings: strings)
        case .confirmQuit: ConfirmQuitView.render(into: &canvas, area: bounds, strings: strings)
        case nil: break
        }
        return canvas
    }

    /// The title bar: the console's name on the left, the member of staff and their role on the right.
    private func header(into canvas: inout Canvas) {
        let width = canvas.size.width
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: .header)
        let strings = session.strings
        let used = canvas.write(" " + strings["console.title"], x: 0, y: 0, width: width, style: .header)
        let who =
            strings("console.header.staff", ["name": session.staff.displayName, "role": session.roleName]) + " "
        let room = width - used - 2
        guard room > 8 else { return }
        let whoWidth = min(TextWidth.columns(of: TextSanitizer.visible(who)), room)
        canvas.write(who, x: width - whoWidth, y: 0, width: whoWidth, style: .header)
    }
}
