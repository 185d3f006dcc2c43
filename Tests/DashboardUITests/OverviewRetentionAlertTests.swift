import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("Overview: a deletion the retention run missed")
@MainActor
struct OverviewRetentionAlertTests {
    @Test(
        "a record past its deletion date raises an alert naming the category and how late, not \"nothing needs\"",
        arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func missedDeletion(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        let account = try harness.account("lena.mueller")
        // Technical logs are kept 90 days: this one was due 10 days ago.
        let logged = TestDefaults.start.addingTimeInterval(-100 * 86_400).epochSeconds
        try harness.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO technical_log (accountId, loggedAt, level, component, message, securityHold)
                    VALUES (?, ?, 'error', 'player', 'stall', 0)
                    """, arguments: [account.id, logged])
        }
        let text = try harness.signIn()
        #expect(!text.contains("Nothing needs your attention."))
        // Wide windows wrap the alert in the right column: read it with the line breaks taken out.
        let words = harness.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(words.contains("Technical logs: deletion 10 days overdue;"))
        #expect(text.contains("the data is still held."))
    }

    @Test("once the retention run has run, the alert is gone")
    func clearedByTheRun() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        let logged = TestDefaults.start.addingTimeInterval(-100 * 86_400).epochSeconds
        try harness.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO technical_log (accountId, loggedAt, level, component, message, securityHold)
                    VALUES (?, ?, 'error', 'player', 'stall', 0)
                    """, arguments: [account.id, logged])
        }
        _ = try RetentionService(context: harness.context).run(asOf: TestDefaults.start)
        let text = try harness.signIn()
        #expect(text.contains("Nothing needs your attention."))
    }
}
