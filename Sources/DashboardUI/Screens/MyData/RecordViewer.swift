import Foundation
import PrivacyModel
import TerminalKit

/// One record read whole, in a box over My data: every stored field with its full value (the table clips
/// long text), wrapped to the box and scrolled, so a long support message can be read at 80 columns.
struct RecordViewer {
    /// One field of the record: its label and its whole value as the reader reads it.
    struct Field: Equatable {
        /// The column's label.
        let label: String
        /// The value in words (codes in words, times and amounts formatted, text unclipped).
        let value: String
    }

    /// A line of the wrapped record and how it is drawn.
    struct Line: Equatable {
        /// The text.
        let text: String
        /// Whether it is a field's label.
        let isLabel: Bool
    }

    /// The record set's display name.
    let setName: String
    /// The record's time.
    let recordTime: Date
    /// Every field of the record, in the table's order.
    let fields: [Field]
    /// The first line shown.
    private(set) var scroll = 0

    /// The viewer for a record of `recordSet`: every column the store holds, none clipped.
    @MainActor
    static func make(recordSet: String, record: StoredRecord, session: Session) -> RecordViewer? {
        guard let table = RecordSetTable.named(recordSet) else { return nil }
        let shown = RecordColumns.columns(for: recordSet)
        let columns = table.columns.map { name -> RecordColumn in
            guard let column = shown.first(where: { $0.name == name }) else {
                return RecordColumn(name, name == table.timeColumn ? .dateTime : .text)
            }
            // A flag reads as its code words here ("no" as well as "held"), not as a mark in a narrow cell.
            if case .flag = column.kind { return RecordColumn(name, heading: column.heading) }
            return column
        }
        let values = RecordColumns.cells(
            of: record, table: table, columns: columns, formats: session.formats, strings: session.strings,
            clipped: false)
        let fields = zip(columns, values).map { column, value in
            Field(
                label: session.strings[column.titleKey],
                value: value.isEmpty ? session.strings["mydata.correct.empty"] : value)
        }
        let setName =
            session.catalogue.categories.lazy.flatMap(\.recordSets).first { $0.id == recordSet }?.name ?? recordSet
        return RecordViewer(setName: setName, recordTime: record.time, fields: fields)
    }

    /// The record's lines at `width` columns: each label, then its value wrapped under it, indented.
    func lines(width: Int) -> [Line] {
        guard width > 4 else { return [] }
        var lines: [Line] = []
        for field in fields {
            lines.append(Line(text: field.label, isLabel: true))
            lines += TextWrap.lines(field.value, width: width - 2).map { Line(text: "  " + $0, isLabel: false) }
        }
        return lines
    }

    /// The inside of the box over the screen `area`.
    static func inner(area: Rect) -> Rect {
        area.centred(width: min(area.width, 100), height: area.height).inset(dx: 2, dy: 1)
    }

    /// Rows of text the box shows (below the heading, above the position and the keys).
    static func textRows(area: Rect) -> Int { max(1, inner(area: area).height - 4) }

    /// Handles one key: the movement keys scroll, Esc closes (returns false).
    mutating func update(_ input: ScreenInput) -> Bool {
        let visible = Self.textRows(area: input.area)
        let bottom = max(0, lines(width: Self.inner(area: input.area).width).count - visible)
        switch input.action {
        case .back: return false
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= visible
        case .pageDown: scroll += visible
        case .first: scroll = 0
        case .last: scroll = bottom
        default: break
        }
        scroll = min(max(0, scroll), bottom)
        return true
    }

    // MARK: Drawing

    /// Draws the box over the screen `area`.
    @MainActor
    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let box = area.centred(width: min(area.width, 100), height: area.height)
        canvas.fill(box)
        canvas.box(box, title: strings["mydata.record.title"], style: .borderFocused)
        let inner = Self.inner(area: area)
        guard inner.width > 10, inner.height > 4 else { return }
        canvas.write(
            strings("mydata.correct.record", ["set": setName, "date": session.formats.dateTime(recordTime)]),
            x: inner.x, y: inner.y, width: inner.width, style: .heading)
        let all = lines(width: inner.width)
        let visible = Self.textRows(area: area)
        let first = min(scroll, max(0, all.count - visible))
        for (row, line) in all.dropFirst(first).prefix(visible).enumerated() {
            canvas.write(
                line.text, x: inner.x, y: inner.y + 2 + row, width: inner.width,
                style: line.isLabel ? .heading : .normal)
        }
        if all.count > visible {
            let last = min(all.count, first + visible)
            let formats = session.formats
            canvas.write(
                strings(
                    "mydata.record.position",
                    [
                        "from": formats.number(first + 1), "to": formats.number(last),
                        "total": formats.number(all.count),
                    ]), x: inner.x, y: inner.maxY - 2, width: inner.width, style: .muted)
        }
        let keys = KeyHints.footer(
            [
                KeyHint(.up, .down, label: "hint.scroll"), KeyHint(.pageUp, .pageDown, label: "mydata.record.page"),
                KeyHint(.first, .last, label: "mydata.record.ends"), KeyHint(.back),
            ], contexts: [.navigation], strings: strings, glyphs: canvas.glyphs)
        canvas.write(keys, x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
    }
}
