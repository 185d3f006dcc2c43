import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("who has seen my data (Account screen)")
@MainActor
struct AccessLogScreenTests {
    /// Inserts an agent and lets them read Lena's data summary `times` times under a ticket, a minute apart.
    private func agentReads(_ harness: DashboardHarness, times: Int, ticket: String = "ZD-4411") throws {
        let account = try harness.account("lena.mueller")
        try harness.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO staff (id, username, displayName, pseudonym, role, status, passwordHash, createdAt)
                    VALUES (9, 'ana', 'Ana Secretname', 'S-7QK2', 'agent', 'active', 'x', 0)
                    """)
        }
        let staff = StaffIdentity(
            id: 9, username: "ana", displayName: "Ana Secretname", pseudonym: "S-7QK2", role: .agent)
        let data = StaffDataAccess(context: harness.context, access: StaffAccess(staff: staff, reason: .ticket(ticket)))
        for _ in 0..<times {
            harness.clock.advance(by: 60)
            _ = try data.summaries(accountId: account.id)
        }
    }

    @Test("w on Account lists each staff access with when, role and pseudonymous id, reason and what; Esc closes")
    func listsAccesses() throws {
        let harness = try DashboardHarness()
        try agentReads(harness, times: 1)
        try harness.signIn()
        try harness.press("5")
        #expect(harness.text.contains("Press w to see who has seen your data."))
        let text = try harness.press("w")
        #expect(text.contains("Who has seen your data"))
        let row = try #require(harness.lines.first { $0.contains("▶") })
        #expect(row.contains("agent S-7QK2") && row.contains("ticket ZD-4411") && row.contains("read the"))
        #expect(text.contains("Agent S-7QK2 read the summary of your data."))
        #expect(!text.contains("Secretname"))
        #expect(harness.lines.contains { $0.contains("the system") && !$0.contains("▶") && !$0.contains("step") })
        #expect(text.contains("Newest first") && text.contains("Esc close"))
        let closed = try harness.press("<Esc>")
        #expect(!closed.contains("Who has seen your data") && closed.contains("Your profile"))
    }

    @Test("a long list scrolls like other lists: End reaches the oldest entry, Home the newest")
    func scrolls() throws {
        let harness = try DashboardHarness()
        try agentReads(harness, times: 40)
        try harness.signIn()
        try harness.press("5")
        let first = try harness.press("w")
        #expect(first.contains("Agent S-7QK2 read the summary"))
        #expect(!first.contains("The system"))
        let end = try harness.press("<End>")
        #expect(end.contains("The system"))
        #expect(!end.contains("Agent S-7QK2 read the summary"))
        let home = try harness.press("<Home>")
        #expect(home.contains("Agent S-7QK2 read the summary"))
    }

    @Test("in German, the list and its words come from the German strings")
    func german() throws {
        let harness = try DashboardHarness(language: "de")
        try agentReads(harness, times: 1)
        try harness.signIn()
        try harness.press("5")
        let text = try harness.press("w")
        #expect(text.contains("Wer Ihre Daten gesehen hat"))
        #expect(text.contains("Sachbearbeiter S-7QK2 hat die Übersicht Ihrer Daten gelesen."))
        #expect(text.contains("Grund: Ticket"))
        #expect(harness.lines.contains { $0.contains("▶") && $0.contains("Sachbearbeiter S-7QK2") })
    }

    @Test("at the smallest size the list still draws without overlapping its frame")
    func small() throws {
        let harness = try DashboardHarness(size: Size(width: 60, height: 16))
        try agentReads(harness, times: 3)
        try harness.signIn()
        try harness.press("5")
        let text = try harness.press("w")
        #expect(text.contains("Who has seen") || text.contains("too small"))
    }
}
