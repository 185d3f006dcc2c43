import DashboardUI
import Foundation
import GRDB
import TerminalKit
import Testing

@testable import PrivacyModel

@Suite("Preferences screen")
@MainActor
struct PreferencesScreenTests {

    /// Moves the selection down until the selected row names `name`.
    private func select(_ name: String, in harness: DashboardHarness) throws {
        try harness.press("<Home>")
        for _ in 0..<30 {
            if harness.lines.contains(where: { $0.contains("▶") && $0.contains(name) }) { return }
            try harness.press("<Down>")
        }
        Issue.record("could not select \(name)")
    }

    private func receiptCount(_ harness: DashboardHarness, _ accountId: Int64) throws -> Int {
        try PreferenceService(context: harness.context).receipts(accountId: accountId).count
    }

    @Test(
        "groups and rows show [x]/[ ] and locked items",
        arguments: [
            Size(width: 80, height: 24), Size(width: 120, height: 40),
        ])
    func rows(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try harness.signIn()
        let text = try harness.press("3")
        #expect(text.contains("Recommendations and personalisation"))
        #expect(text.contains("[x] Personalised recommendations"))
        #expect(text.contains("[ ] Use viewing history for recommendations"))
        #expect(text.contains("Rank channels and programmes by what you watch."))
        try harness.press("<End>")
        #expect(harness.text.contains("Device fingerprinting"))
        #expect(harness.text.contains("locked"))
        #expect(harness.lines.last?.contains("toggle") == true)
    }

    @Test("Space switches and saves at once with exactly one receipt; it persists across sign-in")
    func toggle() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        try harness.signIn()
        try harness.press("3")
        try select("Newsletter", in: harness)
        #expect(harness.text.contains("[x] Newsletter"))
        let before = try receiptCount(harness, account.id)
        let after = try harness.press("<Space>")
        #expect(try receiptCount(harness, account.id) == before + 1)
        #expect(after.contains("[ ] Newsletter"))
        #expect(after.contains("Newsletter is now off; consent receipt \(before + 1) saved."))
        #expect(after.contains("you last changed it on 2026-11-29 09:00"))
        let receipt = try #require(try PreferenceService(context: harness.context).receipts(accountId: account.id).last)
        #expect(receipt.preferenceId == "communications.newsletter")
        #expect(!receipt.newIsOn)
        #expect(receipt.channel == "dashboard")

        // Signed out by the idle timer, then in again: the choice is still there.
        harness.clock.advance(by: harness.dashboard.configuration.idleTimeout + 1)
        try harness.press("<Tick>")
        #expect(harness.dashboard.session == nil)
        try harness.signIn()
        let again = try harness.press("3")
        #expect(again.contains("[ ] Newsletter"))
        try select("Newsletter", in: harness)
        try harness.press("t")
        #expect(harness.text.contains("[x] Newsletter"))
        #expect(try receiptCount(harness, account.id) == before + 2)
    }

    @Test("a locked preference refuses to switch and says why")
    func locked() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        try harness.signIn()
        try harness.press("3")
        try select("Essential cookies", in: harness)
        #expect(harness.text.contains("Locked: The service cannot sign you in"))
        let before = try receiptCount(harness, account.id)
        let text = try harness.press("<Space>")
        #expect(text.contains("Essential cookies is locked and stays on"))
        #expect(text.contains("[x] Essential cookies"))
        #expect(try receiptCount(harness, account.id) == before)
    }

    @Test(
        "h shows the receipts newest first with the chain intact; Esc closes",
        arguments: [
            Size(width: 80, height: 24), Size(width: 120, height: 40),
        ])
    func history(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try harness.signIn()
        try harness.press("3")
        try select("Newsletter", in: harness)
        try harness.press("<Space>")
        let text = try harness.press("h")
        #expect(text.contains("Consent history"))
        #expect(text.contains("Receipt chain intact (5 receipts)."))
        let rows = harness.lines.filter { $0.contains("dashboard") }
        #expect(rows.count == 5)
        #expect(rows.first?.contains("Newsletter") == true)
        #expect(rows.first?.contains("on → off") == true)
        #expect(rows.first?.contains("2026-11-29 09:00") == true)
        #expect(harness.lines.last?.contains("Esc close") == true)
        try harness.press("<Down><PgDn><End><Home>")
        let closed = try harness.press("<Esc>")
        #expect(harness.lines.last?.contains("Esc close") == false)
        #expect(!closed.contains("Consent history"))
        #expect(closed.contains("[ ] Newsletter"))
    }

    @Test("after tampering with a receipt the history and the overview report the damage")
    func tampered() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        try harness.context.store.write { db in
            // The table refuses updates; someone with the file can drop the guard, which the chain still catches.
            try db.execute(sql: "DROP TRIGGER consent_receipt_no_update")
            try db.execute(
                sql: """
                    UPDATE consent_receipt SET oldValue = 1 - oldValue, newValue = 1 - newValue
                    WHERE accountId = ? AND sequence = 2
                    """,
                arguments: [account.id])
        }
        let overview = try harness.signIn()
        #expect(overview.contains("Your consent record is damaged"))
        try harness.press("3")
        let text = try harness.press("h")
        #expect(text.contains("Receipt chain BROKEN: receipt 2 was altered"))
        let damaged = try #require(harness.lines.firstIndex { $0.contains("! 2") })
        #expect(harness.lines[damaged].contains("Analytics cookies"))
    }

    @Test("72×22 keeps the hint bar with and without the history, and scrolls the list")
    func small() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        try harness.press("3<Resize:72x22>")
        #expect(harness.lines.last?.contains("? help") == true)
        try harness.press("<End>")
        #expect(harness.text.contains("Device fingerprinting"))
        try harness.press("<Home>")
        #expect(harness.text.contains("Personalised recommendations"))
        try harness.press("h")
        #expect(harness.text.contains("Consent history"))
        #expect(harness.lines.last?.contains("? help") == true)
        try harness.press("<Resize:120x40><Resize:72x22><Esc>")
        #expect(!harness.text.contains("Consent history"))
    }
}
