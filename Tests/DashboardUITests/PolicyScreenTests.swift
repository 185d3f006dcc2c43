import DashboardUI
import Foundation
import GRDB
import TerminalKit
import Testing

@testable import PrivacyModel

@Suite("Policy screen")
@MainActor
struct PolicyScreenTests {

    @Test(
        "version, date and our promises come from the catalogue",
        arguments: [
            Size(width: 80, height: 24), Size(width: 120, height: 40),
        ])
    func promises(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try harness.signIn()
        let text = try harness.press("6")
        let catalogue = harness.context.catalogue
        #expect(text.contains("Version \(catalogue.version), in force since 2025-01-25"))
        #expect(text.contains("Our promises"))
        #expect(text.contains("Within 48 hours"))
        #expect(text.contains("Within 30 days"))
        #expect(text.contains("at most 60 days more"))
        #expect(text.contains("within 72 hours"))
        #expect(text.contains("at least 30 days before"))
        #expect(text.contains("Nobody under 18"))
        #expect(text.contains("You acknowledged this version on"))
        #expect(harness.lines.last?.contains("acknowledge") == true)
    }

    @Test(
        "the text scrolls with Down, PgDn, End and Home",
        arguments: [
            Size(width: 80, height: 24), Size(width: 120, height: 40),
        ])
    func scrolling(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try harness.signIn()
        try harness.press("6")
        let last = try #require(harness.context.catalogue.sections.last)
        let top = harness.text
        let lastWords = String(last.summary.prefix(24))
        #expect(!top.contains(lastWords))
        let down = try harness.press("<Down>")
        #expect(down != top)
        try harness.press("<PgDn>")
        let end = try harness.press("<End>")
        #expect(end.contains(lastWords))
        let endAgain = try harness.press("<PgDn><Down>")
        #expect(endAgain == end)
        let home = try harness.press("<Home>")
        #expect(home == top)
        let next = try harness.press("<Right>")
        #expect(next != top)
        #expect(try harness.press("<Left>") == top)
    }

    @Test("a acknowledges the current version once, stored with an audit entry")
    func acknowledge() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        try harness.context.store.write { db in
            try DashboardHarness.setAcknowledged(db, accountId: account.id, version: "2024-03-01.1")
        }
        try harness.signIn()
        let before = try harness.press("6")
        #expect(before.contains("Not yet acknowledged (you last acknowledged version 2024-03-01.1)"))
        let version = harness.context.catalogue.version
        let after = try harness.press("a")
        #expect(after.contains("Thank you: you acknowledged policy version \(version)."))
        #expect(after.contains("You acknowledged this version on 2026-11-29."))
        #expect(try harness.account("lena.mueller").acknowledgedPolicyVersion == version)
        let entries = try harness.context.store.read { db in try AuditLog.entries(db, accountId: account.id) }
        #expect(entries.filter { $0.action == AccountService.policyAcknowledgedAction }.count == 1)
        let again = try harness.press("a")
        #expect(again.contains("already acknowledged"))
        let entriesAfter = try harness.context.store.read { db in try AuditLog.entries(db, accountId: account.id) }
        #expect(entriesAfter.filter { $0.action == AccountService.policyAcknowledgedAction }.count == 1)
    }

    @Test("never acknowledged says so")
    func neverAcknowledged() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("haruto.sato")
        try harness.context.store.write { db in
            try DashboardHarness.setAcknowledged(db, accountId: account.id, version: nil)
        }
        try harness.signIn("haruto.sato")
        #expect(try harness.press("6").contains("Not yet acknowledged: press a"))
    }

    @Test("only the version in force can be acknowledged")
    func onlyCurrentVersion() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        #expect(throws: PolicyAcknowledgementError.self) {
            try AccountService(context: harness.context).acknowledgePolicy(accountId: account.id, version: "1999")
        }
    }

    @Test("at 72×22 and at 120×40 the hint bar stays and the section list appears when wide")
    func sizes() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        try harness.signIn()
        try harness.press("6")
        let titles = harness.context.catalogue.sections.map(\.title)
        let wide = harness.text
        #expect(titles.allSatisfy { wide.contains($0) })
        try harness.press("<Resize:72x22>")
        #expect(harness.lines.last?.contains("? help") == true)
        try harness.press("<End><PgUp><Resize:200x50><End><Resize:72x22><Home>")
        #expect(harness.text.contains("Our promises"))
    }
}
