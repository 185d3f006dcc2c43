/// Makes stored text safe for a plain-text report read with `cat`: no control character or escape reaches a terminal.
enum ReportText {
    /// Replaces C0/C1 controls, DEL and bidirectional overrides with visible placeholders; a newline becomes "↵".
    static func clean(_ text: String) -> String {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: result += "\u{21B5}"
            case 0x09: result += " "
            case 0x00..<0x20: result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
            case 0x7F: result += "\u{2421}"
            case 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: result += "\u{FFFD}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Wraps plain words to `width` columns; the first line starts with `indent`, the rest with `hanging`
    /// (by default lined up under the first).
    static func wrap(_ text: String, indent: String, hanging: String? = nil, width: Int = 78) -> [String] {
        let hanging = hanging ?? String(repeating: " ", count: indent.count)
        var lines: [String] = []
        var line = indent
        var empty = true
        for word in clean(text).split(separator: " ") {
            if !empty, line.count + 1 + word.count > width {
                lines.append(line)
                line = hanging
                empty = true
            }
            line += (empty ? "" : " ") + word
            empty = false
        }
        if !empty { lines.append(line) }
        return lines
    }
}
