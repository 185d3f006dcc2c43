import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import TestSupport
import Testing

/// Helpers shared by the My data suites.
@MainActor
enum MyDataTestSupport {
    /// Keys from the category list to a category by its catalogue position.
    static func downs(to categoryId: String, in harness: DashboardHarness) -> String {
        let index = harness.context.catalogue.categories.firstIndex { $0.id == categoryId } ?? 0
        return String(repeating: "<Down>", count: index)
    }

    /// Signs in and opens My data on a category.
    @discardableResult
    static func open(_ harness: DashboardHarness, category: String, as user: String = "lena.mueller") throws -> String {
        try harness.signIn(user)
        try harness.press("2")
        return try harness.press(downs(to: category, in: harness))
    }

    /// The frame's line of the selected record (pointer followed by a date).
    static func selectedRecordLine(_ harness: DashboardHarness) -> String? {
        let pointer = String(Glyphs.unicode.pointer)
        return harness.lines.first { line in
            guard let range = line.range(of: pointer + " ") else { return false }
            return line[range.upperBound...].first?.isNumber == true
        }
    }

    /// The data rows of the records table: lines whose cell after the pointer column starts with a date.
    static func recordLines(_ harness: DashboardHarness) -> [String] {
        harness.lines.filter { line in
            line.range(of: #"│[▶ ] \d{4}-\d\d-\d\d \d\d:\d\d"#, options: .regularExpression) != nil
        }
    }

    /// The records of a set as the model pages them (newest first).
    static func page(
        _ harness: DashboardHarness, set: String, user: String = "lena.mueller", position: PagePosition = .newest,
        limit: Int, filter: String? = nil
    ) throws -> RecordPage {
        let account = try harness.account(user)
        return try CollectedDataService(context: harness.context).page(
            recordSet: set, accountId: account.id, position: position, limit: limit, filter: filter)
    }

    /// How many records of a set the account holds.
    static func count(_ harness: DashboardHarness, set: String, user: String = "lena.mueller") throws -> Int {
        let account = try harness.account(user)
        let summaries = try CollectedDataService(context: harness.context).summaries(accountId: account.id)
        return summaries.flatMap(\.sets).first { $0.id == set }?.count ?? 0
    }

    /// The record's time as the table shows it.
    static func shown(_ record: StoredRecord) -> String { Formats(language: "en").dateTime(record.time) }
}

@Suite("My data: categories, details and charts")
@MainActor
struct MyDataScreenTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test("the category list shows every category with its record count", arguments: sizes)
    func categoryList(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try harness.signIn()
        let text = try harness.press("2")
        #expect(harness.dashboard.currentScreen == .myData)
        #expect(text.contains("Categories"))
        let account = try harness.account("lena.mueller")
        let summaries = try CollectedDataService(context: harness.context).summaries(accountId: account.id)
        let formats = Formats(language: "en")
        for summary in summaries {
            let line = harness.lines.first { $0.contains(String(summary.category.name.prefix(10))) }
            #expect(line != nil, "no row for \(summary.category.name)")
            if summary.category.id != "usage" {  // signing in adds a usage event after the summary above
                #expect(line?.contains(formats.number(summary.count)) == true, "no count for \(summary.category.name)")
            }
        }
        #expect(!text.contains("⟦"))
    }

    @Test("viewing history details name purposes with legal bases, recipients and retention", arguments: sizes)
    func viewingDetails(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try MyDataTestSupport.open(harness, category: "viewing")
        // Focus the details and scroll through them, collecting every frame.
        var seen = try harness.press("<Tab>")
        for _ in 0..<40 { seen += "\n" + (try harness.press("<Down>")) }
        let flat = seen.replacingOccurrences(of: "\n", with: " ")
        let catalogue = harness.context.catalogue
        guard let viewing = catalogue.category("viewing") else {
            Issue.record("no viewing category")
            return
        }
        #expect(seen.contains("Why it is used"))
        for id in viewing.purposes {
            let purpose = try #require(catalogue.purpose(id))
            let basis = try #require(catalogue.legalBasis(purpose.legalBasis))
            #expect(seen.contains(purpose.name), "missing purpose \(purpose.name)")
            #expect(flat.contains(basis.name.components(separatedBy: " ")[0]), "missing basis \(basis.name)")
        }
        #expect(seen.contains("Who receives it"))
        for id in viewing.recipients {
            let recipient = try #require(catalogue.recipient(id))
            #expect(seen.contains(String(recipient.name.prefix(12))), "missing recipient \(recipient.name)")
        }
        #expect(flat.contains("(anonymised"))
        #expect(seen.contains("How long it is kept"))
        #expect(seen.contains("Viewing events:"))
        #expect(seen.contains("Period set by the"))
        #expect(seen.contains("Next deletion:"))
        #expect(seen.contains("Where it comes from"))
        #expect(!seen.contains("⟦"))
    }

