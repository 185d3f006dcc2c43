import Foundation
import PrivacyModel
import TerminalKit

/// Drawing My data: reads only the state loaded by `activate` and `update`, never the store.
extension MyDataScreen {
    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        guard area.width > 40, area.height > 8 else { return }
        let layout = layout(for: area)
        renderList(into: &canvas, box: layout.list, session: session)
        if chartsActive {
            renderChartsBox(into: &canvas, layout: layout, session: session)
        } else {
            renderDetails(into: &canvas, layout: layout, session: session)
            renderRecords(into: &canvas, layout: layout, session: session)
        }
        correction?.render(into: &canvas, area: area, session: session, labels: hintLabels(strings: session.strings))
        viewer?.render(into: &canvas, area: area, session: session)
        lifting?.render(into: &canvas, area: area, session: session)
    }

    /// A box title with a pointer when its pane has focus, so focus never depends on colour alone.
    private func title(_ text: String, pane: Pane, glyphs: Glyphs) -> String {
        focus == pane && filterField == nil ? "\(glyphs.pointer) \(text)" : text
    }

    /// The focused pane shows in its title (pointer and style), not its border: Tab then repaints two titles
    /// instead of every border cell, which keeps the bytes a key sends small.
    private func titleStyle(_ pane: Pane) -> Style { focus == pane ? .borderFocused : .title }

    // MARK: - Categories

    private func renderList(into canvas: inout Canvas, box: Rect, session: Session) {
        let strings = session.strings
        canvas.box(
            box, title: title(strings["mydata.categories"], pane: .categories, glyphs: canvas.glyphs),
            titleStyle: titleStyle(.categories))
        let inner = box.inset(dx: 1, dy: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        let restrictedMark = canvas.glyphs.isASCII ? "R" : "⊘"
        let anyRestricted = summaries.contains { $0.isRestricted }
        let rows = anyRestricted && inner.height > 3 ? inner.height - 1 : inner.height
        if summaries.isEmpty {
            canvas.write(
                strings["mydata.noCategories"], x: inner.x + 1, y: inner.y, width: inner.width - 1, style: .muted)
            return
        }
        let counts = summaries.map { session.formats.number($0.count) }
        let countWidth = min(counts.map { TextWidth.columns(of: $0) }.max() ?? 0, max(0, inner.width - 8))
        let offset = list.visibleOffset(visible: rows)
        for line in 0..<rows {
            let index = offset + line
            guard summaries.indices.contains(index) else { break }
            let summary = summaries[index]
            let y = inner.y + line
            let selected = index == list.selected
            let style: Style = selected ? (focus == .categories ? .selected : .selectedInactive) : .normal
            canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            if selected { canvas.write(String(canvas.glyphs.pointer), x: inner.x, y: y, width: 1, style: style) }
            let mark = summary.isRestricted ? " " + restrictedMark : ""
            let nameWidth = max(1, inner.width - 2 - countWidth - 1 - TextWidth.columns(of: mark))
            let used = canvas.write(summary.category.name, x: inner.x + 2, y: y, width: nameWidth, style: style)
            if !mark.isEmpty {
                canvas.write(mark, x: inner.x + 2 + used, y: y, width: TextWidth.columns(of: mark), style: style)
            }
            canvas.writePadded(
                counts[index], x: inner.maxX - countWidth, y: y, width: countWidth,
                style: selected ? style : .muted, alignRight: true)
        }
        if anyRestricted && inner.height > 3 {
            canvas.write(
                strings("mydata.restrictedLegend", ["mark": restrictedMark]), x: inner.x + 2, y: inner.maxY - 1,
                width: inner.width - 2, style: .muted)
        }
    }

    // MARK: - Details

    private func renderDetails(into canvas: inout Canvas, layout: MyDataLayout, session: Session) {
        let strings = session.strings
        guard let summary = selectedSummary else {
            canvas.box(layout.details, title: strings["mydata.details"], titleStyle: titleStyle(.details))
            return
        }
        let text = layout.detailsText
        let lines = detailLines(width: text.width, session: session, bullet: canvas.glyphs.bullet)
        let bottom = max(0, lines.count - text.height)
        let scroll = min(detailScroll, bottom)
        var heading = summary.category.name
        if summary.isRestricted { heading += " · " + strings["mydata.restricted"] }
        if scroll > 0 { heading += " \(canvas.glyphs.arrowUp)" }
        if scroll < bottom { heading += " \(canvas.glyphs.arrowDown)" }
        canvas.box(
            layout.details, title: title(heading, pane: .details, glyphs: canvas.glyphs),
            titleStyle: titleStyle(.details))
        for (row, line) in lines.dropFirst(scroll).prefix(max(0, text.height)).enumerated() {
            canvas.write(line.text, x: text.x, y: text.y + row, width: text.width, style: line.style)
        }
        if layout.chartsBeside && isViewing {
            let charts = layout.chartsBesideArea
            canvas.verticalRule(x: charts.x - 1, y: charts.y, height: charts.height)
            ViewingCharts.render(
                statistics, into: &canvas,
                area: Rect(
                    x: charts.x + 1, y: charts.y, width: charts.width - 1,
                    height: charts.height), strings: strings, formats: session.formats)
        }
    }

    private func renderChartsBox(into canvas: inout Canvas, layout: MyDataLayout, session: Session) {
        let strings = session.strings
        let name = selectedSummary?.category.name ?? ""
        canvas.box(
            layout.details,
            title: title(
                strings("mydata.charts.title", ["category": name]), pane: .details,
                glyphs: canvas.glyphs), titleStyle: titleStyle(.details))
        ViewingCharts.render(
            statistics, into: &canvas, area: layout.detailsInner, strings: strings, formats: session.formats)
    }

    // MARK: - Records

    private func renderRecords(into canvas: inout Canvas, layout: MyDataLayout, session: Session) {
        let box = layout.records
        let strings = session.strings
        guard box.height >= 4, let browser, let summary = selectedSummary else {
            if box.height >= 2 { canvas.box(box, title: strings["mydata.records"], titleStyle: titleStyle(.records)) }
            return
        }
        let setName =
            summary.category.recordSets.indices.contains(setIndex)
            ? summary.category.recordSets[setIndex].name : ""
        canvas.box(
            box, title: title(strings("mydata.records.title", ["set": setName]), pane: .records, glyphs: canvas.glyphs),
            titleStyle: titleStyle(.records))
        let header = layout.recordsHeader
        let table = layout.table
        let visible = max(1, table.height - 1)
        renderRecordsHeader(
            into: &canvas, area: header, browser: browser, summary: summary, visible: visible, session: session)
        let fitting = RecordColumns.fitting(browser.columns, width: table.width - 2)
        let indices = fitting.compactMap { column in browser.columns.firstIndex { $0.name == column.name } }
        let columns = fitting.map {
            TableColumn(strings[$0.titleKey], width: $0.width, minWidth: $0.minWidth, alignRight: $0.alignRight)
        }
        let rows = browser.rows.map { cells in indices.map { cells.indices.contains($0) ? cells[$0] : "" } }
        TableView.render(
            into: &canvas, area: table, columns: columns, rows: rows, selected: browser.selected,
            offset: browser.visibleOffset(visible: visible), focused: focus == .records && filterField == nil)
        if browser.isSearching, table.height > 1, let filter = browser.filter {
            let read = session.formats.number(browser.searchedRecords)
            canvas.fill(Rect(x: table.x, y: table.y + 1, width: table.width, height: 1), style: .normal)
            canvas.write(
                strings("mydata.records.searching", ["filter": filter, "read": read]), x: table.x + 2, y: table.y + 1,
                width: table.width - 2, style: .accent)
        } else if browser.records.isEmpty, table.height > 1 {
            let message =
                browser.filter.map { strings("mydata.records.noMatch", ["filter": $0]) }
                ?? strings["mydata.records.none"]
            canvas.write(message, x: table.x + 2, y: table.y + 1, width: table.width - 2, style: .muted)
        }
    }

    private func renderRecordsHeader(
        into canvas: inout Canvas, area: Rect, browser: RecordBrowser, summary: CategorySummary, visible: Int,
        session: Session
    ) {
        let strings = session.strings
        guard area.width > 4 else { return }
        if let field = filterField {
            let label = strings["mydata.filter.label"] + " "
            let used = canvas.write(label, x: area.x, y: area.y, width: area.width, style: .accent)
            field.render(
                into: &canvas, x: area.x + used, y: area.y, width: max(1, area.width - used), focused: true)
            return
        }
        let position = browser.position(strings: strings, formats: session.formats, visible: visible)
        let positionWidth = min(TextWidth.columns(of: position), area.width / 2)
        canvas.writePadded(
            position, x: area.maxX - positionWidth, y: area.y, width: positionWidth, style: .muted, alignRight: true)
        var x = area.x
        let room = area.maxX - positionWidth - 1
        let sets = summary.category.recordSets
        if sets.count > 1 {
            for (index, set) in sets.enumerated() where x < room {
                let text = index == setIndex ? "[\(set.name)]" : " \(set.name) "
                x += canvas.write(
                    text, x: x, y: area.y, width: room - x, style: index == setIndex ? .accent : .muted)
            }
            if x + 4 < room {
                x += canvas.write(
                    " "
                        + KeyHints.footer(
                            [KeyHint(.left, .right, label: "mydata.records.switchSet")], contexts: [.navigation],
                            strings: strings, glyphs: canvas.glyphs), x: x, y: area.y, width: room - x, style: .muted)
            }
        }
        if let filter = browser.filter, x + 4 < room {
            let gap = x > area.x ? 2 : 0
            canvas.write(
                strings("mydata.filter.applied", ["filter": filter]), x: x + gap, y: area.y, width: room - x - gap,
                style: .warning)
        }
    }
}
