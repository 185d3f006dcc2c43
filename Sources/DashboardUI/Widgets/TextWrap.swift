import TerminalKit

/// Breaks prose into lines that fit a width in display columns, at spaces where possible.
///
/// The text is made visible first (control characters become placeholders, see `TextSanitizer`), so the
/// widths measured here are the widths drawn. The work is linear in the text and stops after `maxLines`:
/// a stored text of a megabyte costs no more than the lines that can be shown.
public enum TextWrap {
    /// The most lines one text is wrapped into; the last of them ends in "…" when the text goes on. Every text a
    /// person can enter fits (2,000 characters at 20 columns are 100 lines); a stored megabyte costs a frame no more.
    public static let maximumLines = 400

    /// The lines of `text` at `width` columns; explicit newlines start new paragraphs.
    public static func lines(_ text: String, width: Int, maxLines: Int = TextWrap.maximumLines) -> [String] {
        guard width > 0, maxLines > 0 else { return [] }
        var result: [String] = []
        // Each visible character takes at least one column, so no paragraph needs more than this many.
        let characterBudget = maxLines * width
        var rest = Substring(text)
        while result.count < maxLines {
            let end = rest.unicodeScalars.firstIndex(of: "\n") ?? rest.endIndex
            let paragraph = rest[..<end]
            wrap(paragraph.prefix(characterBudget), width: width, into: &result, maxLines: maxLines)
            guard end < rest.endIndex else { return result }
            rest = rest[rest.index(after: end)...]
        }
        if var last = result.popLast() {
            while TextWidth.columns(of: last) > width - 1, !last.isEmpty { last.removeLast() }
            result.append(last + "…")
        }
        return result
    }

    private static func wrap(_ paragraph: Substring, width: Int, into result: inout [String], maxLines: Int) {
        let visible = TextSanitizer.visible(String(paragraph))
        var line = ""
        var lineWidth = 0
        for word in visible.split(separator: " ", omittingEmptySubsequences: true) {
            guard result.count < maxLines else { return }
            let wordWidth = TextWidth.columns(of: word)
            if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
                line += " "
                line += word
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                result.append(line)
                line = ""
                lineWidth = 0
            }
            if wordWidth <= width {
                line = String(word)
                lineWidth = wordWidth
                continue
            }
            // A word longer than the line is split by columns, in one pass over its characters.
            for character in word {
                let w = TextWidth.columns(of: character)
                if lineWidth > 0 && lineWidth + w > width {
                    result.append(line)
                    guard result.count < maxLines else { return }
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += w
            }
        }
        if result.count < maxLines { result.append(line) }
    }
}