    @Test("a restricted category is marked in the list and its details")
    func restrictedMarker() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        try RestrictionService(context: harness.context).restrict(accountId: account.id, categoryId: "viewing")
        let text = try MyDataTestSupport.open(harness, category: "viewing")
        #expect(harness.lines.contains { $0.contains("Viewing") && $0.contains("⊘") })
        #expect(text.contains("⊘ restricted"))
        #expect(text.contains("restricted"))
        #expect(!text.contains("⟦"))
    }

    @Test("c shows viewing time per channel as bars and activity per week as a sparkline at 80×24")
    func chartsToggle() throws {
        let harness = try DashboardHarness()
        try MyDataTestSupport.open(harness, category: "viewing")
        let text = try harness.press("c")
        #expect(text.contains("Viewing time per channel"))
        #expect(text.contains("█"))
        let account = try harness.account("lena.mueller")
        let statistics = try CollectedDataService(context: harness.context).viewingStatistics(
            accountId: account.id, weeks: 26, end: TestDefaults.start)
        let top = try #require(statistics.channels.first)
        #expect(harness.lines.contains { $0.contains(String(top.channel.prefix(10))) && $0.contains("█") })
        let sparkline = Glyphs.unicode.sparkLevels
        #expect(harness.lines.contains { line in line.filter { sparkline.contains($0) }.count >= 20 })
        let formats = Formats(language: "en")
        #expect(text.contains("\(formats.date(statistics.start)) to \(formats.date(statistics.end))"))
        #expect(statistics.weeks.count == 26)
        #expect(!text.contains("⟦"))
        // c again goes back to the details and the records.
        let back = try harness.press("c")
        #expect(back.contains("Records: Viewing events"))
    }

    @Test("at 120×40 the charts sit beside the viewing details without a key")
    func chartsBeside() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        let text = try MyDataTestSupport.open(harness, category: "viewing")
        #expect(text.contains("Viewing time per channel"))
        #expect(text.contains("Viewing events per week"))
        #expect(text.contains("Records: Viewing events"))
        #expect(!text.contains("⟦"))
    }

    @Test("c on another category explains that charts are for viewing history")
    func chartsOnlyForViewing() throws {
        let harness = try DashboardHarness()
        try MyDataTestSupport.open(harness, category: "account")
        let text = try harness.press("c")
        #expect(text.contains("Charts are available for viewing history"))
    }

    @Test("the statistics add up the window's viewing in the model")
    func statisticsAddUp() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        let service = CollectedDataService(context: harness.context)
        let statistics = try service.viewingStatistics(accountId: account.id, weeks: 26, end: TestDefaults.start)
        // 2026-11-29 is a Sunday: the window starts on Monday 2026-06-01.
        #expect(statistics.start == UTCCalendar.day("2026-06-01"))
        #expect(statistics.channels.reduce(0) { $0 + $1.events } == statistics.totalEvents)
        #expect(statistics.channels == statistics.channels.sorted { $0.seconds > $1.seconds })
        #expect(statistics.totalEvents > 0)
    }

    @Test("a category revealed from the overview is selected with fresh records, as choosing it here would")
    func revealResetsRecords() throws {
        let harness = try DashboardHarness()
        try MyDataTestSupport.open(harness, category: "payment")
        // Leave payment on its second record set, filtered, with the records focused.
        try harness.press("<Tab><Tab><Right>/EUR<Enter>")
        #expect(harness.text.contains("matches 1–"))
        try harness.press("1")
        let index = try #require(harness.context.catalogue.categories.firstIndex { $0.id == "viewing" })
        try harness.press(String(repeating: "<Down>", count: index) + "<Enter>")
        #expect(harness.dashboard.currentScreen == .myData)
        let text = harness.text
        #expect(harness.lines.contains { $0.hasPrefix("│▶ Viewing history") })
        #expect(text.contains("▶ Categories"), "the category list has focus")
        #expect(text.contains("Records: Viewing events"))
        #expect(!text.contains("matches"))
        #expect(text.contains("records 1–"))
        // Back on payment the records start at its first set again, unfiltered.
        try harness.press("1")
        let payment = try #require(harness.context.catalogue.categories.firstIndex { $0.id == "payment" })
        try harness.press("<Home>" + String(repeating: "<Down>", count: payment) + "<Enter>")
        let first = try #require(harness.context.catalogue.category("payment")?.recordSets.first)
        #expect(harness.text.contains("Records: \(first.name)"))
        #expect(!harness.text.contains("matches"))
        #expect(!harness.text.contains("⟦"))
    }

    @Test("72×22 still shows the list, the details and the table")
    func minimumSize() throws {
        let harness = try DashboardHarness(size: Size(width: 72, height: 22))
        let text = try MyDataTestSupport.open(harness, category: "viewing")
        #expect(text.contains("Categories"))
        #expect(text.contains("Records: Viewing events"))
        #expect(!MyDataTestSupport.recordLines(harness).isEmpty)
        #expect(!text.contains("⟦"))
    }
}
