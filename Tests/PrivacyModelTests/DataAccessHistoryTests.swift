import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("who has seen my data")
struct DataAccessHistoryTests {
    /// An agent reads the summary for the open request, an approver exports under a ticket, the system purges
    /// nothing but erases a category, and other subscribers' and the subscriber's own entries stay out.
    static func prepare(_ fixture: StaffFixture) throws {
        let context = fixture.env.context
        let agent = StaffDataAccess(context: context, access: fixture.access(.agent, .request(fixture.open.reference)))
        _ = try agent.summaries(accountId: fixture.account.id)
        fixture.env.clock.advance(by: 60)
        _ = try agent.page(recordSet: "viewing-events", accountId: fixture.account.id)
        fixture.env.clock.advance(by: 60)
        let approver = StaffDataAccess(context: context, access: fixture.access(.approver, .ticket("ZD-4411")))
        _ = try approver.summaries(accountId: fixture.other.id)
        try approver.export(
            accountId: fixture.account.id, to: fixture.env.directory.path("seen.json"), options: .init(format: .json))
        fixture.env.clock.advance(by: 60)
        try context.store.write { db in
            try AuditLog.append(
                db, at: context.now, accountId: fixture.account.id, actor: "system", action: "category-erased",
                detail: "PD-X viewing: 3 deleted")
            try AuditLog.append(
                db, at: context.now, accountId: fixture.account.id, actor: "subscriber", action: "sign-in")
            try AuditLog.append(db, at: context.now, accountId: nil, actor: "system", action: "retention-run")
        }
    }

