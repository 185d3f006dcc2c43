import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import Testing

@Suite("My data: asking for a correction of a stored record")
@MainActor
struct MyDataCorrectionTests {
    /// Signs in, opens My data on a category and moves the focus to its records table.
    static func records(_ category: String, size: Size = Size(width: 120, height: 40)) throws -> DashboardHarness {
        let harness = try DashboardHarness(size: size)
        try MyDataTestSupport.open(harness, category: category)
        try harness.press("<Tab><Tab>")
        return harness
    }

    @Test("e on a viewing record opens the dialog; Enter files a correction request with before and after")
    func correctsViewingRecord() throws {
        let harness = try Self.records("viewing")
        let account = try harness.account("lena.mueller")
        let page = try CollectedDataService(context: harness.context).page(
            recordSet: "viewing-events", accountId: account.id, position: .newest, limit: 1)
        let record = try #require(page.records.first)
        let titleIndex = try #require(page.table.columns.firstIndex(of: "title"))
        let held = record.values[titleIndex].text
        #expect(harness.lines.last?.contains("e correct") == true)
        let dialog = try harness.press("e")
        #expect(dialog.contains("Correct a record"))
        #expect(dialog.contains("Title"))
        #expect(dialog.contains(held))
        try harness.press("<Down>")
        #expect(harness.text.contains("Title should be:"))
        try harness.press("A Film I Really Watched<Enter>")
        let text = harness.text
        #expect(!text.contains("Correct a record"))
        let reference = try #require(RequestWizardTests.reference(in: text))
        let request = try RequestService(context: harness.context).require(reference: reference)
        #expect(request.type == .correction)
        #expect(request.scope == .record("viewing-events", key: record.key, field: "title"))
        #expect(request.details.currentValue == held)
        #expect(request.details.requestedValue == "A Film I Really Watched")
        #expect(request.status == .submitted)
    }

    @Test("a wrong shape is refused in the dialog, which stays open; Esc closes it without filing")
    func refusesBadValue() throws {
        let harness = try Self.records("viewing", size: Size(width: 80, height: 24))
        let account = try harness.account("lena.mueller")
        let before = try RequestService(context: harness.context).requests(accountId: account.id).count
        try harness.press("e<Up>")
        #expect(harness.text.contains("Watched should be:"))
        let refused = try harness.press("an hour<Enter>")
        #expect(refused.contains("Correct a record"))
        #expect(refused.contains("must be a whole number of seconds"))
        let closed = try harness.press("<Esc>")
        #expect(!closed.contains("Correct a record"))
        #expect(try RequestService(context: harness.context).requests(accountId: account.id).count == before)
    }

    @Test("a record set without correctable fields says so in the status line")
    func notCorrectable() throws {
        let harness = try Self.records("support")
        let text = try harness.press("e")
        #expect(!text.contains("Correct a record"))
        #expect(text.contains("cannot be corrected one by one"))
    }

    @Test("e away from the records table says where to go")
    func needsRecord() throws {
        let harness = try DashboardHarness(size: Size(width: 80, height: 24))
        try MyDataTestSupport.open(harness, category: "viewing")
        let text = try harness.press("e")
        #expect(text.contains("Select a record in the records table first"))
    }
}
