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
