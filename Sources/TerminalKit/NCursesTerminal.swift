import CNCursesW
import Glibc

/// The real terminal, through ncursesw: frames are copied into ncurses, which sends only what changed.
@MainActor
public final class NCursesTerminal: Terminal {
    /// The window size (at most `Size.maximum`), updated on resize.
    public private(set) var size: Size
    /// Unicode or ASCII, from the codeset and `--ascii`.
    public let glyphs: Glyphs
    /// Chosen from NO_COLOR and the colours the terminal reports.
    public let theme: Theme

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let attributesByStyle: [attr_t]
    /// The colour pair of each style (0 = the terminal's own colours); `setcchar` takes it apart from the attributes.
    private let pairsByStyle: [Int16]
    private var previous: Canvas?
    /// The event that ended a run of pasted characters, delivered by the next call.
    private var held: TerminalEvent?
    private var stopped = false

    /// Takes over the terminal: checks for a TTY and a known TERM, then sets raw, no-echo, keypad mode.
    public static func start(options: TerminalOptions) throws(TerminalStartError) -> NCursesTerminal {
        guard isatty(0) == 1, isatty(1) == 1 else { throw .notATerminal }
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        guard !term.isEmpty, let input = fdopen(dup(0), "r"), let output = fdopen(dup(1), "w") else {
            throw .unknownTerminal(term)
        }
        // ncurses sizes its first screen from LINES and COLUMNS when set: an oversized window starts cut down.
        WindowSizeSignal.install()
        if let size = WindowSizeSignal.current() {
            setenv("COLUMNS", String(size.width), 1)
            setenv("LINES", String(size.height), 1)
        }
        guard let screen = newterm(term, output, input) else {
            fclose(input)
            fclose(output)
            throw .unknownTerminal(term)
        }
        set_term(screen)
        guard let window = pd_stdscr() else { throw .unknownTerminal(term) }
        return NCursesTerminal(screen: screen, window: window, options: options)
    }

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, options: TerminalOptions) {
        self.screen = screen
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        leaveok(window, true)
        if !options.userEscDelay { set_escdelay(25) }
        var colors = 0
        if !options.noColor, has_colors() {
            start_color()
            use_default_colors()
            colors = Int(pd_colors())
        }
        let theme = Theme.choose(noColor: options.noColor, colors: colors)
        self.theme = theme
        let codesetIsUTF8 =
            String(cString: nl_langinfo(nl_item(CODESET))).uppercased().replacingOccurrences("-", "") == "UTF8"
        self.glyphs = options.ascii || !codesetIsUTF8 ? .ascii(asciiText: !codesetIsUTF8) : .unicode
        var attributes: [attr_t] = []
        var pairs: [Int16] = []
        for style in Style.allCases {
            let look = theme.attributes(style)
            var value = pd_a_normal()
            if look.bold { value |= pd_a_bold() }
            if look.underline { value |= pd_a_underline() }
            if look.reverse { value |= pd_a_reverse() }
            if look.dim { value |= pd_a_dim() }
            var pair: Int16 = 0
            if theme.kind != .monochrome, look.foreground != nil || look.background != nil {
                pair = Int16(style.rawValue + 1)
                init_pair(pair, Int16(look.foreground ?? -1), Int16(look.background ?? -1))
            }
            attributes.append(value)
            pairs.append(pair)
        }
        attributesByStyle = attributes
        pairsByStyle = pairs
        size = Size(width: Int(pd_cols()), height: Int(pd_lines())).clamped()
    }

    /// Waits for a key, a resize, a termination signal or the timeout; characters already waiting (a paste)
    /// arrive as one `.text`.
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        if let event = held {
            held = nil
            return event
        }
        let event = readEvent(timeoutMilliseconds: timeoutMilliseconds)
        guard case .key(.character(let first)) = event else { return event }
        return joinWaitingText(after: first)
    }

    /// Characters already waiting behind the first (a paste) join it as one `.text`; the event that ends the run
    /// is kept for the next call.
    private func joinWaitingText(after first: Character) -> TerminalEvent {
        var text = String(first)
        var taken = 1
        while taken < Key.longestTextRun, TerminationSignals.received == nil {
            let next = readEvent(timeoutMilliseconds: 0)
            guard case .key(.character(let character)) = next else {
                if next != .tick { held = next }
                break
            }
            text.append(character)
            taken += 1
        }
        return taken == 1 ? .key(.character(first)) : .key(.text(text))
    }

    /// Reads one event from ncurses, waiting up to `timeoutMilliseconds`.
    private func readEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        var waited = 0
        let slice = 100
        while true {
            if let number = TerminationSignals.received { return .closed(signal: number) }
            if WindowSizeSignal.takeChange(), let newSize = WindowSizeSignal.current() {
                resizeterm(Int32(newSize.height), Int32(newSize.width))
                size = newSize
                previous = nil
                return .resize(size)
            }
            wtimeout(window, Int32(min(slice, max(0, timeoutMilliseconds - waited))))
            var value: UInt32 = 0
            let result = pd_get_wch(window, &value)
            if let number = TerminationSignals.received { return .closed(signal: number) }
            if result == KEY_CODE_YES {
                if Int32(value) == KEY_RESIZE {
                    size = Size(width: Int(pd_cols()), height: Int(pd_lines())).clamped()
                    previous = nil
                    return .resize(size)
                }
                if let key = Self.specialKey(Int32(value)) { return .key(key) }
                continue
            }
            if result == OK {
                if let key = Self.textKey(value) { return .key(key) }
                continue
            }
            // ERR: a timeout, or the terminal went away (a dropped SSH connection).
            var attributes = termios()
            if tcgetattr(0, &attributes) != 0 { return .closed(signal: SIGHUP) }
            waited += slice
            if waited >= timeoutMilliseconds { return .tick }
        }
    }

    private static func specialKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        default:
            for n in 1...12 where code == pd_key_f(Int32(n)) { return .function(n) }
            return nil
        }
    }

    private static func textKey(_ value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26:
            guard let scalar = Unicode.Scalar(value + 96) else { return nil }
            return .control(Character(scalar))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// Copies the cells that changed since the last frame into ncurses and lets it update the screen.
    public func present(_ canvas: Canvas) {
        let full = previous == nil || previous?.size != canvas.size
        if full { werase(window) }
        for y in 0..<canvas.size.height {
            for x in 0..<canvas.size.width {
                let cell = canvas[x, y]
                guard cell.width > 0 else { continue }
                if !full, let old = previous?[x, y], old == cell { continue }
                var scalars = cell.grapheme.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) }
                if scalars.isEmpty { scalars = [wchar_t(32)] }
                scalars.append(0)
                _ = pd_put_cell(
                    window, Int32(y), Int32(x), scalars, attributesByStyle[cell.style.rawValue],
                    pairsByStyle[cell.style.rawValue])
            }
        }
        previous = canvas
        wnoutrefresh(window)
        doupdate()
    }

    /// Makes the next frame repaint the whole physical screen.
    public func invalidate() {
        previous = nil
        clearok(window, true)
    }

    /// Gives the terminal back: leaves curses mode so the shell prompt works again.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        endwin()
        delscreen(screen)
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: Character, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
