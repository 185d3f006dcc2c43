import Foundation
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("access report: a full copy, in words")
struct AccessReportCompletenessTests {
    /// A support message of about 3,000 characters whose last words are easy to find.
    static let longMessage =
        (1...420).map { "word\($0)" }.joined(separator: " ") + " and these are the last words."

    /// The report's words with every run of spaces and line breaks made one space (the report wraps lines).
    static func flat(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Adds a long message from support, a paid payment and an unheld technical log to the fixture's account.
    static func addRecords(_ fixture: ExportFixture) throws {
        let id = fixture.account.id
        let at = (UTCCalendar.day("2026-03-02")?.epochSeconds ?? 0)
        try fixture.env.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO support_message (accountId, channel, direction, sentAt, body)
                    VALUES (?, 'email', 'from-support', ?, ?)
                    """, arguments: [id, at, longMessage])
            try db.execute(
                sql: """
                    INSERT INTO payment_transaction (accountId, occurredAt, amountCents, currency, description, outcome)
                    VALUES (?, ?, 1299, 'EUR', 'Monthly plan', 'paid')
                    """, arguments: [id, at])
            try db.execute(
                sql: """
                    INSERT INTO technical_log (accountId, loggedAt, level, component, message, securityHold)
                    VALUES (?, ?, 'metric', 'player', 'buffer 2s', 0)
                    """, arguments: [id, at])
        }
    }

    @Test("every record is listed and a 3,000-character message is there whole")
    func everyRecordWhole() throws {
        let fixture = try ExportFixture()
        try Self.addRecords(fixture)
        #expect(Self.longMessage.count > 3_000)
        let text = try AccessReportWriter(context: fixture.env.context).render(accountId: fixture.account.id)
        let flat = Self.flat(text)
        #expect(flat.contains(Self.longMessage))
        #expect(!text.contains("\u{2026}"))
        for index in 0..<12 { #expect(flat.contains("programme: Programme \(index);"), "viewing record \(index)") }
        #expect(flat.contains("This report is a complete copy of the data it covers"))
        // Without an export beside it, even a set over the limit is listed whole.
        let listed = try AccessReportWriter(context: fixture.env.context).render(
            accountId: fixture.account.id, listLimit: 5)
        for index in 0..<12 { #expect(Self.flat(listed).contains("programme: Programme \(index);")) }
    }

    @Test("beside a zip export, a set too long to list is named at the top as the export's CSV file")
    func largeSetNamedAtTop() throws {
        let fixture = try ExportFixture()
        let archive = "privacy-export-ada-20261129-090000.zip"
        let text = try AccessReportWriter(context: fixture.env.context).render(
            accountId: fixture.account.id, archive: archive, listLimit: 5)
        let flat = Self.flat(text)
        let named = try #require(
            flat.range(of: "Viewing events (13 records): the file viewing.csv inside \(archive)"))
        let firstCategory = try #require(flat.range(of: "1. Account"))
        #expect(named.lowerBound < firstCategory.lowerBound, "the note comes before the categories")
        #expect(!flat.contains("Programme 0"))
        #expect(flat.contains("every record is in the file viewing.csv inside \(archive)"))
        // Small sets are still listed whole.
        #expect(flat.contains("Danke, erledigt."))
    }

    @Test("codes read as words: direction, payment outcome, security hold, in English and German")
    func codesInWords() throws {
        let fixture = try ExportFixture()
        try Self.addRecords(fixture)
        let writer = AccessReportWriter(context: fixture.env.context)
        let english = Self.flat(try writer.render(accountId: fixture.account.id))
        #expect(!english.contains("from-support"))
        #expect(!english.contains("from-subscriber"))
        #expect(english.contains("direction: from support"))
        #expect(english.contains("held for a security investigation: no"))
        let german = Self.flat(try writer.render(accountId: fixture.account.id, language: "de"))
        #expect(!german.contains("aufbewahrt: 0"))
        #expect(german.contains("für eine Sicherheitsuntersuchung aufbewahrt: nein"))
        #expect(german.contains("Ergebnis: bezahlt"))
        #expect(!german.contains("Ergebnis: paid"))
    }

    @Test(
        "transfers abroad and the right to complain have their own sections in each language",
        arguments: [
            [
                "en", "Transfers abroad", "standard contractual clauses", "(EEA)", "Your right to complain",
                "supervisory",
            ],
            [
                "de", "Übermittlung ins Ausland", "Standardvertragsklauseln", "(EWR)", "Ihr Recht auf Beschwerde",
                "Aufsichtsbehörde",
            ],
            [
                "fr", "Transferts à l'étranger", "clauses contractuelles types", "(EEE)",
                "Votre droit de porter plainte", "autorité de contrôle",
            ],
        ])
    func transfersAndComplaint(words: [String]) throws {
        let fixture = try ExportFixture()
        let text = try AccessReportWriter(context: fixture.env.context).render(
            accountId: fixture.account.id, language: words[0])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let transfers = try #require(lines.firstIndex(of: words[1]))
        #expect(lines[transfers + 1].allSatisfy { $0 == "-" })
        let section = Self.flat(lines[transfers...].prefix(14).joined(separator: "\n"))
        #expect(section.contains(words[2]))
        #expect(section.contains(words[3]))
        let complaint = try #require(lines.firstIndex(of: words[4]))
        #expect(Self.flat(lines[complaint...].prefix(6).joined(separator: "\n")).contains(words[5]))
    }

    @Test("the session's language wins: an access request's report is in it, else in the subscriber's own")
    func reportLanguageWins() throws {
        let fixture = try ExportFixture()
        _ = try LanguagePreferenceService(context: fixture.env.context).set(accountId: fixture.account.id, to: .german)
        let first = try fixture.env.request(for: fixture.account, in: .inProgress, type: .access, scope: .all)
        let chosen = try RequestFulfilment(context: fixture.env.context).carryOut(
            reference: first.reference,
            options: FulfilmentOptions(actor: .support, folder: fixture.outputs.url.path, reportLanguage: "en"))
        let report = try String(contentsOfFile: try #require(chosen.outputs.first?.path), encoding: .utf8)
        #expect(report.contains("what is held about you"))
        #expect(!report.contains("Ihre Rechte"))

        let second = try fixture.env.request(for: fixture.account, in: .inProgress, type: .access, scope: .all)
        let folder = fixture.output("own")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let own = try RequestFulfilment(context: fixture.env.context).carryOut(
            reference: second.reference, options: FulfilmentOptions(actor: .support, folder: folder))
        let german = try String(contentsOfFile: try #require(own.outputs.first?.path), encoding: .utf8)
        #expect(german.contains("Ihre Rechte"))
    }
}
