public import TerminalKit

/// A column of a table: its heading, its share of the width and its alignment.
public struct TableColumn: Sendable {
    /// The heading text (already translated).
    public let title: String
    /// Fixed width in columns, or nil to share the remaining width.
    public let width: Int?
    /// The least width a shared column gets.
    public let minWidth: Int
    /// Right-align (numbers, dates).
    public let alignRight: Bool

    /// Makes a column.
    public init(_ title: String, width: Int? = nil, minWidth: Int = 6, alignRight: Bool = false) {
        self.title = title
        self.width = width
        self.minWidth = minWidth
        self.alignRight = alignRight
    }
}

/// Draws rows of text in aligned columns with a heading row and a highlighted selected row.
///
/// Cells are clipped by display width, so German, French and CJK text stay in their columns.
public enum TableView {
    /// The widths each column gets inside `total` columns (one space between columns).
    public static func widths(_ columns: [TableColumn], total: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.compactMap(\.width).reduce(0, +)
        let flexible = columns.filter { $0.width == nil }
        let spare = max(0, total - gaps - fixed)
        let share = flexible.isEmpty ? 0 : spare / flexible.count
        var extra = flexible.isEmpty ? 0 : spare - share * flexible.count
        return columns.map { column in
            if let width = column.width { return width }
            var width = max(column.minWidth, share)
            if extra > 0 {
                width += 1
                extra -= 1
            }
            return width
        }
    }

    /// Draws the heading and `rows` starting at row `offset`, the `selected` row highlighted.
    ///
    /// `styles` may give a row its own style (e.g. overdue in the danger style); a selected row
    /// also gets the pointer glyph so selection never depends on colour.
    public static func render(
        into canvas: inout Canvas, area: Rect, columns: [TableColumn], rows: [[String]], selected: Int?,
        offset: Int = 0, focused: Bool = true, styles: [Style?] = []
    ) {
        guard area.height > 0, area.width > 2 else { return }
        let widths = Self.widths(columns, total: area.width - 2)
        var x = area.x + 2
        for (index, column) in columns.enumerated() {
            canvas.writePadded(
                column.title, x: x, y: area.y, width: widths[index], style: .heading, alignRight: column.alignRight)
            x += widths[index] + 1
        }
        let visible = area.height - 1
        guard visible > 0 else { return }
        for line in 0..<visible {
            let rowIndex = offset + line
            guard rowIndex < rows.count else { break }
            let y = area.y + 1 + line
            let isSelected = rowIndex == selected
            let rowStyle: Style =
                isSelected
                ? (focused ? .selected : .selectedInactive)
                : (styles.indices.contains(rowIndex) ? styles[rowIndex] ?? .normal : .normal)
            if isSelected {
                canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: rowStyle)
                canvas.write(String(canvas.glyphs.pointer), x: area.x, y: y, width: 1, style: rowStyle)
            }
            var cellX = area.x + 2
            for (index, column) in columns.enumerated() where index < rows[rowIndex].count {
                canvas.writePadded(
                    rows[rowIndex][index], x: cellX, y: y, width: widths[index], style: rowStyle,
                    alignRight: column.alignRight)
                cellX += widths[index] + 1
            }
        }
    }
}
