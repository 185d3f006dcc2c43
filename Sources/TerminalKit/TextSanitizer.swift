/// Turns untrusted text (from the store or typed by a person) into text that cannot drive a terminal.
///
/// Control characters become visible Control Pictures (ESC shows as ␛), C1 controls and
/// bidirectional overrides become �, so an escape sequence is shown, never executed.
public enum TextSanitizer {
    /// The visible form of `text`; with `asciiOnly`, anything outside printable ASCII becomes "?".
    public static func visible(_ text: String, asciiOnly: Bool = false) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where scalar.value < 0x20 || scalar.value >= 0x7F {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x09:
                result.append(" ")
            case 0x00..<0x20:
                if asciiOnly {
                    result.append(contentsOf: "^".unicodeScalars)
                    result.append(Unicode.Scalar(UInt8(value + 0x40)))
                } else {
                    result.append(Unicode.Scalar(0x2400 + value) ?? "?")
                }
            case 0x7F:
                if asciiOnly { result.append(contentsOf: "^?".unicodeScalars) } else { result.append("\u{2421}") }
            case 0x80..<0xA0, 0x061C, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0xFFF9...0xFFFB:
                result.append(asciiOnly ? "?" : "\u{FFFD}")
            default:
                if asciiOnly && value > 0x7E {
                    if TextWidth.columns(of: scalar) > 0 { result.append("?") }
                } else {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }
}
