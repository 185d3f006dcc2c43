/// A key press, after the terminal's escape sequences have been decoded.
public enum Key: Sendable, Hashable {
    /// A printable character typed as text.
    case character(Character)
    /// Ctrl with a letter, given in lower case (Ctrl-L is `.control("l")`).
    case control(Character)
    /// Enter or Return.
    case enter
    /// Esc.
    case escape
    /// Backspace.
    case backspace
    /// Tab.
    case tab
    /// Shift-Tab.
    case backTab
    /// Delete (forward).
    case delete
    /// Arrow keys.
    case up, down, left, right
    /// Page keys.
    case pageUp, pageDown
    /// Home and End.
    case home, end
    /// A function key, F1 to F12.
    case function(Int)
    /// Printable characters that arrived together (a paste): the terminals join a run of waiting
    /// characters into one, so a long paste is handled at once instead of key by key.
    case text(String)

    /// The most characters joined into one `.text`, so a paste without end still yields frames and signals: ncurses
    /// reads a terminal one byte per read(2), about 5 µs a byte, so a run of 8,192 takes some 40 ms to arrive and
    /// a frame follows within the runner's input budget (65,536 kept the screen still for a third of a second).
    public static let longestTextRun = 8_192

    /// The short name shown in the key-hint bar and help, e.g. "Tab", "PgDn", "^L", "F1".
    public var label: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "^" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Bksp"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .text(let text): return text
        }
    }

    /// The label in plain ASCII, for terminals without Unicode.
    public var asciiLabel: String {
        switch self {
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        default: return label
        }
    }
}

/// Something that happened at the terminal.
public enum TerminalEvent: Sendable, Hashable {
    /// A key was pressed.
    case key(Key)
    /// The window changed size.
    case resize(Size)
    /// Nothing happened within the wait; lets the dashboard check the idle timer and the clock.
    case tick
    /// The session ends: input closed, or SIGINT, SIGTERM or SIGHUP arrived.
    case closed(signal: Int32?)
}
