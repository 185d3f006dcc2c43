import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite("Requests screen: rights carried out from the wizard")
@MainActor
struct RequestFulfilmentTests {
    static let large = Size(width: 120, height: 40)

    /// A harness signed in as `user` with the Requests screen on show.
    static func requests(_ user: String = "lena.mueller", size: Size = large) throws -> DashboardHarness {
        let harness = try DashboardHarness(size: size)
        try harness.signIn(user)
        try harness.press("4")
        return harness
    }

    /// Presses Tick until the export running in steps is done; returns how many steps it took.
    @discardableResult
    static func finish(_ harness: DashboardHarness) throws -> Int {
        var steps = 0
        while harness.dashboard.hasPendingWork && steps < 10_000 {
            try harness.press("<Tick>")
            steps += 1
        }
        #expect(!harness.dashboard.hasPendingWork)
        return steps
    }

    /// An empty folder inside the harness's scratch folder.
    static func outputFolder(_ harness: DashboardHarness, _ name: String = "exports") throws -> String {
        let path = harness.folder.path(name)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Everything in a folder, hidden staging folders included.
    static func contents(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    }

    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    static func downs(_ count: Int) -> String { String(repeating: "<Down>", count: count) }

    /// Down presses to a category in a right's category list (the model's list of what can be filed).
    static func downs(toCategory id: String, right: RightKind, _ harness: DashboardHarness) throws -> String {
        let ids = RightScopes(catalogue: harness.context.catalogue).categories(for: right).map(\.id)
        return downs(try #require(ids.firstIndex(of: id)))
    }

    static func openRequests(_ harness: DashboardHarness) throws -> [RightsRequest] {
        try RequestService(context: harness.context).requests(accountId: harness.account("lena.mueller").id)
    }

    // MARK: Access

    @Test("access on a shared box: no folder to choose; the receipt shows an ssh download command per file, no path")
    func accessOnSharedBox() throws {
        let harness = try DashboardHarness(size: Self.large, sharedBox: "privacy@support.example.net")
        try harness.signIn("lena.mueller")
        try harness.press("4")
        let details = try harness.press("n<Enter><Enter>")
        #expect(details.contains("step 3 of 5"))
        #expect(!details.contains(ExportLocation.defaultFolder()), "no folder field on a shared box")
        #expect(details.contains("a one-time download command on the receipt"))
        try harness.press("<Enter>")
        #expect(harness.text.contains("step 4 of 5"))
        try harness.press(DashboardHarness.password + "<Enter>")
        try Self.finish(harness)
        let receipt = harness.text
        let reference = try #require(RequestWizardTests.reference(in: receipt))
        #expect(receipt.contains("ssh -T privacy@support.example.net download \(reference) "), "\(receipt)")
        #expect(!receipt.contains(harness.folder.path("box-exports")), "no path on the box:\n\(receipt)")
        #expect(!receipt.contains("Only you can read"))
        let folder = harness.folder.path("box-exports/subscriber-\(try harness.account("lena.mueller").id)")
        #expect(try Self.contents(folder).count == 2)
    }

    @Test("access: after the password both files are written (0600), the request completes, the paths show")
    func access() throws {
        let harness = try Self.requests()
        let folder = try Self.outputFolder(harness)
        let details = try harness.press("n<Enter><Enter>")
        #expect(details.contains("step 3 of 5"))
        #expect(details.contains(ExportLocation.defaultFolder()), "the folder field starts at the default folder")
        try harness.press("<Tab><C-u>\(folder)<Enter>")
        #expect(harness.text.contains("step 4 of 5"))
        try harness.press(DashboardHarness.password + "<Enter>")
        try Self.finish(harness)
        let receipt = harness.text
        #expect(receipt.contains("Done: carried out at once"))
        let files = try Self.contents(folder)
        #expect(files.count == 2, "\(files)")
        let report = try #require(files.first { $0.hasSuffix(".txt") })
        let export = try #require(files.first { $0.hasSuffix(".zip") })
        #expect(try Self.mode(folder + "/" + report) == 0o600)
        #expect(try Self.mode(folder + "/" + export) == 0o600)
        #expect(receipt.contains(report))
        #expect(receipt.contains(export))
        let reference = try #require(RequestWizardTests.reference(in: receipt))
        let stored = try RequestService(context: harness.context).require(reference: reference)
        #expect(stored.type == .access)
        #expect(stored.status == .completed)
        let resolution = MessageWording.english(catalogue: harness.context.catalogue).text(
            try #require(stored.resolution))
        #expect(resolution.contains(folder + "/" + report))
        #expect(resolution.contains(folder + "/" + export))
        // The request's detail keeps the paths.
        try harness.press("<Enter>")
        let detail = try harness.press("<Enter>")
        #expect(detail.contains("\(reference) · Access"))
        // The name carries the reference now, so at 120 columns the path wraps before its extension.
        #expect(detail.contains(String(report.dropLast(".txt".count))))
        #expect(detail.contains("completed"))
    }

    @Test("access: the report is in the language on screen (--lang en), not the German account's own")
    func accessReportLanguage() throws {
        let harness = try Self.requests()
        #expect(
            try LanguagePreferenceService(context: harness.context).language(
                accountId: harness.account("lena.mueller").id) == .german)
        let folder = try Self.outputFolder(harness)
        try harness.press("n<Enter><Enter><Tab><C-u>\(folder)<Enter>")
        try harness.press(DashboardHarness.password + "<Enter>")
        try Self.finish(harness)
        let report = try #require(try Self.contents(folder).first { $0.hasSuffix(".txt") })
        let text = try String(contentsOfFile: folder + "/" + report, encoding: .utf8)
        #expect(text.contains("what is held about you"))
        #expect(text.contains("Transfers abroad"))
        #expect(!text.contains("Ihre Rechte"))
    }

    // MARK: Portability

    @Test("a paste into the export checklist acts as its keys typed one by one")
    func pasteIntoChecklist() throws {
        let harness = try Self.requests()
        try harness.press("n" + Self.downs(3) + "<Enter><Enter><Tab>")
        #expect(harness.text.contains("[x] Viewing history"))
        harness.dashboard.handle(.key(.text("aaa")))
        let frame = harness.dashboard.render(size: harness.terminal.size, glyphs: harness.terminal.glyphs)
        #expect(frame.plainText.contains("[ ] Viewing history"))
    }

    @Test("portability: a zip of the chosen categories and days goes to a typed folder, with its manifest")
    func portabilityZip() throws {
        let harness = try Self.requests()
        let folder = try Self.outputFolder(harness, "zip out")
        try harness.press("n" + Self.downs(3) + "<Enter><Enter>")
        #expect(harness.text.contains("[x] Viewing history"))
        // Tab to the checklist: all off, then viewing history and payment back on.
        let viewing = try #require(harness.context.catalogue.categories.firstIndex { $0.id == "viewing" })
        try harness.press("<Tab>a")
        #expect(harness.text.contains("[ ] Viewing history"))
        try harness.press("<Down><Space>" + Self.downs(viewing - 1) + "<Space>")
        #expect(harness.text.contains("[x] Viewing history"))
        #expect(harness.text.contains("[x] Payment"))
        #expect(harness.text.contains("[ ] Devices"))
        try harness.press("<Tab>2026-11-01<Tab><Tab><C-u>\(folder)<Enter>")
        #expect(harness.text.contains("step 4 of 5"))
        try harness.press(DashboardHarness.password + "<Enter>")
        let running = harness.text
        #expect(running.contains("%"), "a gauge shows while the export runs")
        #expect(running.contains("Esc stop"))
        try Self.finish(harness)
        let receipt = harness.text
        #expect(receipt.contains("Done: carried out at once"))
        let files = try Self.contents(folder)
        #expect(files.count == 1, "\(files)")
        let name = try #require(files.first)
        #expect(name.hasSuffix(".zip"))
        #expect(receipt.contains(name))
        #expect(try Self.mode(folder + "/" + name) == 0o600)
        let zip = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
        #expect(zip.range(of: Data("manifest.json".utf8)) != nil)
        #expect(zip.range(of: Data("viewing.csv".utf8)) != nil)
        #expect(zip.range(of: Data("payment.csv".utf8)) != nil)
        #expect(zip.range(of: Data("device.csv".utf8)) == nil)
        let reference = try #require(RequestWizardTests.reference(in: receipt))
        let stored = try RequestService(context: harness.context).require(reference: reference)
        #expect(stored.type == .portability)
        #expect(stored.scope == .format("zip"))
        #expect(stored.status == .completed)
        let resolution = MessageWording.english(catalogue: harness.context.catalogue).text(
            try #require(stored.resolution))
        #expect(resolution.contains(folder + "/" + name))
        #expect(resolution.contains("Records from 2026-11-01"))
        #expect(resolution.contains("Categories: Payment, Viewing history"))
    }

    @Test("portability: a start day that is not a day is refused at the details step")
    func badStartDay() throws {
        let harness = try Self.requests()
        try harness.press("n" + Self.downs(3) + "<Enter><Enter><Tab><Tab>2026-13-45<Enter>")
        #expect(harness.text.contains("step 3 of 5"))
        #expect(harness.text.contains("\"2026-13-45\" is not a day"))
    }

    @Test("Esc in the middle of an export stops it: no file, nothing half-written, the request stays open")
    func cancelMidExport() throws {
        let harness = try Self.requests()
        let folder = try Self.outputFolder(harness)
        try harness.press("n" + Self.downs(3) + "<Enter><Down><Enter><S-Tab><C-u>\(folder)<Enter>")
        try harness.press(DashboardHarness.password + "<Enter>")
        #expect(harness.dashboard.hasPendingWork, "the export runs in steps")
        #expect(harness.text.contains("Writing your export"))
        let reference = try #require(try Self.openRequests(harness).first { $0.type == .portability }?.reference)
        // F10 meanwhile asks first and says what quitting does to the export; any other key stays.
        let asked = try harness.press("<F10>")
        #expect(asked.contains("An export is being written. Quitting stops it,"), "\(asked)")
        try harness.press("n")
        #expect(!harness.dashboard.isFinished)
        try harness.press("<Esc>")
        #expect(!harness.dashboard.hasPendingWork)
        let text = harness.text
        #expect(text.contains("step 3 of 5"))
        #expect(text.contains("stopped"))
        #expect(text.contains("\(reference) is still open"))
        #expect(try Self.contents(folder).isEmpty, "nothing is left behind, not even a staging folder")
        let stored = try RequestService(context: harness.context).require(reference: reference)
        #expect(stored.isOpen)
        #expect(stored.status != .completed)
        // Choosing the same export again offers to carry the open request out, and that completes it.
        let again = try harness.press("<Esc><Enter>")
        #expect(again.contains("You already have \(reference) open"))
        #expect(again.contains("Enter carry it out"))
        try harness.press("<Enter><Enter>" + DashboardHarness.password + "<Enter>")
        try Self.finish(harness)
        #expect(harness.text.contains("Done: carried out at once"))
        #expect(try RequestService(context: harness.context).require(reference: reference).status == .completed)
        #expect(try Self.contents(folder).count == 1)
    }

    @Test("an unwritable folder gives one error line and leaves the request open; a retry completes it")
    func unwritableFolder() throws {
        let harness = try Self.requests()
        let locked: String
        if getuid() == 0 {
            locked = "/sys"
        } else {
            locked = try Self.outputFolder(harness, "locked")
            chmod(locked, 0o500)
        }
        defer { if locked != "/sys" { chmod(locked, 0o700) } }
        let before = try Self.openRequests(harness).count
        try harness.press("n<Enter><Enter><Tab><C-u>\(locked)<Enter>")
        try harness.press(DashboardHarness.password + "<Enter>")
        try Self.finish(harness)
        let text = harness.text
        #expect(text.contains("step 3 of 5"))
        #expect(text.contains("annot write in the folder"))
        #expect(text.contains("is still open"))
        let requests = try Self.openRequests(harness)
        #expect(requests.count == before + 1)
        let filed = try #require(requests.first { $0.type == .access && $0.isOpen })
        #expect(filed.status == .submitted)
        // Another folder, the password again, and the same request completes.
        let folder = try Self.outputFolder(harness)
        try harness.press("<C-u>\(folder)<Enter>" + DashboardHarness.password + "<Enter>")
        try Self.finish(harness)
        #expect(harness.text.contains("Done: carried out at once"))
        #expect(harness.text.contains(filed.reference))
        #expect(try Self.openRequests(harness).count == before + 1)
        #expect(try RequestService(context: harness.context).require(reference: filed.reference).status == .completed)
        #expect(try Self.contents(folder).count == 2)
    }

    // MARK: Erasure

    @Test("erasure of viewing history: the dry run shows first, the rows are gone after, the receipt shows")
    func eraseViewing() throws {
        let harness = try Self.requests()
        let accountId = try harness.account("lena.mueller").id
        let service = ErasureService(context: harness.context)
        let plan = try service.plan(accountId: accountId, categoryId: "viewing")
        #expect(plan.deleteCount > 0)
        let count = try #require(harness.dashboard.session?.formats.number(plan.deleteCount))
        let downs = try Self.downs(toCategory: "viewing", right: .deletion, harness)
        let details = try harness.press("n<Down><Down><Enter>" + downs + "<Enter>")
        #expect(details.contains("Erase Viewing history"))
        #expect(details.contains("\(count) records will be deleted"))
        #expect(try service.plan(accountId: accountId, categoryId: "viewing").deleteCount == plan.deleteCount)
        try harness.press("<Enter>" + DashboardHarness.password + "<Enter>")
        try Self.finish(harness)
        let receipt = harness.text
        #expect(receipt.contains("Done: carried out at once"))
        #expect(receipt.contains("\(count) records deleted"))
        #expect(try service.plan(accountId: accountId, categoryId: "viewing").deleteCount == 0)
        let reference = try #require(RequestWizardTests.reference(in: receipt))
        let stored = try RequestService(context: harness.context).require(reference: reference)
        #expect(stored.type == .deletion)
        #expect(stored.status == .completed)
    }

    @Test("erasure of payment data says what is kept, why and until when, before and after")
    func erasePaymentKeeps() throws {
        let harness = try Self.requests()
        let accountId = try harness.account("lena.mueller").id
        let plan = try ErasureService(context: harness.context).plan(accountId: accountId, categoryId: "payment")
        let kept = try #require(plan.sets.first { $0.keepCount > 0 })
        let until = try #require(kept.keptUntilLatest)
        let formats = try #require(harness.dashboard.session?.formats)
        let downs = try Self.downs(toCategory: "payment", right: .deletion, harness)
        let details = try harness.press("n<Down><Down><Enter>" + downs + "<Enter>")
        #expect(details.contains("\(formats.number(kept.keepCount)) records are kept:"))
        #expect(details.contains("Kept until \(formats.date(until))."))
        #expect(details.contains("tax"))
        try harness.press("<Enter>" + DashboardHarness.password + "<Enter>")
        try Self.finish(harness)
        let receipt = harness.text
        #expect(receipt.contains("\(formats.number(kept.keepCount)) records kept:"))
        #expect(receipt.contains("Kept until \(formats.date(until))."))
    }

    @Test("the account category is not offered for erasure: the list offers closing the whole account instead")
    func accountCategoryNotOffered() throws {
        let harness = try Self.requests()
        let text = try harness.press("n<Down><Down><Enter>")
        #expect(text.contains("step 2 of 5"))
        let accountName = try #require(harness.context.catalogue.category("account")?.name)
        #expect(!harness.lines.contains { $0.contains(" \(accountName) ") && !$0.contains("Overview") })
        let last = try harness.press("<End>")
        #expect(last.contains("Your whole account"))
        #expect(last.contains("use Account (5)"))
    }

    // MARK: Objection and restriction

    @Test("objecting to personalisation switches its preferences off with receipts; Preferences shows it")
    func objectToPersonalisation() throws {
        let harness = try Self.requests()
        let accountId = try harness.account("lena.mueller").id
        let preferences = PreferenceService(context: harness.context)
        let id = RecommendationInputs.personalisedPreference
        if try preferences.preferences(accountId: accountId).first(where: { $0.id == id })?.value == false {
            _ = try preferences.set(id, to: true, accountId: accountId, actor: "subscriber")
        }
        let receiptsBefore = try preferences.receipts(accountId: accountId).count
        let purposes = harness.context.catalogue.purposes.filter { $0.objectable == true }.map(\.id)
        let index = try #require(purposes.firstIndex(of: "personalisation"))
        let details = try harness.press("n" + Self.downs(4) + "<Enter>" + Self.downs(index) + "<Enter>")
        let name = try #require(harness.context.catalogue.preference(id)?.name)
        #expect(details.contains("switches off"))
        #expect(details.contains("Personalised"))
        try harness.press("<Enter>" + DashboardHarness.password + "<Enter>")
        try Self.finish(harness)
        let receipt = harness.text
        #expect(receipt.contains("Done: carried out at once"))
        #expect(receipt.contains("Stopped"))
        #expect(receipt.contains(name))
        #expect(try preferences.preferences(accountId: accountId).first { $0.id == id }?.value == false)
        #expect(try preferences.receipts(accountId: accountId).count > receiptsBefore)
        #expect(
            try ObjectionService(context: harness.context).isObjecting(
                accountId: accountId, purposeId: "personalisation"))
        try harness.press("<Enter>")
        let screen = try harness.press("3")
        let row = try #require(screen.split(separator: "\n").first { $0.contains(name) })
        #expect(row.contains("[ ]"), "\(row)")
    }

    @Test("restricting viewing history takes effect at once and My data shows it restricted")
    func restrictViewing() throws {
        let harness = try Self.requests()
        let accountId = try harness.account("lena.mueller").id
        let downs = try Self.downs(toCategory: "viewing", right: .restriction, harness)
        let details = try harness.press("n" + Self.downs(5) + "<Enter>" + downs + "<Enter>")
        #expect(details.contains("no longer used"))
        try harness.press("<Enter>" + DashboardHarness.password + "<Enter>")
        try Self.finish(harness)
        let receipt = harness.text
        #expect(receipt.contains("Done: carried out at once"))
        #expect(receipt.contains("every use of Viewing history"))
        #expect(
            try RestrictionService(context: harness.context).isRestricted(accountId: accountId, categoryId: "viewing"))
        try harness.press("<Enter>")
        let myData = try harness.press("2")
        #expect(myData.contains("restricted"))
        // Restricting it again is refused at the scope step, before any password is asked.
        let again = try harness.press("4n" + Self.downs(5) + "<Enter>" + downs + "<Enter>")
        #expect(again.contains("step 2 of 5"))
        #expect(again.contains("already restricted"))
    }
}
