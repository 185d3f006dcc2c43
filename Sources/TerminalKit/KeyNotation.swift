/// Reads key scripts such as `lena<Tab>secret<Enter><Down><PgDn>` into terminal events.
///
/// Used by the headless `screen` command and by tests. Names are case-insensitive:
/// `<Tab>`, `<S-Tab>`, `<Enter>`, `<Esc>`, `<BS>`, `<Del>`, `<Up>`, `<Down>`, `<Left>`, `<Right>`,
/// `<PgUp>`, `<PgDn>`, `<Home>`, `<End>`, `<Space>`, `<F1>`…`<F12>`, `<C-l>`, `<lt>` for "<",
/// plus `<Tick>` (an idle wait) and `<Resize:80x24>`.
public enum KeyNotation {
    /// A script that cannot be read, with the offending part.
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        /// The unknown `<name>`.
        public let name: String
        /// One line for the person who wrote the script.
        public var description: String { "unknown key name <\(name)> in --keys (see --help for the names)" }
    }

    /// Parses a script into events.
    public static func parse(_ script: String) throws(ParseError) -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var index = script.startIndex
        while index < script.endIndex {
            let character = script[index]
            if character == "<", let close = script[index...].firstIndex(of: ">"), close > script.index(after: index) {
                let name = String(script[script.index(after: index)..<close])
                guard let event = event(named: name) else { throw ParseError(name: name) }
                events.append(event)
                index = script.index(after: close)
            } else {
                events.append(.key(key(forText: character)))
                index = script.index(after: index)
            }
        }
        return events
    }

    private static func key(forText character: Character) -> Key {
        switch character {
        case "\n", "\r": return .enter
        case "\t": return .tab
        default: return .character(character)
        }
    }

    private static let named: [String: Key] = [
        "tab": .tab, "s-tab": .backTab, "enter": .enter, "cr": .enter, "return": .enter, "esc": .escape,
        "escape": .escape, "bs": .backspace, "backspace": .backspace, "del": .delete, "delete": .delete,
        "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp,
        "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end, "space": .character(" "),
        "lt": .character("<"), "gt": .character(">"),
    ]

    private static func event(named raw: String) -> TerminalEvent? {
        let name = raw.lowercased()
        if let key = named[name] { return .key(key) }
        if name == "tick" { return .tick }
        if name.hasPrefix("resize:"), let size = Size(parsing: String(name.dropFirst(7))) { return .resize(size) }
        if name.hasPrefix("f"), let n = Int(name.dropFirst()), (1...12).contains(n) { return .key(.function(n)) }
        if name.hasPrefix("c-"), name.count == 3, let letter = name.last, letter.isLetter {
            return .key(.control(letter))
        }
        return nil
    }
}
