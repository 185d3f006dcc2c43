import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("My data: the records table")
@MainActor
struct MyDataRecordsTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// Rows per page at each size (the table's height below its heading).
    static func pageSize(_ harness: DashboardHarness) -> Int { MyDataTestSupport.recordLines(harness).count }

    @Test("PgDn shows older records, End the oldest, Home the newest", arguments: sizes)
    func paging(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try MyDataTestSupport.open(harness, category: "viewing")
        let first = try harness.press("<Tab><Tab>")
        let total = try MyDataTestSupport.count(harness, set: "viewing-events")
        let formats = Formats(language: "en")
        // Before the first key the table may hold more rows than it shows: one key fits it.
        try harness.press("<Home>")
        let rows = Self.pageSize(harness)
        #expect(rows > 3)
        #expect(first.contains("records 1–\(rows) of \(formats.number(total))"))
        let newest = try MyDataTestSupport.page(harness, set: "viewing-events", limit: rows * 2)
        #expect(
            MyDataTestSupport.selectedRecordLine(harness)?.contains(MyDataTestSupport.shown(newest.records[0])) == true)

        let second = try harness.press("<PgDn>")
        #expect(second.contains("records \(rows + 1)–\(rows * 2) of \(formats.number(total))"))
        let shownRows = MyDataTestSupport.recordLines(harness)
        #expect(shownRows.first?.contains(MyDataTestSupport.shown(newest.records[rows])) == true)
        #expect(shownRows.last?.contains(MyDataTestSupport.shown(newest.records[rows * 2 - 1])) == true)

        let oldestPage = try MyDataTestSupport.page(harness, set: "viewing-events", position: .oldest, limit: rows)
        let end = try harness.press("<End>")
        #expect(end.contains("records \(formats.number(total - rows + 1))–\(formats.number(total)) of"))
        let oldest = try #require(oldestPage.records.last)
        #expect(MyDataTestSupport.selectedRecordLine(harness)?.contains(MyDataTestSupport.shown(oldest)) == true)

        // PgUp from the oldest page goes to newer records.
        let up = try harness.press("<PgUp>")
        #expect(up.contains("records \(formats.number(total - 2 * rows + 1))–\(formats.number(total - rows)) of"))

        let home = try harness.press("<Home>")
        #expect(home.contains("records 1–\(rows) of"))
        #expect(
            MyDataTestSupport.selectedRecordLine(harness)?.contains(MyDataTestSupport.shown(newest.records[0])) == true)
        #expect(!home.contains("⟦"))
    }

    @Test("Down past the last row of a page loads the next page; Up past the first goes back")
    func crossingPageEdges() throws {
        let harness = try DashboardHarness()
        try MyDataTestSupport.open(harness, category: "viewing")
        try harness.press("<Tab><Tab><Home>")
        let rows = Self.pageSize(harness)
        let newest = try MyDataTestSupport.page(harness, set: "viewing-events", limit: rows * 2)
        for _ in 0..<rows { try harness.press("<Down>") }
        #expect(harness.text.contains("records \(rows + 1)–\(rows * 2) of"))
        #expect(
            MyDataTestSupport.selectedRecordLine(harness)?.contains(MyDataTestSupport.shown(newest.records[rows]))
                == true)
        try harness.press("<Up>")
        #expect(harness.text.contains("records 1–\(rows) of"))
        #expect(
            MyDataTestSupport.selectedRecordLine(harness)?.contains(MyDataTestSupport.shown(newest.records[rows - 1]))
                == true)
    }

    @Test("/ filters the records through the store; Enter applies, Esc clears", arguments: sizes)
    func filter(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try MyDataTestSupport.open(harness, category: "viewing")
        try harness.press("<Tab><Tab><Home>")
        let rows = Self.pageSize(harness)
        let total = try MyDataTestSupport.count(harness, set: "viewing-events")
        let term = "KiKA"
        let matches = try MyDataTestSupport.page(harness, set: "viewing-events", limit: rows, filter: term)
        #expect(!matches.records.isEmpty)
        let editing = try harness.press("/")
        #expect(editing.contains("Filter:"))
        let filtered = try harness.press("\(term)<Enter>")
        #expect(filtered.contains("filter “\(term)”"))
        #expect(filtered.contains("matches 1–\(matches.records.count)"))
        let shown = MyDataTestSupport.recordLines(harness)
        #expect(shown.count == matches.records.count)
        for (line, record) in zip(shown, matches.records) {
            #expect(line.contains(MyDataTestSupport.shown(record)))
            #expect(line.contains(term))
        }
        // Narrowed: fewer matches than records.
        let all = try MyDataTestSupport.page(harness, set: "viewing-events", limit: 1_000, filter: term)
        #expect(all.records.count < total)

        let cleared = try harness.press("<Esc>")
        #expect(!cleared.contains("filter “"))
        #expect(cleared.contains("records 1–\(rows) of"))

        // Esc inside the field clears too.
        try harness.press("/\(term)<Enter>")
        #expect(harness.text.contains("filter “\(term)”"))
        let reopened = try harness.press("/")
        #expect(reopened.contains("Filter:"))
        let escaped = try harness.press("<Esc>")
        #expect(!escaped.contains("filter “"))
        #expect(escaped.contains("records 1–\(rows) of"))
        #expect(!escaped.contains("⟦"))
    }

    @Test("the hint bar says Enter applies and Esc clears while the filter is typed")
    func filterHints() throws {
        let harness = try DashboardHarness()
        try MyDataTestSupport.open(harness, category: "viewing")
        #expect(harness.lines.last?.contains("apply") == false)
        try harness.press("/KiKA")
        let bar = try #require(harness.lines.last)
        #expect(bar.contains("Enter apply"))
        #expect(bar.contains("Esc clear"))
        #expect(bar.contains("F1 help"))
        try harness.press("<Enter>")
        #expect(harness.lines.last?.contains("apply") == false)
        #expect(harness.lines.last?.contains("/ filter") == true)
    }

    @Test("typing q or digits into the filter is text, not a command")
    func filterTakesText() throws {
        let harness = try DashboardHarness()
        try MyDataTestSupport.open(harness, category: "viewing")
        try harness.press("/q2")
        #expect(!harness.dashboard.isFinished)
        #expect(harness.dashboard.currentScreen == .myData)
        #expect(harness.text.contains("Filter: q2"))
    }

    @Test("German, French and CJK text keeps the table's columns aligned", arguments: sizes)
    func wideTextAligns(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        let haruto = try harness.account("haruto.sato")
        let newest = TestDefaults.start.addingTimeInterval(-60).epochSeconds
        let samples: [(String, String, String)] = [
            ("NHKワールド・プレミアム総合チャンネル", "ドキュメント七十二時間　東京の夜", "ドキュメンタリー"),
            ("Das Erste", "Tatort: Schöne Grüße aus Köln – Übermäßig", "Krimi"),
            ("France Télévisions", "Élémentaire, ma chère ­— Œuvres complètes", "Comédie"),
            ("佐藤テレビ", "陽翔の番組", "ニュース"),
        ]
        try harness.context.store.write { db in
            for (offset, sample) in samples.enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [haruto.id, sample.0, sample.1, sample.2, newest - Int64(offset * 60), 1_800 + offset])
            }
        }
        try MyDataTestSupport.open(harness, category: "viewing", as: "haruto.sato")
        let text = try harness.press("<Tab><Tab><Home>")
        #expect(text.contains("佐藤 陽翔"))
        let lines = MyDataTestSupport.recordLines(harness)
        #expect(lines.count >= samples.count)
        let header = try #require(harness.lines.first { $0.contains("Started") && $0.contains("Title") })
        func column(of text: String, in line: String) -> Int? {
            guard let range = line.range(of: text, options: .backwards) else { return nil }
            return TextWidth.columns(of: String(line[..<range.lowerBound]))
        }
        /// The text of a line from a display column on.
        func suffix(from column: Int, of line: String) -> Substring {
            var used = 0
            for index in line.indices {
                if used >= column { return line[index...] }
                used += TextWidth.columns(of: line[index])
            }
            return ""
        }
        let titleColumn = try #require(column(of: "Title", in: header))
        let watchedEnd = try #require(column(of: "Watched", in: header)).advanced(by: "Watched".count)
        let page = try MyDataTestSupport.page(harness, set: "viewing-events", user: "haruto.sato", limit: lines.count)
        let titleIndex = try #require(page.table.columns.firstIndex(of: "title"))
        for (line, record) in zip(lines, page.records) {
            // Every row is exactly as wide as the screen: no wide character pushed the border.
            #expect(TextWidth.columns(of: line) == size.width, "row width differs: \(line)")
            let title = String(record.values[titleIndex].text.prefix(2))
            #expect(suffix(from: titleColumn, of: line).hasPrefix(title), "title misaligned: \(line)")
            let end = line.range(of: " min", options: .backwards).map {
                TextWidth.columns(of: String(line[..<$0.upperBound]))
            }
            #expect(end == watchedEnd, "duration misaligned: \(line)")
        }
        #expect(!text.contains("⟦"))
    }

    @Test("escape sequences stored in a support message show as visible placeholders")
    func escapeSequences() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        let lena = try harness.account("lena.mueller")
        try harness.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO support_message (accountId, channel, direction, sentAt, body)
                    VALUES (?, 'email', 'from-subscriber', ?, ?)
                    """,
                arguments: [
                    lena.id, TestDefaults.start.addingTimeInterval(-30).epochSeconds,
                    "\u{1B}[31mred\u{1B}[0m \u{1B}]0;pwned\u{7} done",
                ])
        }
        try MyDataTestSupport.open(harness, category: "support")
        let text = try harness.press("<Tab><Tab><Home>")
        #expect(text.contains("␛[31mred␛[0m"))
        #expect(text.contains("␛]0;pwned␇"))
        #expect(!text.contains("\u{1B}"))
        #expect(!text.contains("\u{7}"))
        #expect(!harness.frame.cells.contains { $0.grapheme.unicodeScalars.contains { $0.value < 0x20 } })
        #expect(!text.contains("⟦"))
    }

    @Test("a resize while paging keeps the selected record")
    func resizeKeepsSelection() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        try MyDataTestSupport.open(harness, category: "viewing")
        try harness.press("<Tab><Tab><PgDn><PgDn><Down><Down><Down>")
        let before = try #require(MyDataTestSupport.selectedRecordLine(harness))
        let time = String(before.drop { !$0.isNumber }.prefix(16))
        try harness.press("<Resize:80x24>")
        #expect(MyDataTestSupport.selectedRecordLine(harness)?.contains(time) == true)
        // The next key fits the page to the smaller table and still keeps the record.
        try harness.press("<Down><Up>")
        #expect(MyDataTestSupport.selectedRecordLine(harness)?.contains(time) == true)
        try harness.press("<Resize:120x40>")
        #expect(MyDataTestSupport.selectedRecordLine(harness)?.contains(time) == true)
        try harness.press("<Down><Up>")
        #expect(MyDataTestSupport.selectedRecordLine(harness)?.contains(time) == true)
        #expect(!harness.text.contains("⟦"))
    }

    @Test("Left and Right switch between a category's record sets")
    func switchingSets() throws {
        let harness = try DashboardHarness()
        try MyDataTestSupport.open(harness, category: "payment")
        let first = try harness.press("<Tab><Tab>")
        #expect(first.contains("Records: Payment methods"))
        let second = try harness.press("<Right>")
        #expect(second.contains("Records: Payments"))
        #expect(second.contains("[Payments]"))
        let back = try harness.press("<Left>")
        #expect(back.contains("Records: Payment methods"))
    }

    @Test("Tab moves focus between the panes and stays on My data")
    func tabStaysOnScreen() throws {
        let harness = try DashboardHarness()
        try MyDataTestSupport.open(harness, category: "viewing")
        for _ in 0..<5 {
            try harness.press("<Tab>")
            #expect(harness.dashboard.currentScreen == .myData)
        }
        #expect(harness.text.contains("▶ Records"))
    }
}
