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
        var showFiled = area.width >= filedColumnMinimumWidth
        if showFiled {
            // Long right names (Datenübertragbarkeit) and statuses take the filing date's room first.
            let strings = session.strings
            let widest = { (texts: [String], title: String) in
                texts.map { TextWidth.columns(of: $0) }.reduce(TextWidth.columns(of: title), max)
            }
            let right = widest(
                requests.map { RequestText.rightName($0.type, session: session) }, strings["requests.column.right"])
            let status = widest(
                requests.map { RequestText.status($0.status, session: session) }, strings["requests.column.status"])
            let date = widest([session.formats.date(session.now)], strings["requests.column.due"])
            let days = widest([], strings["requests.column.daysLeft"])
            showFiled = 12 + right + 2 * date + max(days, 8) + status + 6 <= table.width - 2
        }
        var rows: [[String]] = []
        var styles: [Style?] = []
        for request in requests {
            let days = RequestText.daysLeft(request, session: session)
            var row = [request.reference, RequestText.rightName(request.type, session: session)]
            if showFiled { row.append(session.formats.date(request.filedAt)) }
            row += [
                RequestText.due(request, session: session),
                (days.urgent ? "! " : "") + days.text,
                RequestText.status(request.status, session: session),
            ]
            rows.append(row)
            styles.append(days.urgent ? .danger : (request.isOpen ? nil : .muted))
        }
        func fitted(_ title: String, column: Int) -> TableColumn {
            let widest = rows.map { TextWidth.columns(of: $0[column]) }.max() ?? 0
            return TableColumn(title, width: max(TextWidth.columns(of: title), widest))
        }
        var columns = [
            TableColumn(strings["requests.column.reference"], width: 12),
            fitted(strings["requests.column.right"], column: 1),
        ]
        var next = 2
        if showFiled {
            columns.append(fitted(strings["requests.column.filed"], column: next))
            next += 1
        }
        columns.append(fitted(strings["requests.column.due"], column: next))
        columns.append(fitted(strings["requests.column.daysLeft"], column: next + 1))
        columns.append(TableColumn(strings["requests.column.status"], minWidth: 6))
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
