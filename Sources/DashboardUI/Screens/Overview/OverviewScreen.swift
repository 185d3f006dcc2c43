import PrivacyModel
import TerminalKit

/// Screen 1: what is held per category, open requests, a preferences summary and what needs attention.
///
/// Up/Down move over the category and request rows; Enter on a category opens My data with that
/// category selected, on a request opens Requests with that request selected. At 110 columns and
/// wider the alerts and preferences move to a right column.
struct OverviewScreen: DashboardScreen {
    let id = ScreenID.overview
    var contexts: [BindingContext] { [.overview] }
    var hintActions: [Action] {
        snapshot.hasNotices ? [.select, .down, .openNotices, .nextFocus] : [.select, .down, .nextFocus]
    }

    func hintLabels(strings: Strings) -> [Action: String] {
        var labels = [Action.nextFocus: strings["overview.hint.nextScreen"]]
        if categorySelection != nil {
            labels[.select] = strings["overview.hint.showData"]
        } else if requestSelection != nil {
            labels[.select] = strings["overview.hint.showRequest"]
        }
        return labels
    }

    private var snapshot = OverviewSnapshot()
    private var selection = 0

    /// Columns from which the alerts and preferences get their own column.
    static let wideFrom = 110

    private var rowCount: Int { snapshot.categories.count + snapshot.requests.count }

    mutating func activate(session: Session) {
        do {
            snapshot = try OverviewSnapshot.load(session: session)
        } catch {
            session.show(error: error)
        }
        selection = min(selection, max(0, rowCount - 1))
    }

    mutating func update(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        switch input.action {
        case .up, .down, .pageUp, .pageDown, .first, .last:
            var list = ListState(selected: selection)
            _ = list.apply(input.action, count: rowCount, page: max(1, input.area.height / 2))
            selection = list.selected
            return .handled
        case .select:
            if let index = categorySelection, snapshot.categories.indices.contains(index) {
                return .reveal(.myData, item: snapshot.categories[index].id)
            }
            if let index = requestSelection, snapshot.requests.indices.contains(index) {
                return .reveal(.requests, item: snapshot.requests[index].reference)
            }
            return .handled
        default:
            return .ignored
        }
    }

