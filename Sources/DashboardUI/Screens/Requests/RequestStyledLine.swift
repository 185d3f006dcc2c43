import TerminalKit

/// One prepared line of a request panel: text, its style and how far it is indented.
struct RequestStyledLine: Equatable {
    /// The text (already wrapped to fit).
    let text: String
    /// How it is drawn.
    let style: Style
    /// Columns left blank before it.
    let indent: Int

    /// Makes a line.
    init(_ text: String, style: Style = .normal, indent: Int = 0) {
        self.text = text
        self.style = style
        self.indent = indent
    }

    /// An empty line.
    static let blank = RequestStyledLine("")

    /// "Label   value" with the value wrapped under itself, for a label column of `labelWidth`.
    static func labelled(
        _ label: String, _ value: String, labelWidth: Int, width: Int, style: Style = .normal, indent: Int = 0
    ) -> [RequestStyledLine] {
        labelled(
            label, wrap: { TextWrap.lines(value, width: $0) }, labelWidth: labelWidth, width: width, style: style,
            indent: indent)
    }

    /// The same with the value's lines from `wrap`, given the value's width (a cache, for long texts).
    static func labelled(
        _ label: String, wrap: (Int) -> [String], labelWidth: Int, width: Int, style: Style = .normal,
        indent: Int = 0
    ) -> [RequestStyledLine] {
        let valueWidth = max(8, width - indent - labelWidth - 2)
        let wrapped = wrap(valueWidth)
        var lines: [RequestStyledLine] = []
        let pad = String(repeating: " ", count: max(0, labelWidth - TextWidth.columns(of: label)) + 2)
        for (index, part) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
            if index == 0 {
                lines.append(RequestStyledLine(label + pad + part, style: style, indent: indent))
            } else {
                lines.append(RequestStyledLine(part, style: style, indent: indent + labelWidth + 2))
            }
        }
        return lines
    }

    /// Prose wrapped to `width`, every line in the same style and indent.
    static func wrapped(_ text: String, width: Int, style: Style = .normal, indent: Int = 0) -> [RequestStyledLine] {
        wrapped(wrap: { TextWrap.lines(text, width: $0) }, width: width, style: style, indent: indent)
    }

    /// The same with the lines from `wrap`, given the width (a cache, for long texts).
    static func wrapped(wrap: (Int) -> [String], width: Int, style: Style = .normal, indent: Int = 0)
        -> [RequestStyledLine]
    {
        wrap(max(8, width - indent)).map { RequestStyledLine($0, style: style, indent: indent) }
    }

    /// Draws lines from the top of `area`, skipping the first `skip`; returns the rows used.
    @discardableResult
    static func draw(_ lines: [RequestStyledLine], into canvas: inout Canvas, area: Rect, skip: Int = 0) -> Int {
        var row = 0
        for line in lines.dropFirst(skip) {
            guard row < area.height else { break }
            let x = area.x + min(line.indent, max(0, area.width - 1))
            canvas.write(line.text, x: x, y: area.y + row, width: area.maxX - x, style: line.style)
            row += 1
        }
        return row
    }
}
