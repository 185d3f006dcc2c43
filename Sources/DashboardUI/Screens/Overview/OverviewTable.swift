import TerminalKit

/// A compact table for the overview: a heading row and rows whose cells may be replaced by one note
/// (e.g. "nothing held") or carry a short tag at the end of the first cell (e.g. "restricted").
enum OverviewTable {
    /// One row of cells, its style and its optional note and tag.
    struct Row {
        /// One text per column.
        let cells: [String]
        /// The row's style when not selected.
        var style: Style = .normal
        /// Shown from the third column to the end instead of the cells there.
        var note: String?
        /// Shown at the right end of the first column.
        var tag: String?
    }

    /// Draws the heading and the rows from `offset` that fit in `area`; the selected row gets the pointer.
    static func render(
        into canvas: inout Canvas, area: Rect, columns: [TableColumn], rows: [Row], selected: Int?, offset: Int
    ) {
        guard area.height > 0, area.width > 4 else { return }
        let widths = TableView.widths(columns, total: area.width - 2)
        var x = area.x + 2
        for (index, column) in columns.enumerated() {
            canvas.writePadded(
                column.title, x: x, y: area.y, width: min(widths[index], area.maxX - x), style: .heading,
                alignRight: column.alignRight)
            x += widths[index] + 1
            guard x < area.maxX else { break }
        }
        for line in 0..<max(0, area.height - 1) {
            let index = offset + line
            guard index < rows.count else { break }
            let row = rows[index]
            let y = area.y + 1 + line
            let isSelected = index == selected
            let style: Style = isSelected ? .selected : row.style
            if isSelected {
                canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
                canvas.write(String(canvas.glyphs.pointer), x: area.x, y: y, width: 1, style: style)
            }
            var cellX = area.x + 2
            for (column, text) in row.cells.enumerated() where column < columns.count {
                let width = min(widths[column], area.maxX - cellX)
                guard width > 0 else { break }
                if column >= 2, let note = row.note {
                    canvas.write(note, x: cellX, y: y, width: area.maxX - cellX, style: isSelected ? style : .muted)
                    break
                }
                canvas.writePadded(
                    text, x: cellX, y: y, width: width, style: style, alignRight: columns[column].alignRight)
                if column == 0, let tag = row.tag {
                    let label = " [\(tag)]"
                    let tagWidth = min(TextWidth.columns(of: label), width)
                    canvas.write(
                        label, x: cellX + width - tagWidth, y: y, width: tagWidth, style: isSelected ? style : .warning)
                }
                cellX += widths[column] + 1
            }
        }
    }

    /// The first row to show so `selected` (when in this table) stays inside `visible` rows.
    static func offset(selected: Int?, visible: Int) -> Int {
        guard let selected, visible > 0 else { return 0 }
        return max(0, selected - visible + 1)
    }
}
