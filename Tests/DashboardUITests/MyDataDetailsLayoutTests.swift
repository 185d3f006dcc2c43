import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import Testing

@Suite("My data: the category details at a large size")
@MainActor
struct MyDataDetailsLayoutTests {
    @Test("at 120×40 a category without charts uses the whole width of its details box")
    func detailsUseTheWidth() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        try MyDataTestSupport.open(harness, category: "contact")
        let summary = try #require(harness.context.catalogue.category("contact")?.summary)
        #expect(summary.count > 40)
        #expect(harness.lines.contains { $0.contains(summary) }, "the summary fits on one row:\n\(harness.text)")
    }

    @Test("a retention rule of the service's own says so once")
    func retentionOriginOnce() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        try MyDataTestSupport.open(harness, category: "device")
        var seen = try harness.press("<Tab>")
        for _ in 0..<40 { seen += "\n" + (try harness.press("<Down>")) }
        #expect(seen.contains("Removed 12 months after the device"))
        #expect(!seen.contains("Period set by the service"))
    }
}
