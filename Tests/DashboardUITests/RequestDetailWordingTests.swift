import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import Testing

@Suite("Requests screen: a request's details in words")
@MainActor
struct RequestDetailWordingTests {
    @Test("the value a correction was filed against is labelled as such, not as the value held now")
    func heldWhenFiled() throws {
        let harness = try RequestWizardTests.requests("elodie.fournier", size: Size(width: 120, height: 40))
        let text = try harness.press("<Enter>")
        let line = try #require(harness.lines.first { $0.contains("+33 6 39 98 42 17") })
        #expect(line.contains("Held when filed"))
        #expect(!text.contains("Held now"))
    }

    @Test("a request's days left agree with the due date shown beside them")
    func daysLeftAgreeWithDueDate() throws {
        let harness = try RequestWizardTests.requests("siobhan_oc", size: Size(width: 120, height: 40))
        // File a request support handles, a few seconds pass, and the count is read from the detail.
        try RequestWizardTests.press(RequestWizardTests.supportRequest + DashboardHarness.password + "<Enter>", harness)
        let reference = try #require(RequestWizardTests.reference(in: harness.text))
        harness.clock.advance(by: 5)
        try harness.press("<Esc>1")
        try harness.press("4")
        let request = try RequestService(context: harness.context).require(reference: reference)
        let row = try #require(harness.lines.first { $0.contains(reference) })
        let days = harness.context.catalogue.deadlines.responseDays
        #expect(row.contains("\(days) days"), "\(row)")
        #expect(row.contains(Formats(language: "en").date(request.currentDueAt)))
    }
}
