import TerminalKit

/// The help overlay, generated from the key-binding table so it always matches the keys.
struct HelpOverlay {
    private var offset = 0

    /// Every line of help: a heading per context, then "keys — what they do".
    static func lines(strings: Strings, ascii: Bool) -> [(text: String, isHeading: Bool)] {
        var lines: [(String, Bool)] = []
        for context in BindingContext.allCases {
            let bindings = KeyBindings.table.filter { $0.context == context }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(("", false)) }
            lines.append((strings["help.context.\(context.rawValue)"], true))
            for binding in bindings {
                let keys = binding.keys.map { ascii ? $0.asciiLabel : $0.label }.joined(separator: " ")
                let padded = keys + String(repeating: " ", count: max(1, 16 - TextWidth.columns(of: keys)))
                lines.append(("  " + padded + strings[binding.help], false))
            }
        }
        return lines
    }

    /// Scrolls by a navigation action.
    mutating func scroll(_ action: Action?, visible: Int) {
        switch action {
        case .up: offset -= 1
        case .down: offset += 1
        case .pageUp: offset -= visible
        case .pageDown: offset += visible
        case .first: offset = 0
        case .last: offset = Int.max / 2
        default: break
        }
        offset = max(0, offset)
    }

    /// Draws the overlay over the whole terminal.
    func render(into canvas: inout Canvas, area: Rect, strings: Strings) {
        let all = Self.lines(strings: strings, ascii: canvas.glyphs.asciiText)
        let box = area.inset(dx: 2, dy: 1)
        let inner = Dialog.frame(
            into: &canvas, area: area, width: box.width, height: box.height, title: strings["help.title"])
        let visible = max(1, inner.height - 1)
        let start = min(offset, max(0, all.count - visible))
        for (row, line) in all.dropFirst(start).prefix(visible).enumerated() {
            canvas.write(
                line.text, x: inner.x, y: inner.y + row, width: inner.width, style: line.isHeading ? .heading : .normal)
        }
        let more = start + visible < all.count
        let footer = strings[more ? "help.footer.more" : "help.footer"]
        canvas.write(footer, x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
    }
}
