import Foundation
import PrivacyModel
import TerminalKit

/// "Who has seen my data" over the Account screen: every staff read or change of the subscriber's data and every
/// step the system took on it, newest first, with when, who (role and pseudonymous id), why and what.
struct AccessLogDialog: AccountDialog {
    /// The entries, newest first.
    let entries: [DataAccessEntry]
    /// The selected row.
    private(set) var list = ListState()

    /// Reads the signed-in subscriber's entries.
    static func load(session: Session) throws -> AccessLogDialog {
        AccessLogDialog(entries: try DataAccessHistory(context: session.context).entries(accountId: session.account.id))
    }

    var hintActions: [Action] { [.back, .down, .pageDown] }

    var capturesText: Bool { false }

    func hintLabels(strings: Strings) -> [Action: String] { [.back: strings["access.hint.close"]] }

    mutating func update(_ input: ScreenInput, session: Session) -> DialogOutcome {
        switch input.action {
        case .back, .accessLog: return .close
        case .quit: return .passThrough
        default:
            let visible = Self.visibleRows(in: input.area)
            if list.apply(input.action, count: entries.count, page: visible) { list.scroll(visible: visible) }
            return .stay
        }
    }

    /// The box the list takes inside the screen's area.
    static func box(in area: Rect) -> Rect { area.inset(dx: 1, dy: 0) }

    /// Table rows visible in a box (borders, intro, blank, heading, the selected entry in full and footer).
    static func visibleRows(in area: Rect) -> Int { max(1, box(in: area).height - 2 - 3 - 1 - detailRows - 1) }

    /// Lines under the table that say the selected entry in full, since its cells may be cut short.
    private static let detailRows = 2

    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let box = Self.box(in: area)
        guard box.width > 10, box.height > 4 else { return }
        canvas.fill(area)
        canvas.box(box, title: strings["access.title"], style: .borderFocused)
        let inner = box.inset(dx: 2, dy: 1)
        var y = inner.y
        for line in TextWrap.lines(strings["access.intro"], width: inner.width).prefix(2) {
            canvas.write(line, x: inner.x, y: y, width: inner.width, style: .muted)
            y += 1
        }
        y += 1
        let footerY = inner.maxY - 1
        let detailY = footerY - Self.detailRows
        let tableArea = Rect(x: inner.x, y: y, width: inner.width, height: max(0, detailY - y))
        if entries.isEmpty {
            canvas.write(strings["access.empty"], x: inner.x, y: y, width: inner.width, style: .muted)
        } else {
            let wording = DataAccessWording(strings: strings, catalogue: session.catalogue)
            let who = entries.map(wording.who)
            let whoWidth = min(22, ([strings["access.column.who"]] + who).map(TextWidth.columns(of:)).max() ?? 12)
            let columns = [
                TableColumn(strings["access.column.when"], width: 16),
                TableColumn(strings["access.column.who"], width: whoWidth),
                TableColumn(strings["access.column.reason"], minWidth: 10),
                TableColumn(strings["access.column.what"], minWidth: 12),
            ]
            let rows = zip(entries, who).map { entry, who in
                [session.formats.dateTime(entry.at), who, wording.reason(entry), wording.what(entry)]
            }
            let visible = max(1, tableArea.height - 1)
            TableView.render(
                into: &canvas, area: tableArea, columns: columns, rows: rows, selected: list.selected,
                offset: list.visibleOffset(visible: visible))
            if entries.indices.contains(list.selected), detailY > tableArea.y {
                let entry = entries[list.selected]
                let sentence = strings(
                    "access.detail",
                    ["who": wording.who(entry), "what": wording.what(entry), "reason": wording.reason(entry)])
                let capitalised = sentence.prefix(1).uppercased() + sentence.dropFirst()
                for (index, line) in TextWrap.lines(capitalised, width: inner.width).prefix(Self.detailRows)
                    .enumerated()
                {
                    canvas.write(line, x: inner.x, y: detailY + index, width: inner.width, style: .normal)
                }
            }
        }
        let glyphs = canvas.glyphs
        let keys = KeyHints.footer(
            [KeyHint(.up, .down, label: "hint.scroll"), KeyHint(.back, label: "access.hint.close")],
            contexts: [.navigation], strings: strings, glyphs: glyphs)
        canvas.write(
            strings["access.newestFirst"] + glyphs.separator + keys, x: inner.x, y: footerY, width: inner.width,
            style: .muted)
    }
}
