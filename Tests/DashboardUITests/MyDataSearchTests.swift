import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import TestSupport
import Testing

@Suite("My data: a filter's search in steps, and the bytes a key costs")
@MainActor
struct MyDataSearchTests {
    /// The records table's data lines on show.
    private static func rows(_ harness: DashboardHarness) -> [String] { MyDataTestSupport.recordLines(harness) }

    @Test("a search that takes several steps shows its progress between them and Esc stops it")
    func steppedSearchStops() throws {
        // 50 records per step over 600 viewing events: a filter the index cannot serve takes 12 steps.
        let harness = try DashboardHarness(size: Size(width: 100, height: 30), searchSliceSize: 50)
        try MyDataTestSupport.open(harness, category: "viewing")
        try harness.press("<Tab><Tab><Home>")
        #expect(!Self.rows(harness).isEmpty)
        let searching = try harness.press("/§§<Enter>")
        #expect(searching.contains("Searching for “§§”… 100 records read. Esc stops."))
        #expect(Self.rows(harness).isEmpty)
        #expect(harness.dashboard.hasPendingWork)
        // Other keys wait while it runs; the frame keeps showing the progress.
        let later = try harness.press("<Down>")
        #expect(later.contains("Searching for “§§”… 150 records read."))
        let stopped = try harness.press("<Esc>")
        #expect(!harness.dashboard.hasPendingWork)
        #expect(stopped.contains("Search stopped; the filter is cleared."))
        #expect(!stopped.contains("filter “"))
        #expect(!Self.rows(harness).isEmpty)
    }

    @Test("a stepped search runs to the same page the model finds in one go")
    func steppedSearchFinishes() throws {
        let harness = try DashboardHarness(size: Size(width: 100, height: 30), searchSliceSize: 50)
        try MyDataTestSupport.open(harness, category: "viewing")
        try harness.press("<Tab><Tab><Home>")
        let visible = Self.rows(harness).count
        // Two characters: below the trigram index's three, so the scan runs in steps.
        try harness.press("/Ki<Enter>")
        var ticks = 0
        while harness.dashboard.hasPendingWork, ticks < 50 {
            try harness.press("<Tick>")
            ticks += 1
        }
        #expect(!harness.dashboard.hasPendingWork)
        #expect(harness.text.contains("filter “Ki”"))
        let expected = try MyDataTestSupport.page(harness, set: "viewing-events", limit: visible, filter: "Ki")
        #expect(!expected.records.isEmpty)
        let shown = Self.rows(harness)
        #expect(shown.count == expected.records.count)
        for (line, record) in zip(shown, expected.records) {
            #expect(line.contains(MyDataTestSupport.shown(record)))
        }
        // An absent word of three characters or more is answered by the index at once.
        let absent = try harness.press("<Esc>/zzqx<Enter>")
        #expect(!harness.dashboard.hasPendingWork)
        #expect(absent.contains("No records match “zzqx”."))
    }

    @Test(
        "Tab between My data panes sends under 1 KB, and the focused pane is still marked",
        arguments: [
            Size(width: 100, height: 30), Size(width: 80, height: 24),
        ])
    func tabBytes(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try MyDataTestSupport.open(harness, category: "viewing")
        let theme = Theme(kind: .color256)
        let pointer = String(Glyphs.unicode.pointer)
        let category = harness.context.catalogue.categories.first { $0.id == "viewing" }?.name ?? "?"
        let titles = ["Categories", category, "Records: "]
        for step in 1...6 {
            let before = harness.frame
            try harness.press("<Tab>")
            let bytes = ANSIDiff.render(from: before, to: harness.frame, theme: theme).utf8.count
            let changedRows = (0..<size.height).filter { y in
                (0..<size.width).contains { x in before[x, y] != harness.frame[x, y] }
            }
            #expect(bytes < 1_024, "Tab \(step) sent \(bytes) bytes; rows changed: \(changedRows)")
            #expect(bytes > 0, "Tab \(step) changed nothing on screen")
            // Exactly one pane title carries the pointer: the focused one.
            let marked = titles.filter { title in harness.lines.contains { $0.contains("─ \(pointer) \(title)") } }
            #expect(marked.count == 1, "after Tab \(step): \(marked)")
        }
        // Down in the records table, for comparison: a pane Tab now costs no more than moving the selection.
        // (PgDn rewrites a page of rows; this plain diff, unlike curses, does not skip repeated blanks and
        // styles, so its PgDn figure is left to scripts/bench-dashboard, which reads what ncurses sends.)
        try harness.press("<Tab><Tab><Home>")
        let before = harness.frame
        try harness.press("<Down>")
        let bytes = ANSIDiff.render(from: before, to: harness.frame, theme: theme).utf8.count
        #expect(bytes < 1_024, "Down sent \(bytes) bytes")
    }

    @Test("the diff of a frame against itself is empty and against a blank frame is the whole frame")
    func diffBounds() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        let theme = Theme(kind: .color256)
        #expect(ANSIDiff.render(from: harness.frame, to: harness.frame, theme: theme).isEmpty)
        let blank = Canvas(size: harness.frame.size)
        let whole = ANSIDiff.render(from: blank, to: harness.frame, theme: theme)
        #expect(whole.utf8.count > 1_024)
        #expect(whole.contains("Overview"))
    }
}
