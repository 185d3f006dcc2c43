import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("Overview: a published policy change that applies later")
@MainActor
struct OverviewPolicyChangeAlertTests {
    /// Stores a published version effective on 2026-12-30 (31 days after the tests' start) with its summaries.
    static func publishLater(_ context: PrivacyContext) throws {
        let url = try #require(CatalogueLoader.bundledURL)
        let policy = try String(contentsOf: url, encoding: .utf8)
        try context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO policy_version (version, effectiveDate, publishedAt, material, summary, policy)
                    VALUES ('2026-12-30.1', '2026-12-30', ?, 1, ?, ?)
                    """,
                arguments: [
                    TestDefaults.start.epochSeconds,
                    #"{"de":"Verlauf nur 12 Monate.","en":"History kept 12 months.","fr":"Historique 12 mois."}"#,
                    policy,
                ])
        }
    }

    @Test(
        "the alert gives the days left, the day and the summary in the reader's language, and the key to open it",
        arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func alertWithDaysLeft(size: Size) throws {
        let harness = try DashboardHarness(size: size)
        try Self.publishLater(harness.context)
        _ = try harness.signIn()
        let words = harness.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(words.contains("Policy change in 31 days"))
        #expect(words.contains("press 6: History kept 12 months."))
    }

    @Test("in German the alert reads in German; once acknowledged, it is gone")
    func germanAndAcknowledged() throws {
        let harness = try DashboardHarness(language: "de")
        try Self.publishLater(harness.context)
        let text = try harness.signIn()
        #expect(text.contains("in 31 Tagen"))
        #expect(text.contains("Taste 6: Verlauf nur 12"))
        let account = try harness.account("lena.mueller")
        try PolicyVersionService(context: harness.context).acknowledge(accountId: account.id, version: "2026-12-30.1")
        let again = try harness.press("1")
        #expect(!again.contains("Verlauf nur 12"))
    }
}
