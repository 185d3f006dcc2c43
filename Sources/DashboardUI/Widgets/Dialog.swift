public import TerminalKit

/// Centred boxes drawn over a screen: confirmations, wizards, the help overlay.
public enum Dialog {
    /// Clears and frames a centred box of at most `width`×`height` inside `area`; returns the inside.
    public static func frame(
        into canvas: inout Canvas, area: Rect, width: Int, height: Int, title: String, style: Style = .borderFocused
    ) -> Rect {
        let box = area.centred(width: min(width, area.width), height: min(height, area.height))
        canvas.fill(box)
        canvas.box(box, title: title, style: style)
        return box.inset(dx: 2, dy: 1)
    }

    /// Writes wrapped paragraphs from the top of `area`; returns the rows used.
    @discardableResult
    public static func paragraphs(
        _ texts: [String], into canvas: inout Canvas, area: Rect, style: Style = .normal, skip: Int = 0
    ) -> Int {
        var lines: [String] = []
        for (index, text) in texts.enumerated() {
            if index > 0 { lines.append("") }
            lines += TextWrap.lines(text, width: area.width)
        }
        var row = 0
        for line in lines.dropFirst(skip) {
            guard row < area.height else { break }
            canvas.write(line, x: area.x, y: area.y + row, width: area.width, style: style)
            row += 1
        }
        return row
    }
}
