import Foundation
import PrivacyModel
import TerminalKit

/// The consent history overlay: every receipt newest first and the result of checking the receipt chain.
struct ConsentHistory {
    /// The account's receipts, newest first.
    let receipts: [ConsentReceipt]
    /// The chain check.
    let report: ReceiptChainReport
    /// The selected receipt row.
    var list = ListState()

    /// Reads the receipts and checks the chain.
    @MainActor
    static func load(session: Session) throws -> ConsentHistory {
        let accountId = session.account.id
        let receipts = try session.preferences.receipts(accountId: accountId).reversed()
        let report = try session.preferences.verifyChain(accountId: accountId)
        return ConsentHistory(receipts: Array(receipts), report: report)
    }

    /// The box the overlay takes inside the screen's area.
    static func box(in area: Rect) -> Rect { area.inset(dx: 1, dy: 0) }

    /// Rows of the receipt table visible in a box (title, status, blank, heading and footer taken off).
    static func visibleRows(in area: Rect) -> Int { max(1, box(in: area).height - 2 - 4) }

    /// Moves the selection for a navigation action.
    mutating func scroll(_ action: Action?, area: Rect) {
        let visible = Self.visibleRows(in: area)
        _ = list.apply(action, count: receipts.count, page: visible)
        list.scroll(visible: visible)
    }

    /// Draws the overlay.
    @MainActor
    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let box = Self.box(in: area)
        guard box.width > 10, box.height > 4 else { return }
        canvas.fill(area)
        canvas.box(box, title: strings["prefs.history.title"], style: .borderFocused)
        let inner = box.inset(dx: 2, dy: 1)
        var y = inner.y
        let (status, style) = statusLine(session: session, glyphs: canvas.glyphs)
        canvas.write(status, x: inner.x, y: y, width: inner.width, style: style)
        y += 2
        let footerY = inner.maxY - 1
        let tableArea = Rect(x: inner.x, y: y, width: inner.width, height: max(0, footerY - y))
        if receipts.isEmpty {
            canvas.write(strings["prefs.history.empty"], x: inner.x, y: y, width: inner.width, style: .muted)
        } else {
            let arrow = canvas.glyphs.arrowRight
            let columns = [
                TableColumn(strings["prefs.history.number"], width: 5, alignRight: true),
                TableColumn(strings["prefs.history.when"], width: 16),
                TableColumn(strings["prefs.history.preference"], minWidth: 12),
                TableColumn(strings["prefs.history.change"], width: 10),
                TableColumn(strings["prefs.history.channel"], width: 9),
                TableColumn(strings["prefs.history.hash"], width: 8),
            ]
            let damaged = report.problem?.sequence
            var styles: [Style?] = []
            let rows = receipts.map { receipt -> [String] in
                let isDamaged = receipt.sequence == damaged
                styles.append(isDamaged ? .danger : nil)
                let name = session.catalogue.preference(receipt.preferenceId)?.name ?? receipt.preferenceId
                let when = Self.parsedDate(receipt.recordedAt).map(session.formats.dateTime) ?? receipt.recordedAt
                return [
                    (isDamaged ? "! " : "") + String(receipt.sequence), when, name,
                    "\(word(receipt.oldIsOn, strings)) \(arrow) \(word(receipt.newIsOn, strings))", receipt.channel,
                    String(receipt.hash.prefix(8)),
                ]
            }
            let visible = max(1, tableArea.height - 1)
            TableView.render(
                into: &canvas, area: tableArea, columns: columns, rows: rows, selected: list.selected,
                offset: list.visibleOffset(visible: visible), styles: styles)
        }
        let glyphs = canvas.glyphs
        let keys = KeyHints.footer(
            [KeyHint(.up, .down, label: "hint.scroll"), KeyHint(.back, label: "prefs.hint.close")],
            contexts: [.navigation],
            strings: strings, glyphs: glyphs)
        let footer = strings["prefs.history.newestFirst"] + glyphs.separator + keys
        canvas.write(footer, x: inner.x, y: footerY, width: inner.width, style: .muted)
    }

    /// The chain check as one line with a mark, so the verdict never rests on colour alone.
    @MainActor
    func statusLine(session: Session, glyphs: Glyphs) -> (String, Style) {
        let strings = session.strings
        if let problem = report.problem {
            let mark = Flash.Kind.danger.mark(glyphs) + " "
            return (
                mark + strings("prefs.history.broken", ["problem": ReceiptProblemText.text(problem, session: session)]),
                .danger
            )
        }
        let mark = Flash.Kind.success.mark(glyphs) + " "
        return (mark + strings.plural("prefs.history.intact", count: report.receiptCount), .success)
    }

    private func word(_ value: Bool, _ strings: Strings) -> String { strings[value ? "prefs.on" : "prefs.off"] }

    /// A receipt's ISO 8601 time as a date, when it parses.
    static func parsedDate(_ text: String) -> Date? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text)
    }
}
