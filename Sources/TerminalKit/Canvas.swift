/// A grid of cells that screens draw into; terminals present it.
///
/// Every write goes through `TextSanitizer`, is clipped by display width to the canvas and the
/// given width, never wraps, and stops at border cells, so stored text can neither drive the
/// terminal nor break the layout.
public struct Canvas: Sendable, Hashable {
    /// Columns and rows.
    public let size: Size
    /// The characters used for borders, bars and markers.
    public let glyphs: Glyphs
    /// Row-major cells.
    public private(set) var cells: [Cell]

    /// A blank canvas, at most `Size.maximum` whatever size is asked for.
    public init(size: Size, glyphs: Glyphs = .unicode) {
        self.size = size.clamped()
        self.glyphs = glyphs
        cells = Array(repeating: .blank(), count: self.size.width * self.size.height)
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(size) }

    /// The cell at a position (a blank cell outside the canvas).
    public subscript(x: Int, y: Int) -> Cell {
        guard contains(x: x, y: y) else { return .blank() }
        return cells[y * size.width + x]
    }

    private func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < size.width && y < size.height }

    private mutating func set(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let index = y * size.width + x
        // Overwriting half of a wide character blanks its other half.
        let old = cells[index]
        if old.width == 2, x + 1 < size.width { cells[index + 1] = .blank(old.style) }
        if old.width == 0, x > 0, cells[index - 1].width == 2 { cells[index - 1] = .blank(old.style) }
        cells[index] = cell
    }

    /// Paints a rectangle with spaces in a style, borders included.
    public mutating func fill(_ rect: Rect, style: Style = .normal) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) {
                cells[y * size.width + x] = .blank(style)
            }
        }
    }

    /// Writes text on one row from `x`, within `width` columns (default: to the canvas edge).
    ///
    /// Text that does not fit ends in an ellipsis (unless `ellipsis` is false); a wide character
    /// that would straddle the limit is left out. Returns the columns used.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, width: Int? = nil, style: Style = .normal, ellipsis: Bool = true
    ) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = min(width ?? (size.width - x), size.width - x)
        guard limit > 0 else { return 0 }
        let safe = TextSanitizer.visible(text, asciiOnly: glyphs.asciiText)
        let total = TextWidth.columns(of: safe)
        let cut = total > limit
        let room = cut && ellipsis ? limit - 1 : limit
        var column = x
        var used = 0
        for character in safe {
            let w = TextWidth.columns(of: character)
            if w == 0 {
                appendCombining(character, beforeX: column, y: y)
                continue
            }
            if used + w > room { break }
            if column >= 0 {
                if self[column, y].isBorder || (w == 2 && self[column + 1, y].isBorder) { return used }
                set(Cell(grapheme: String(character), width: UInt8(w), style: style, isBorder: false), x: column, y: y)
                if w == 2 { set(Cell(grapheme: "", width: 0, style: style, isBorder: false), x: column + 1, y: y) }
            }
            column += w
            used += w
        }
        if cut && ellipsis && column >= 0 && !self[column, y].isBorder {
            set(Cell(grapheme: String(glyphs.ellipsis), width: 1, style: style, isBorder: false), x: column, y: y)
            used += 1
            column += 1
        }
        return used
    }

    private mutating func appendCombining(_ character: Character, beforeX column: Int, y: Int) {
        var x = column - 1
        while x >= 0, self[x, y].width == 0 { x -= 1 }
        guard x >= 0, contains(x: x, y: y), !cells[y * size.width + x].isBorder else { return }
        cells[y * size.width + x].grapheme.append(character)
    }

    /// Writes text padded with spaces to exactly `width` columns, e.g. a table cell or a selected row.
    @discardableResult
    public mutating func writePadded(
        _ text: String, x: Int, y: Int, width: Int, style: Style = .normal, alignRight: Bool = false
    ) -> Int {
        guard width > 0 else { return 0 }
        fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        let textWidth = min(TextWidth.columns(of: TextSanitizer.visible(text, asciiOnly: glyphs.asciiText)), width)
        let start = alignRight ? x + width - textWidth : x
        write(text, x: start, y: y, width: width - (start - x), style: style)
        return width
    }

    /// Draws a border around `rect` (and marks it as border) with an optional title on the top edge.
    public mutating func box(_ rect: Rect, title: String? = nil, style: Style = .border, titleStyle: Style = .title) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let g = glyphs
        for x in rect.x + 1..<rect.maxX - 1 {
            setBorder(g.horizontal, x: x, y: rect.y, style: style)
            setBorder(g.horizontal, x: x, y: rect.maxY - 1, style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            setBorder(g.vertical, x: rect.x, y: y, style: style)
            setBorder(g.vertical, x: rect.maxX - 1, y: y, style: style)
        }
        setBorder(g.topLeft, x: rect.x, y: rect.y, style: style)
        setBorder(g.topRight, x: rect.maxX - 1, y: rect.y, style: style)
        setBorder(g.bottomLeft, x: rect.x, y: rect.maxY - 1, style: style)
        setBorder(g.bottomRight, x: rect.maxX - 1, y: rect.maxY - 1, style: style)
        if let title, rect.width > 6 {
            // The title sits on the border row; temporarily lift the border flag under it.
            let room = rect.width - 4
            let label = " \(title) "
            let shown = min(TextWidth.columns(of: TextSanitizer.visible(label, asciiOnly: g.asciiText)), room)
            for x in rect.x + 2..<rect.x + 2 + shown { unsetBorder(x: x, y: rect.y) }
            write(label, x: rect.x + 2, y: rect.y, width: room, style: titleStyle)
            for x in rect.x + 2..<rect.x + 2 + shown { markBorder(x: x, y: rect.y) }
        }
    }

    /// Draws a horizontal rule that text cannot overwrite.
    public mutating func horizontalRule(x: Int, y: Int, width: Int, style: Style = .border) {
        for column in x..<x + max(0, width) { setBorder(glyphs.horizontal, x: column, y: y, style: style) }
    }

    /// Draws a vertical rule that text cannot overwrite.
    public mutating func verticalRule(x: Int, y: Int, height: Int, style: Style = .border) {
        for row in y..<y + max(0, height) { setBorder(glyphs.vertical, x: x, y: row, style: style) }
    }

    private mutating func setBorder(_ glyph: Character, x: Int, y: Int, style: Style) {
        set(Cell(grapheme: String(glyph), width: 1, style: style, isBorder: true), x: x, y: y)
    }

    private mutating func unsetBorder(x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        cells[y * size.width + x].isBorder = false
    }

    private mutating func markBorder(x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        cells[y * size.width + x].isBorder = true
    }

    /// Changes the style of cells in a rectangle without changing their text (e.g. to highlight a row).
    public mutating func restyle(_ rect: Rect, style: Style) {
        for y in max(0, rect.y)..<min(size.height, rect.maxY) {
            for x in max(0, rect.x)..<min(size.width, rect.maxX) where !cells[y * size.width + x].isBorder {
                cells[y * size.width + x].style = style
            }
        }
    }

    /// The text of one row, trailing spaces removed (wide characters appear once).
    public func line(_ y: Int) -> String {
        guard y >= 0, y < size.height else { return "" }
        var text = ""
        for x in 0..<size.width {
            let cell = cells[y * size.width + x]
            if cell.width > 0 { text += cell.grapheme }
        }
        while text.last == " " { text.removeLast() }
        return text
    }

    /// Every row's text, for tests, headless runs and logs.
    public var lines: [String] { (0..<size.height).map(line) }

    /// The whole canvas as text, rows joined by newlines.
    public var plainText: String { lines.joined(separator: "\n") }

    /// Whether any row contains `text`.
    public func contains(_ text: String) -> Bool { lines.contains { $0.contains(text) } }
}
