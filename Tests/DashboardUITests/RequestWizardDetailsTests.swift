import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Requests screen: what the wizard's details step asks for and says")
@MainActor
struct RequestWizardDetailsTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    @Test("an 'other data' correction asks for the note and says why Enter cannot go on without it", arguments: sizes)
    func otherDataNote(size: Size) throws {
        let harness = try RequestWizardTests.requests("siobhan_oc", size: size)
        let downs = try RequestWizardTests.downs(toRight: .correction, harness: harness)
        let form = try RequestWizardTests.press("n" + downs + "<Enter><End><Enter>", harness)
        #expect(form.contains("What should be corrected?"))
        #expect(form.contains("(required)"))
        #expect(!form.contains("Leave it empty"), "the hint must not contradict the required note")
        #expect(!form.contains("Anything to add"))
        let refused = try RequestWizardTests.press("<Enter>", harness)
        #expect(refused.contains("step 3 of 5"))
        #expect(refused.contains("Say in the note which data is wrong"))
    }

    @Test("the export step takes a To day: one before the From day is refused, a good one limits the export")
    func exportToDay() throws {
        let harness = try RequestFulfilmentTests.requests()
        let folder = try RequestFulfilmentTests.outputFolder(harness)
        try harness.press("n" + RequestFulfilmentTests.downs(3) + "<Enter><Enter>")
        #expect(harness.text.contains("To day"))
        try harness.press("<Tab><Tab>2026-11-20<Tab>2026-11-01<Tab><C-u>\(folder)<Enter>")
        #expect(harness.text.contains("step 3 of 5"))
        #expect(harness.text.contains("The last day cannot be before the first day."))
        // The refusal leaves the focus on the To day.
        try harness.press("<C-u>2026-13-45<Enter>")
        #expect(harness.text.contains("\"2026-13-45\" is not a day"))
        try harness.press("<C-u>2026-11-25<Enter>")
        #expect(harness.text.contains("step 4 of 5"))
        try harness.press(DashboardHarness.password + "<Enter>")
        try RequestFulfilmentTests.finish(harness)
        let reference = try #require(RequestWizardTests.reference(in: harness.text))
        let stored = try RequestService(context: harness.context).require(reference: reference)
        #expect(stored.status == .completed)
        let resolution = MessageWording.english(catalogue: harness.context.catalogue).text(
            try #require(stored.resolution))
        #expect(resolution.contains("Records from 2026-11-20"))
        #expect(resolution.contains("Records up to 2026-11-25"))
    }

    @Test("a failed export says first that the request is still open, and what to do, at 80×24")
    func failedExportStillOpen() throws {
        let harness = try RequestFulfilmentTests.requests(size: Size(width: 80, height: 24))
        let locked: String
        if getuid() == 0 {
            locked = "/sys"
        } else {
            locked = try RequestFulfilmentTests.outputFolder(
                harness, "a folder with a rather long name that nobody may write to, not even its owner")
            chmod(locked, 0o500)
        }
        defer { if locked != "/sys" { chmod(locked, 0o700) } }
        try harness.press("n<Enter><Enter><Tab><C-u>\(locked)<Enter>")
        try harness.press(DashboardHarness.password + "<Enter>")
        try RequestFulfilmentTests.finish(harness)
        let filed = try #require(try RequestFulfilmentTests.openRequests(harness).first { $0.type == .access })
        let text = harness.text
        #expect(text.contains("\(filed.reference) is still open"), "\(text)")
        #expect(text.contains("annot write in the folder"))
        #expect(filed.isOpen)
    }
}
