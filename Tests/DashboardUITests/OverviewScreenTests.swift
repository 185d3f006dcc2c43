import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("Overview screen")
@MainActor
struct OverviewScreenTests {

    @Test(
        "every category shows its record count at 80×24 and at 120×40",
        arguments: [
            Size(width: 80, height: 24), Size(width: 120, height: 40),
        ])
    func categories(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try harness.signIn()
        let text = harness.text
        #expect(!text.contains("⟦"))
        let account = try harness.account("lena.mueller")
        let summaries = try CollectedDataService(context: harness.context).summaries(accountId: account.id)
        let formats = Formats(language: "en")
        for summary in summaries {
            let line = harness.lines.dropFirst(2).first { $0.contains(summary.category.name) }
            #expect(line != nil, "no row for \(summary.category.name)")
            #expect(line?.contains(formats.number(summary.count)) == true, "no count in \(line ?? "")")
            if let oldest = summary.oldest {
                #expect(line?.contains(formats.date(oldest)) == true, "no oldest date in \(line ?? "")")
            }
        }
        #expect(text.contains("Next deletion"))
        #expect(text.contains("Open requests: none."))
        #expect(text.contains("Nothing needs your attention."))
        #expect(text.contains("Recommendations and personalisation"))
        #expect(text.contains("Communications"))
        #expect(text.contains("Cookies and tracking"))
        #expect(harness.lines.last?.contains("? help") == true)
    }

    @Test("an open request shows its reference and days left")
    func openRequest() throws {
        let harness = try DashboardHarness()
        try harness.signIn("elodie.fournier")
        let account = try harness.account("elodie.fournier")
        let open = try RequestService(context: harness.context).requests(accountId: account.id).filter(\.isOpen)
        #expect(open.count == 1)
        let reference = try #require(open.first?.reference)
        let line = try #require(harness.lines.last { $0.contains(reference) })
        #expect(line.contains("22 days left"))
        #expect(line.contains("Correction"))
        #expect(!harness.text.contains("OVERDUE"))
    }