    // MARK: - Rendering

    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let inner = Rect(x: area.x + 1, y: area.y, width: max(0, area.width - 2), height: area.height)
        guard inner.width > 10, inner.height > 2 else { return }
        if area.width >= Self.wideFrom {
            renderWide(into: &canvas, area: inner, session: session)
        } else {
            renderStacked(into: &canvas, area: inner, session: session)
        }
    }

    private var categorySelection: Int? { selection < snapshot.categories.count ? selection : nil }
    private var requestSelection: Int? {
        selection >= snapshot.categories.count ? selection - snapshot.categories.count : nil
    }

    private func alertLines(session: Session) -> [(text: String, kind: Flash.Kind)] {
        let lines = snapshot.alerts.map { OverviewText.alert($0, session: session) }
        return lines.isEmpty ? [(session.strings["overview.alerts.none"], .success)] : lines
    }

    /// One column: alerts, data table, requests, preferences; the table scrolls when rows run short.
    private func renderStacked(into canvas: inout Canvas, area: Rect, session: Session) {
        let alerts = alertLines(session: session)
        let groups = snapshot.preferenceGroups
        let requestsFull = snapshot.requests.isEmpty ? 1 : 1 + snapshot.requests.count
        var used = 0
        var alertRows = min(alerts.count, 2)
        var tableRows = min(snapshot.categories.count, 3)
        var requestRows = min(requestsFull, 2)
        let groupRows = groups.count
        used = alertRows + 1 + tableRows + requestRows + groupRows
        func grow(_ value: inout Int, to full: Int) {
            let add = max(0, min(full - value, area.height - used))
            value += add
            used += add
        }
        grow(&tableRows, to: snapshot.categories.count)
        grow(&requestRows, to: requestsFull)
        grow(&alertRows, to: alerts.count)
        var prefsTitle = 0
        grow(&prefsTitle, to: 1)
        var gaps = 0
        grow(&gaps, to: 3)

        var y = area.y
        y = drawAlerts(
            alerts, rows: alertRows, into: &canvas, x: area.x, y: y, width: area.width, limit: area.maxY,
            strings: session.strings)
        if gaps > 0 { y += 1 }
        let tableArea = Rect(x: area.x, y: y, width: area.width, height: max(0, min(tableRows + 1, area.maxY - y)))
        drawCategories(into: &canvas, area: tableArea, session: session)
        y += tableArea.height
        if gaps > 1 { y += 1 }
        let requestArea = Rect(x: area.x, y: y, width: area.width, height: max(0, min(requestRows, area.maxY - y)))
        drawRequests(into: &canvas, area: requestArea, session: session)
        y += requestArea.height
        if gaps > 2 { y += 1 }
        if prefsTitle > 0, y < area.maxY {
            canvas.write(session.strings["overview.prefs.title"], x: area.x, y: y, width: area.width, style: .heading)
            y += 1
        }
        let labelWidth = min(
            (groups.map { TextWidth.columns(of: $0.name) }.max() ?? 0) + 1, max(8, area.width / 2))
        for group in groups where y < area.maxY {
            canvas.writePadded(group.name, x: area.x + 2, y: y, width: labelWidth, style: .accent)
            let summary = OverviewText.summary(group, session: session, separator: canvas.glyphs.separator)
            let x = area.x + 2 + labelWidth + 1
            canvas.write(summary, x: x, y: y, width: max(0, area.maxX - x))
            y += 1
        }
    }

    /// Two columns: data and requests on the left; alerts and preferences (wrapped) on the right.
    private func renderWide(into canvas: inout Canvas, area: Rect, session: Session) {
        let leftWidth = min(max(70, area.width * 3 / 5), area.width - 40)
        let (left, rest) = area.splitLeft(leftWidth)
        canvas.verticalRule(x: rest.x + 1, y: area.y, height: area.height)
        let right = Rect(x: rest.x + 3, y: area.y, width: max(0, rest.width - 3), height: area.height)

        let tableHeight = min(snapshot.categories.count + 1, max(0, left.height - 3))
        drawCategories(
            into: &canvas, area: Rect(x: left.x, y: left.y, width: left.width, height: tableHeight), session: session)
        let requestTop = left.y + tableHeight + 1
        drawRequests(
            into: &canvas,
            area: Rect(x: left.x, y: requestTop, width: left.width, height: max(0, left.maxY - requestTop)),
            session: session)

        var y = right.y
        canvas.write(session.strings["overview.alerts.title"], x: right.x, y: y, width: right.width, style: .heading)
        y += 1
        for alert in alertLines(session: session) {
            let mark = alert.kind.mark(canvas.glyphs) + " "
            let markWidth = TextWidth.columns(of: mark)
            for (index, line) in TextWrap.lines(alert.text, width: max(1, right.width - markWidth)).enumerated() {
                guard y < right.maxY else { break }
                if index == 0 {
                    canvas.write(mark, x: right.x, y: y, width: markWidth, style: alert.kind.style)
                }
                canvas.write(
                    line, x: right.x + markWidth, y: y, width: right.width - markWidth,
                    style: alert.kind.style)
                y += 1
            }
        }
        y += 1
        guard y < right.maxY else { return }
        canvas.write(session.strings["overview.prefs.title"], x: right.x, y: y, width: right.width, style: .heading)
        y += 1
        for group in snapshot.preferenceGroups {
            guard y < right.maxY else { break }
            canvas.write(group.name, x: right.x, y: y, width: right.width, style: .accent)
            y += 1
            let summary = OverviewText.summary(group, session: session, separator: canvas.glyphs.separator)
            for line in TextWrap.lines(summary, width: max(1, right.width - 2)) {
                guard y < right.maxY else { break }
                canvas.write(line, x: right.x + 2, y: y, width: right.width - 2)
                y += 1
            }
        }
    }

    /// Draws up to `rows` alert lines (the last saying how many more when they do not all fit); returns the next row.
    private func drawAlerts(
        _ alerts: [(text: String, kind: Flash.Kind)], rows: Int, into canvas: inout Canvas, x: Int, y: Int,
        width: Int, limit: Int, strings: Strings
    ) -> Int {
        var y = y
        let overflow = alerts.count > rows
        let shown = overflow ? max(0, rows - 1) : rows
        for alert in alerts.prefix(shown) where y < limit {
            let mark = alert.kind.mark(canvas.glyphs) + " "
            canvas.write(mark + alert.text, x: x, y: y, width: width, style: alert.kind.style)
            y += 1
        }
        if overflow, rows > 0, y < limit {
            let more = strings.plural("overview.alert.more", count: alerts.count - shown)
            canvas.write("! " + more, x: x, y: y, width: width, style: .warning)
            y += 1
        }
        return y
    }

    private func drawCategories(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let columns = [
            TableColumn(strings["overview.data.category"], minWidth: 12),
            TableColumn(strings["overview.data.records"], width: 9, alignRight: true),
            TableColumn(strings["overview.data.from"], width: 10),
            TableColumn(strings["overview.data.to"], width: 10),
            TableColumn(strings["overview.data.nextDeletion"], width: 13),
        ]
        let rows = snapshot.categories.map { category in
            OverviewTable.Row(
                cells: OverviewText.cells(category, session: session),
                style: category.count == 0 ? .muted : .normal,
                note: category.count == 0 ? strings["overview.data.nothingHeld"] : nil,
                tag: category.isRestricted ? strings["overview.data.restricted"] : nil)
        }
        OverviewTable.render(
            into: &canvas, area: area, columns: columns, rows: rows, selected: categorySelection,
            offset: OverviewTable.offset(selected: categorySelection, visible: area.height - 1))
    }

    private func drawRequests(into canvas: inout Canvas, area: Rect, session: Session) {
        guard area.height > 0 else { return }
        let strings = session.strings
        guard !snapshot.requests.isEmpty else {
            canvas.write(strings["overview.requests.none"], x: area.x, y: area.y, width: area.width, style: .muted)
            return
        }
        let showDue = area.width >= 76
        var columns = [
            TableColumn(strings["overview.requests.title"], width: 13),
            TableColumn(strings["overview.requests.type"], minWidth: 8),
            TableColumn(strings["overview.requests.status"], minWidth: 10),
        ]
        if showDue { columns.append(TableColumn(strings["overview.requests.due"], width: 10)) }
        columns.append(TableColumn(strings["overview.requests.daysLeft"], width: 18))
        let rows = snapshot.requests.map { request in
            var cells = OverviewText.cells(request, session: session)
            if !showDue { cells.remove(at: 3) }
            return OverviewTable.Row(
                cells: cells, style: request.isOverdue || request.isReceiptOverdue ? .danger : .normal)
        }
        OverviewTable.render(
            into: &canvas, area: area, columns: columns, rows: rows, selected: requestSelection,
            offset: OverviewTable.offset(selected: requestSelection, visible: area.height - 1))
    }
}
