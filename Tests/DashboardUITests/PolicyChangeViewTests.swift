import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("Policy screen: the change view and the version history")
@MainActor
struct PolicyChangeViewTests {
    static let version = "2026-12-30.1"

    /// Stores a published material version effective 2026-12-30 (31 days after the tests' start) whose
    /// "recommendations" section is reworded, with a German translation of its texts.
    static func publishLater(_ context: PrivacyContext) throws {
        let url = try #require(CatalogueLoader.bundledURL)
        var policy = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        policy["version"] = version
        policy["effectiveDate"] = "2026-12-30"
        var sections = try #require(policy["sections"] as? [[String: Any]])
        let index = try #require(sections.firstIndex { $0["id"] as? String == "recommendations" })
        sections[index]["title"] = "Recommendations and trailers"
        sections[index]["summary"] = "Trailers now play from your viewing history too."
        policy["sections"] = sections
        let policyText = String(decoding: try JSONSerialization.data(withJSONObject: policy), as: UTF8.self)
        var german = try CatalogueLoader.bundledTexts(language: "de")
        german["section.recommendations.title"] = "Empfehlungen und Trailer"
        let texts = String(decoding: try JSONEncoder().encode(["de": german]), as: UTF8.self)
        try context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO policy_version (version, effectiveDate, publishedAt, material, summary, policy, texts)
                    VALUES (?, '2026-12-30', ?, 1, ?, ?, ?)
                    """,
                arguments: [
                    version, TestDefaults.start.epochSeconds,
                    #"{"de":"Trailer \u001b[31maus dem Verlauf.","en":"Trailers from your history."}"#, policyText,
                    texts,
                ])
        }
    }

    /// The frame's rows joined, so a sentence cut over two rows still reads as one.
    static func words(_ harness: DashboardHarness) -> String {
        harness.lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    @Test(
        "in German the Policy screen opens on the change: days left, the sanitised summary, the reworded section",
        arguments: [Size(width: 80, height: 24), Size(width: 120, height: 40)])
    func germanChangeView(size: Size) throws {
        let harness = try DashboardHarness(size: size, language: "de")
        try Self.publishLater(harness.context)
        try harness.signIn()
        try harness.press("6")
        var seen = Self.words(harness)
        #expect(seen.contains("Version \(Self.version)"))
        #expect(seen.contains("Noch 31 Tage, bis sie gilt"))
        #expect(seen.contains("aus dem Verlauf."))
        #expect(!harness.text.contains("\u{1b}"))
        #expect(harness.lines.last?.contains("? ") == true)
        for _ in 0..<4 { seen += " " + Self.words(harness) + " " + (try harness.press("<PgDn>")) }
        #expect(seen.contains("Abschnitt neu gefasst: Empfehlungen und Trailer."))
        #expect(seen.contains("Taste o: einem Zweck widersprechen"))
        #expect(seen.contains("Taste D: Ihr Konto löschen."))
    }

    @Test("acknowledging in the change view records the version and the Overview alert for it is gone")
    func acknowledgeHidesAlert() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        try Self.publishLater(harness.context)
        let overview = try harness.signIn()
        #expect(overview.contains("Policy change in 31 days"))
        try harness.press("6")
        #expect(Self.words(harness).contains("31 days left before it applies"))
        let after = try harness.press("a")
        #expect(after.contains("Thank you: you acknowledged policy version \(Self.version)."))
        #expect(after.contains("Our promises"))
        let account = try harness.account("lena.mueller")
        let at = try PolicyVersionService(context: harness.context).acknowledgedAt(
            accountId: account.id, version: Self.version)
        #expect(at == TestDefaults.start)
        #expect(!(try harness.press("1")).contains("Policy change in"))
        #expect(try harness.press("6").contains("Our promises"))
        #expect(try harness.press("c").contains("No new policy version is waiting for you."))
    }

    @Test("v lists the built-in version in force and the published one as coming, with the acknowledgements")
    func history() throws {
        let harness = try DashboardHarness(size: Size(width: 80, height: 24))
        try Self.publishLater(harness.context)
        try harness.signIn()
        try harness.press("6")
        let builtIn = try CatalogueLoader.bundled().version
        let list = try harness.press("v")
        #expect(list.contains("Policy versions"))
        let rows = harness.lines
        let first = try #require(rows.first { $0.contains(builtIn) })
        let second = try #require(rows.first { $0.contains(Self.version) })
        #expect(first.contains("first") && first.contains("in force"))
        #expect(!first.contains("not yet"))
        #expect(second.contains("material") && second.contains("coming") && second.contains("not yet"))
        #expect(try #require(rows.firstIndex(of: first)) < (try #require(rows.firstIndex(of: second))))
        try harness.press("<Esc>c")
        try harness.press("a")
        let after = try harness.press("v")
        let acknowledged = try #require(harness.lines.first { $0.contains(Self.version) })
        #expect(acknowledged.contains("2026-11-29"), "\(after)")
    }

    @Test("o opens the request wizard at the objection's purposes; D opens the account deletion dry run")
    func waysToAct() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        try Self.publishLater(harness.context)
        try harness.signIn()
        try harness.press("6")
        let wizard = try harness.press("o")
        #expect(wizard.contains("step 2 of"))
        #expect(wizard.contains("What should the Objection request cover?"))
        try harness.press("<Esc><Esc>6")
        let deletion = try harness.press("D")
        #expect(deletion.contains("Delete account: dry run, nothing is deleted yet"))
    }

    @Test("after the effective day an unacknowledged version still shows, as in force, until acknowledged")
    func appliedButUnacknowledged() throws {
        let harness = try DashboardHarness()
        try Self.publishLater(harness.context)
        harness.clock.set(TestDefaults.start.addingTimeInterval(32 * 86_400))
        try harness.signIn()
        try harness.press("6")
        #expect(Self.words(harness).contains("In force since 2026-12-30; you have not acknowledged it yet."))
    }

    @Test("a German session names the categories with the texts published with the version in force")
    func sessionUsesPublishedTexts() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40), language: "de")
        let url = try #require(CatalogueLoader.bundledURL)
        var policy = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        policy["version"] = "2026-11-29.1"
        policy["effectiveDate"] = "2026-11-29"
        let policyText = String(decoding: try JSONSerialization.data(withJSONObject: policy), as: UTF8.self)
        var german = try CatalogueLoader.bundledTexts(language: "de")
        german["category.viewing.name"] = "Sehverlauf neu"
        let texts = String(decoding: try JSONEncoder().encode(["de": german]), as: UTF8.self)
        try harness.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO policy_version (version, effectiveDate, publishedAt, material, summary, policy, texts)
                    VALUES ('2026-11-29.1', '2026-11-29', ?, 0, '{"en":"Names."}', ?, ?)
                    """,
                arguments: [TestDefaults.start.epochSeconds, policyText, texts])
        }
        let overview = try harness.signIn()
        #expect(overview.contains("Sehverlauf neu"))
    }
}