    @Test("an overdue request is marked OVERDUE in the danger style and raises an alert")
    func overdueRequest() throws {
        let harness = try DashboardHarness()
        try harness.signIn("haruto.sato")
        let account = try harness.account("haruto.sato")
        let request = try #require(
            try RequestService(context: harness.context).requests(accountId: account.id).first(where: \.isOpen))
        let row = try #require(harness.lines.lastIndex { $0.contains(request.reference) })
        let line = harness.lines[row]
        #expect(line.contains("OVERDUE by 11 days"))
        let column = try #require(line.range(of: "OVERDUE")).lowerBound
        let x = TextWidth.columns(of: String(line[..<column]))
        #expect(harness.frame[x, row].style == .danger)
        #expect(harness.text.contains("1 request is OVERDUE: \(request.reference)"))
    }

    @Test("a request whose receipt is not confirmed in 48 hours is marked")
    func receiptOverdue() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        harness.clock.set(TestDefaults.start.addingTimeInterval(-3 * 86_400))
        let request = try RequestService(context: harness.context).file(
            accountId: account.id, type: .access, scope: .all)
        harness.clock.set(TestDefaults.start)
        try harness.signIn()
        let line = try #require(harness.lines.last { $0.contains(request.reference) })
        #expect(line.contains("RECEIPT OVERDUE"))
        #expect(line.contains("27 days left"))
        #expect(harness.text.contains("not confirmed within 48 hours"))
    }

    @Test("the policy alert shows until the current version is acknowledged on the policy screen")
    func policyAlert() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        try harness.context.store.write { db in
            try DashboardHarness.setAcknowledged(db, accountId: account.id, version: "2024-03-01.1")
        }
        let version = harness.context.catalogue.version
        let before = try harness.signIn()
        #expect(before.contains("Policy \(version) is new since you last acknowledged one"))
        try harness.press("6")
        let acknowledged = try harness.press("a")
        #expect(acknowledged.contains("you acknowledged policy version \(version)"))
        let after = try harness.press("1")
        #expect(!after.contains("is newer"))
        #expect(after.contains("Nothing needs your attention."))
    }

    @Test("a never-acknowledged policy is an alert too")
    func policyNeverAcknowledged() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("siobhan_oc")
        try harness.context.store.write { db in
            try DashboardHarness.setAcknowledged(db, accountId: account.id, version: nil)
        }
        let text = try harness.signIn("siobhan_oc")
        #expect(text.contains("not acknowledged privacy policy"))
    }

    @Test("a restricted category is marked")
    func restricted() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        try RestrictionService(context: harness.context).restrict(accountId: account.id, categoryId: "viewing")
        try harness.signIn()
        let line = try #require(harness.lines.first { $0.contains("Viewing history") })
        #expect(line.contains("[restricted]"))
    }

    @Test("Enter on a category opens My data, on a request opens Requests")
    func enterJumps() throws {
        let harness = try DashboardHarness()
        try harness.signIn("elodie.fournier")
        try harness.press("<Enter>")
        #expect(harness.dashboard.currentScreen == .myData)
        try harness.press("1<End><Enter>")
        #expect(harness.dashboard.currentScreen == .requests)
    }

    @Test("Enter on the viewing history row lands in My data with viewing history selected and its details shown")
    func enterRevealsCategory() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        let catalogue = harness.context.catalogue
        let viewing = try #require(catalogue.category("viewing"))
        let index = try #require(catalogue.categories.firstIndex { $0.id == "viewing" })
        try harness.press(String(repeating: "<Down>", count: index))
        #expect(harness.lines.contains { $0.contains("▶") && $0.contains(viewing.name) })
        #expect(harness.lines.last?.contains("Enter show data") == true)
        let text = try harness.press("<Enter>")
        #expect(harness.dashboard.currentScreen == .myData)
        let selected = try #require(harness.lines.first { $0.hasPrefix("│▶") }, "a category row is selected")
        #expect(selected.contains(viewing.name), "the selected category: \(selected)")
        #expect(text.contains(String(viewing.summary.prefix(30))), "the details describe viewing history")
        #expect(text.contains("What is collected"))
        let set = try #require(viewing.recordSets.first)
        #expect(text.contains("Records: \(set.name)"))
        #expect(text.contains("records 1–"))
    }

    @Test("Enter on a request row lands in Requests with that request selected")
    func enterRevealsRequest() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        let service = RequestService(context: harness.context)
        harness.clock.set(TestDefaults.start.addingTimeInterval(-3 * 86_400))
        let older = try service.file(accountId: account.id, type: .access, scope: .all)
        harness.clock.set(TestDefaults.start.addingTimeInterval(-86_400))
        let newer = try service.file(accountId: account.id, type: .restriction, scope: .category("viewing"))
        harness.clock.set(TestDefaults.start)
        try harness.signIn()
        // The overview lists open requests by due date (the older first); Requests lists the newest first.
        try harness.press("<End><Up>")
        // The last line naming it is the request row (an alert above names it too).
        let row = try #require(harness.lines.last { $0.contains(older.reference) })
        #expect(row.contains("▶"))
        #expect(harness.lines.last?.contains("Enter show request") == true)
        try harness.press("<Enter>")
        #expect(harness.dashboard.currentScreen == .requests)
        let selected = try #require(harness.lines.first { $0.contains(older.reference) })
        #expect(selected.contains("▶"), "the revealed request is selected: \(selected)")
        let other = try #require(harness.lines.first { $0.contains(newer.reference) })
        #expect(!other.contains("▶"))
        try harness.press("1<End>")
        try harness.press("<Enter>")
        let last = try #require(harness.lines.first { $0.contains(newer.reference) })
        #expect(last.contains("▶"))
    }

    @Test("resizing to 72×22 keeps the hint bar and the rows; nothing crashes at odd sizes")
    func resize() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        try harness.signIn("haruto.sato")
        #expect(harness.text.contains("Needs your attention"))
        for size in ["72x22", "80x24", "109x30", "110x24", "200x60", "50x10", "72x22"] {
            let text = try harness.press("<Resize:\(size)>")
            #expect(!text.isEmpty)
        }
        #expect(harness.lines.last?.contains("? help") == true)
        #expect(harness.text.contains("OVERDUE"))
        #expect(harness.text.contains("Viewing history"))
        try harness.press("<Down><Down><PgDn><End><Home>")
        #expect(harness.lines.last?.contains("? help") == true)
    }

    @Test("a new account without data says nothing is held")
    func nothingHeld() throws {
        let harness = try DashboardHarness()
        _ = try AccountService(context: harness.context).create(
            NewAccount(
                email: "new.person@example.org", username: "new.person", fullName: "New Person",
                birthdate: "1990-04-02"), password: DashboardHarness.password)
        try harness.signIn("new.person")
        let payment = try #require(harness.lines.dropFirst(2).first { $0.contains("Payment") })
        #expect(payment.contains("nothing held"))
        #expect(harness.text.contains("Open requests: none."))
        #expect(!harness.text.contains("⟦"))
    }

    @Test("an account awaiting deletion is an alert")
    func deletionPending() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        try harness.signIn()
        let purge = TestDefaults.start.addingTimeInterval(30 * 86_400)
        try harness.context.store.write { db in
            try db.execute(
                sql:
                    "UPDATE account SET status = 'deletion-pending', deletionRequestedAt = ?, purgeDueAt = ? WHERE id = ?",
                arguments: [TestDefaults.start.epochSeconds, purge.epochSeconds, account.id])
        }
        let text = try harness.press("2<Esc>1")
        #expect(text.contains("Your account is awaiting deletion; its data will be purged on 2026-12-29."))
    }

    @Test("alerts that do not fit at 72×22 are counted, and the wide layout lists them all")
    func manyAlerts() throws {
        let harness = try DashboardHarness(size: Size(width: 72, height: 22))
        let account = try harness.account("haruto.sato")
        try harness.context.store.write { db in
            try DashboardHarness.setAcknowledged(db, accountId: account.id, version: nil)
            try db.execute(
                sql: "UPDATE preference SET value = 1 - value WHERE accountId = ? AND preferenceId = ?",
                arguments: [account.id, "tracking.web-beacons"])
        }
        let small = try harness.signIn("haruto.sato")
        #expect(small.contains("1 request is OVERDUE"))
        #expect(small.contains("more alert"))
        #expect(harness.lines.last?.contains("? help") == true)
        #expect(small.contains("Approximate location"))
        let wide = try harness.press("<Resize:120x40>")
        #expect(wide.contains("Your consent record is damaged"))
        #expect(wide.contains("not acknowledged privacy policy"))
        #expect(wide.contains("OVERDUE"))
    }
}
