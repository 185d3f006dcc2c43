import TerminalKit

/// Makes stored or typed text safe to print: no control character or escape sequence ever reaches the terminal.
///
/// The rules are TerminalKit's, the same the dashboard's canvas applies, so the CLI and the screens show
/// hostile text the same way.
enum SafeText {
    /// Replaces controls, DEL and bidirectional overrides with visible placeholders; a newline becomes ↵.
    static func clean(_ text: String) -> String {
        TextSanitizer.visible(text.replacingNewlines())
    }

    /// JSON text with every control a terminal could act on written as `\uXXXX`: JSONEncoder already escapes C0,
    /// this adds DEL, C1 (U+0080–U+009F, e.g. the one-byte CSI), bidirectional controls and the line and paragraph
    /// separators. JSON's own syntax is ASCII, so such a character can only stand inside a string, whose value
    /// stays exactly the same.
    static func inertJSON(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: isLive) else { return json }
        var result = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isLive(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// DEL, C1 and the bidirectional and separator controls (C0 inside a string is JSONEncoder's to escape; outside
    /// one only the layout's newlines and spaces occur).
    private static func isLive(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Columns a string takes in a terminal: wide East Asian characters count 2, combining marks 0.
    static func width(_ text: String) -> Int { TextWidth.columns(of: text) }

    /// Cuts text to at most `columns` display columns, ending with "…" when something was cut.
    static func truncate(_ text: String, to columns: Int) -> String {
        guard width(text) > columns else { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = TextWidth.columns(of: character)
            if used + w > columns - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }
}

extension String {
    /// A newline inside a table cell shows as ↵ so a row stays one line.
    fileprivate func replacingNewlines() -> String {
        guard contains(where: \.isNewline) else { return self }
        return String(map { $0 == "\n" ? "\u{21B5}" : $0 })
    }
}
