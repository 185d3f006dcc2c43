import PrivacyModel
import TerminalKit

/// Draws the account's requests as a table, newest first: reference, right, filed, due, days left, status.
@MainActor
enum RequestListView {
    /// Rows above the table (the summary and a gap) and below it (the deadline note).
    static let rowsAbove = 2
    static let rowsBelow = 1
    /// The narrowest screen that still shows the "filed" column.
    static let filedColumnMinimumWidth = 78

    /// How many requests fit in the table at once (the heading takes one row).
    static func visibleRows(in area: Rect) -> Int { max(1, area.height - rowsAbove - rowsBelow - 1) }

    /// Draws the list inside `area`.
    static func render(
        _ requests: [RightsRequest], list: ListState, into canvas: inout Canvas, area: Rect, session: Session,
        focused: Bool = true
    ) {
        let strings = session.strings
        let deadlines = session.catalogue.deadlines
        let inner = area.inset(dx: 1, dy: 0)
        let open = requests.filter(\.isOpen).count
        let summary =
            strings.plural("requests.list.count", count: requests.count) + canvas.glyphs.separator
            + strings.plural("requests.list.open", count: open)
        canvas.write(summary, x: inner.x + 1, y: inner.y, width: inner.width - 1, style: .title)
        let footer = strings(
            "requests.list.footer",
            ["hours": String(deadlines.receiptHours), "days": String(deadlines.responseDays)])
        canvas.write(footer, x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 1, style: .muted)
        let table = Rect(
            x: inner.x, y: inner.y + rowsAbove, width: inner.width,
            height: max(0, inner.height - rowsAbove - rowsBelow))
        guard !requests.isEmpty else {
            Dialog.paragraphs(
                [strings["requests.list.empty"]], into: &canvas,
                area: table.inset(dx: 1, dy: 0), style: .muted)
            return
        }
        var rows: [[String]] = []
        var styles: [Style?] = []
        for request in requests {
            let days = RequestText.daysLeft(request, session: session)
            rows.append([
                request.reference, RequestText.rightName(request.type, session: session),
                session.formats.date(request.filedAt), RequestText.due(request, session: session),
                (days.urgent ? "! " : "") + days.text, RequestText.status(request.status, session: session),
            ])
            styles.append(days.urgent ? .danger : (request.isOpen ? nil : .muted))
        }
        let titles = [
            "requests.column.reference", "requests.column.right", "requests.column.filed", "requests.column.due",
            "requests.column.daysLeft", "requests.column.status",
        ].map { strings[$0] }
        // Each column as wide as its widest cell or title; the status column may shrink to 6.
        let natural = titles.indices.map { column in
            rows.map { TextWidth.columns(of: $0[column]) }.reduce(TextWidth.columns(of: titles[column]), max)
        }
        var columns = titles.indices.dropLast().map { TableColumn(titles[$0], width: natural[$0]) }
        columns.append(TableColumn(titles[titles.count - 1], minWidth: 6))
        // Long right names (Datenübertragbarkeit) and statuses take the filing date's room first.
        let needed = natural.reduce(0, +) + natural.count - 1
        if area.width < filedColumnMinimumWidth || needed > table.width - 2 {
            columns.remove(at: 2)
            rows = rows.map { row in row.enumerated().filter { $0.offset != 2 }.map(\.element) }
        }
        let visible = visibleRows(in: area)
        TableView.render(
            into: &canvas, area: table, columns: columns, rows: rows, selected: list.selected,
            offset: list.visibleOffset(visible: visible), focused: focused, styles: styles)
        let offset = list.visibleOffset(visible: visible)
        if offset > 0 {
            canvas.write(String(canvas.glyphs.arrowUp), x: table.maxX - 1, y: table.y + 1, width: 1, style: .accent)
        }
        if offset + visible < requests.count {
            canvas.write(
                String(canvas.glyphs.arrowDown), x: table.maxX - 1, y: table.y + visible, width: 1, style: .accent)
        }
    }
}
