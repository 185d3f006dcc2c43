/// Renders a canvas as text with ANSI SGR sequences, for `screen --ansi` output.
public enum ANSIRenderer {
    /// The canvas as lines with colour and attribute sequences from `theme`, ending in a reset.
    public static func render(_ canvas: Canvas, theme: Theme) -> String {
        var output = ""
        for y in 0..<canvas.size.height {
            var current: Style?
            for x in 0..<canvas.size.width {
                let cell = canvas[x, y]
                guard cell.width > 0 else { continue }
                if cell.style != current {
                    output += sequence(theme.attributes(cell.style))
                    current = cell.style
                }
                output += cell.grapheme
            }
            output += "\u{1B}[0m\n"
        }
        return output
    }

    /// The SGR sequence for one look.
    public static func sequence(_ attributes: StyleAttributes) -> String {
        var codes = ["0"]
        if attributes.bold { codes.append("1") }
        if attributes.dim { codes.append("2") }
        if attributes.underline { codes.append("4") }
        if attributes.reverse { codes.append("7") }
        if let fg = attributes.foreground { codes.append(fg < 8 ? "3\(fg)" : "38;5;\(fg)") }
        if let bg = attributes.background { codes.append(bg < 8 ? "4\(bg)" : "48;5;\(bg)") }
        return "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}