    @Test("lists every staff read of this subscriber and the system's steps on their data, newest first")
    func model() throws {
        let fixture = try StaffFixture()
        try Self.prepare(fixture)
        let entries = try DataAccessHistory(context: fixture.env.context).entries(accountId: fixture.account.id)
        #expect(
            entries.map(\.action) == [
                "category-erased", "staff-read-export", "staff-read-records", "staff-read-summary",
            ])
        #expect(entries[0].actor == .system && entries[0].reason == nil && entries[0].subject == nil)
        #expect(entries[1].actor == .staff(role: .approver, pseudonym: "S-2X"))
        #expect(entries[1].reason == .ticket("ZD-4411") && entries[1].subject == "json")
        #expect(entries[2].actor == .staff(role: .agent, pseudonym: "S-3X"))
        #expect(entries[2].reason == .request(fixture.open.reference) && entries[2].subject == "viewing-events")
        #expect(entries[3].at < entries[2].at)
        let other = try DataAccessHistory(context: fixture.env.context).entries(accountId: fixture.other.id)
        #expect(other.map(\.action) == ["staff-read-summary"])
    }

    @Test("a retention run that deletes an account's records shows on that account as the system, naming the set")
    func retention() throws {
        let fixture = try StaffFixture()
        let old = fixture.env.clock.now().addingTimeInterval(-3 * 366 * 86_400)
        try fixture.env.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds)
                    VALUES (?, 'Arte', 'News', 'news', ?, 600)
                    """, arguments: [fixture.account.id, old.epochSeconds])
        }
        _ = try RetentionService(context: fixture.env.context).run(asOf: fixture.env.clock.now())
        let entries = try DataAccessHistory(context: fixture.env.context).entries(accountId: fixture.account.id)
        let deletion = try #require(entries.first { $0.action == "retention-deleted" })
        #expect(deletion.actor == .system && deletion.subject == "viewing-events")
        let english = DataAccessWording(
            strings: try Strings.bundled(language: "en"), catalogue: fixture.env.context.catalogue)
        #expect(english.what(deletion) == "deleted records past their retention period: Viewing events")
        #expect(try DataAccessHistory(context: fixture.env.context).entries(accountId: fixture.other.id).isEmpty)
    }

    @Test("the words: role and pseudonym, never the name; the reason; what, with the record set's name")
    func wording() throws {
        let fixture = try StaffFixture()
        try Self.prepare(fixture)
        let entries = try DataAccessHistory(context: fixture.env.context).entries(accountId: fixture.account.id)
        for language in ["en", "de", "fr"] {
            let strings = try Strings.bundled(language: language)
            let wording = DataAccessWording(strings: strings, catalogue: fixture.env.context.catalogue)
            for entry in entries {
                for text in [wording.who(entry), wording.reason(entry), wording.what(entry)] {
                    #expect(
                        !text.contains("⟦") && !text.contains("{") && !text.contains("Name of"), "\(language) \(text)")
                }
            }
        }
        let english = DataAccessWording(
            strings: try Strings.bundled(language: "en"), catalogue: fixture.env.context.catalogue)
        #expect(english.who(entries[0]) == "the system")
        #expect(english.who(entries[2]) == "agent S-3X")
        #expect(english.reason(entries[2]) == "request \(fixture.open.reference)")
        #expect(english.what(entries[2]) == "read your records: Viewing events")
        #expect(english.what(entries[1]) == "exported your data (json)")
        let unknown = DataAccessEntry(id: 1, at: Date(), actor: .system, reason: nil, action: "new-step", subject: nil)
        #expect(english.what(unknown) == "another step (new-step)")
    }

    @Test("the access report has a section listing each access, oldest first, with its reason")
    func report() throws {
        let fixture = try StaffFixture()
        let writer = AccessReportWriter(context: fixture.env.context)
        let empty = try writer.render(accountId: fixture.account.id)
        #expect(empty.contains("Who has seen your data"))
        #expect(empty.contains("No member of staff has read or changed your data"))
        try Self.prepare(fixture)
        let text = try writer.render(accountId: fixture.account.id)
        let section = try #require(text.components(separatedBy: "Who has seen your data").last)
        let summary = try #require(section.range(of: "approver S-2X: exported your data (json)"))
        let erased = try #require(section.range(of: "the system: erased a category of your data"))
        let agent = try #require(section.range(of: "agent S-3X: read the summary of your data"))
        #expect(agent.lowerBound < summary.lowerBound && summary.lowerBound < erased.lowerBound)
        #expect(section.contains("reason: ticket ZD-4411"))
        #expect(section.contains("reason: request \(fixture.open.reference)"))
        #expect(!section.contains("Name of"))
        let german = try writer.render(accountId: fixture.account.id, language: "de")
        #expect(german.contains("Wer Ihre Daten gesehen hat") && german.contains("Grund: Ticket ZD-4411"))
    }

    @Test("the export has a dataAccess array in export.json and data-access.csv in the CSV folder")
    func export() throws {
        let fixture = try StaffFixture()
        try Self.prepare(fixture)
        let exporter = PortabilityExporter(context: fixture.env.context)
        let jsonPath = fixture.env.directory.path("out.json")
        try exporter.export(accountId: fixture.account.id, to: jsonPath, options: .init(format: .json))
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: jsonPath))) as? [String: Any])
        let accesses = try #require(document["dataAccess"] as? [[String: Any]])
        #expect(
            accesses.map { $0["action"] as? String } == [
                "staff-read-summary", "staff-read-records", "staff-read-export", "category-erased",
            ])
        #expect(accesses[0]["staffId"] as? String == "S-3X" && accesses[0]["staffRole"] as? String == "agent")
        #expect(accesses[0]["reason"] as? String == "request:\(fixture.open.reference)")
        #expect(accesses[0]["actor"] as? String == "staff")
        #expect(accesses[3]["actor"] as? String == "system" && accesses[3]["staffId"] is NSNull)
        #expect(accesses[1]["subject"] as? String == "viewing-events")

        let csvPath = fixture.env.directory.path("out-csv")
        let result = try exporter.export(accountId: fixture.account.id, to: csvPath, options: .init(format: .csv))
        let file = try #require(result.files.first { $0.path == "data-access.csv" })
        #expect(file.rows == 4 && file.category == nil)
        let csv = try String(contentsOfFile: csvPath + "/data-access.csv", encoding: .utf8)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.first == "at,actor,staffRole,staffId,reason,action,subject")
        #expect(lines.count == 6 && lines[5].isEmpty)
        #expect(lines[4].contains(",system,,,,category-erased,"))
        #expect(lines[3].contains(",staff,approver,S-2X,ticket:ZD-4411,staff-read-export,json"))
    }
}
