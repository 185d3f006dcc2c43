import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

/// Breach notices as a subscriber meets them: before the Overview at sign-in, in their language, until
/// acknowledged; then in the Notices list and as an Overview alert while the breach is open.
@Suite("Breach notices in the dashboard")
@MainActor
struct BreachNoticeScreenTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 140, height: 50)]

    /// A dashboard that follows each account's language, an approver, and Siobhán without payment data (so a
    /// payment breach does not concern her).
    private func prepared(size: Size) throws -> (DashboardHarness, StaffAccess) {
        let harness = try DashboardHarness(
            size: size, viewingEvents: 20, configuration: DashboardConfiguration(followsAccountLanguage: true))
        try ConsoleHarness.addStaff(.approver, to: harness.context)
        let siobhan = try harness.account("siobhan_oc")
        try harness.context.store.write { db in
            try db.execute(sql: "DELETE FROM payment_transaction WHERE accountId = ?", arguments: [siobhan.id])
            try db.execute(sql: "DELETE FROM payment_method WHERE accountId = ?", arguments: [siobhan.id])
        }
        return (harness, StaffAccess(staff: ConsoleHarness.member(.approver), reason: nil))
    }

    private func paymentDraft(_ harness: DashboardHarness) -> BreachDraft {
        BreachDraft(
            kind: .unauthorisedAccess, details: "Card tokens were read on 1 Dec.",
            discoveredAt: harness.clock.now().addingTimeInterval(-3_600), categories: ["payment"],
            audience: .holders(category: "payment"), consequences: [.fraud],
            measures: [.accessContained, .paymentProviderAlerted], advice: [.watchStatements],
            contact: "privacy@example.com")
    }

    /// Records and publishes a payment breach; returns its reference.
    private func publishPayment(_ harness: DashboardHarness, _ staff: StaffAccess) throws -> String {
        let register = BreachRegister(context: harness.context)
        let breach = try register.record(paymentDraft(harness), staff: staff)
        // Text that got into the store past the rules (an older build, a hand edit) is still drawn inert.
        try harness.context.store.write { db in
            try db.execute(
                sql: "UPDATE breach SET details = ? WHERE id = ?",
                arguments: ["Card tokens were read\u{1B}[2J on 1 Dec.", breach.id])
        }
        try register.publish(reference: breach.reference, staff: staff)
        return breach.reference
    }

    private func words(_ harness: DashboardHarness) -> String {
        harness.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test(
        "a German subscriber sees the notice in German before the Overview, Payment involved and Viewing history not",
        arguments: sizes)
    func germanGate(size: Size) throws {
        let (harness, staff) = try prepared(size: size)
        let reference = try publishPayment(harness, staff)
        let text = try harness.signIn("lena.mueller")
        #expect(harness.dashboard.showsNotices)
        #expect(text.contains("Bitte lesen: eine Datenpanne, die Sie betrifft"))
        #expect(text.contains("Mitteilung zur Datenpanne \(reference)"))
        #expect(text.contains("Was ist passiert"))
        #expect(!text.contains("1 Übersicht"), "the tabs are hidden behind the gate")
        var seen = words(harness)
        // Scroll to the end, collecting every line, to read the other headings.
        for _ in 0..<6 { seen += " " + (try harness.press("<PageDown>")) }
        seen += " " + words(harness)
        for heading in [
            "Welche Daten betroffen sind", "Was wir unternehmen", "Was Sie tun können", "Weitere Informationen",
        ] {
            #expect(seen.contains(heading), "\(heading)")
        }
        let involvedLine = seen.components(separatedBy: "Betroffen sind Ihre Daten:").dropFirst().first ?? ""
        #expect(involvedLine.hasPrefix(" Zahlungen"))
        let notInvolved = seen.components(separatedBy: "Nicht betroffen sind Ihre Daten:").dropFirst().first ?? ""
        #expect(notInvolved.contains("Sehverlauf"))
        #expect(!notInvolved.prefix(200).contains("Zahlungen"))
        #expect(seen.contains("privacy@example.com"))
        #expect(!seen.contains("\u{1B}"))

        let after = try harness.press("a")
        #expect(!harness.dashboard.showsNotices)
        #expect(harness.dashboard.currentScreen == .overview)
        #expect(after.contains("als gelesen vermerkt"))
        let lena = try harness.account("lena.mueller")
        #expect(try BreachNoticeService(context: harness.context).unacknowledged(accountId: lena.id).isEmpty)

        try harness.press("5s")
        try harness.signIn("lena.mueller")
        #expect(!harness.dashboard.showsNotices)
        #expect(harness.dashboard.currentScreen == .overview)
    }

    @Test("an unaffected subscriber goes straight to the Overview, with no alert", arguments: sizes)
    func unaffected(size: Size) throws {
        let (harness, staff) = try prepared(size: size)
        let reference = try publishPayment(harness, staff)
        let text = try harness.signIn("siobhan_oc")
        #expect(!harness.dashboard.showsNotices)
        #expect(harness.dashboard.currentScreen == .overview)
        #expect(!text.contains(reference))
    }

    @Test("an update shows the notice again; the list and the alert last while open, the alert goes on close")
    func updateListAlertClose() throws {
        let (harness, staff) = try prepared(size: Size(width: 80, height: 24))
        let reference = try publishPayment(harness, staff)
        try harness.signIn("siobhan_oc")  // an English reader of nothing: sign her out again
        try harness.press("5s")
        try harness.signIn("elodie.fournier")
        #expect(harness.dashboard.showsNotices)
        #expect(harness.text.contains("Avis de violation \(reference)"))
        try harness.press("a")
        #expect(harness.dashboard.currentScreen == .overview)
        #expect(words(harness).contains("Une violation de données qui vous concerne est en cours (\(reference))"))
        try harness.press("5s")

        var draft = paymentDraft(harness)
        draft.advice = [.watchStatements, .bewarePhishing]
        try BreachRegister(context: harness.context).update(reference: reference, draft, staff: staff)
        let again = try harness.signIn("elodie.fournier")
        #expect(harness.dashboard.showsNotices)
        #expect(again.contains("version 2"))
        try harness.press("a")

        let list = try harness.press("n")
        #expect(harness.dashboard.showsNotices)
        #expect(list.contains("Avis de violation"))
        #expect(list.contains(reference) && list.contains("en cours") && list.contains("confirmé"))
        let opened = try harness.press("<Enter>")
        #expect(opened.contains("Avis de violation \(reference)"))
        try harness.press("<Esc>")
        try harness.press("<Esc>")
        #expect(!harness.dashboard.showsNotices)
        #expect(harness.dashboard.currentScreen == .overview)

        try BreachRegister(context: harness.context).close(reference: reference, staff: staff)
        try harness.press("2")
        let overview = try harness.press("1")
        #expect(!overview.contains("Une violation de données qui vous concerne"))
        let closed = try harness.press("n")
        #expect(closed.contains(reference) && closed.contains("close"))
    }

    @Test("a forced password change comes first, then the notice, then the Overview")
    func afterPasswordChange() throws {
        let (harness, staff) = try prepared(size: Size(width: 80, height: 24))
        let reference = try publishPayment(harness, staff)
        let lena = try harness.account("lena.mueller")
        try harness.context.store.write { db in
            try db.execute(sql: "UPDATE account SET mustChangePassword = 1 WHERE id = ?", arguments: [lena.id])
        }
        try harness.signIn("lena.mueller")
        #expect(harness.dashboard.session == nil)
        #expect(!harness.text.contains(reference))
        try harness.press("my brand new pass<Tab>my brand new pass<Enter>")
        #expect(harness.dashboard.showsNotices)
        #expect(harness.text.contains(reference))
        try harness.press("a")
        #expect(harness.dashboard.currentScreen == .overview && !harness.dashboard.showsNotices)
    }
}
