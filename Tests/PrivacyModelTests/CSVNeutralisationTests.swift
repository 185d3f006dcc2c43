import Foundation
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("portability export: CSV cells are inert in a spreadsheet")
struct CSVNeutralisationTests {
    static let formulas = [
        "=HYPERLINK(\"http://evil.example\",\"x\")", "+SUM(1,2)", "-2+3", "@SUM(A1)", "\tTAB", "\r=CR",
        "=cmd|' /C calc'!A0",
    ]

    @Test("every planted formula cell gets a leading apostrophe, controls become placeholders, JSON stays exact")
    func formulasNeutralised() throws {
        let fixture = try ExportFixture()
        let controlled = "\u{1B}]0;title\u{07}\u{9B}31m\u{7F}plain"
        try fixture.env.context.store.write { db in
            for (index, text) in (Self.formulas + [controlled]).enumerated() {
                try db.execute(
                    sql: """
                        INSERT INTO support_message (accountId, channel, direction, sentAt, body)
                        VALUES (?, 'email', 'from-subscriber', ?, ?)
                        """, arguments: [fixture.account.id, 2_000_000_000 + index, text])
            }
        }
        let folder = fixture.output("csv")
        try fixture.exporter.export(
            accountId: fixture.account.id, to: folder, options: ExportOptions(format: .csv, categories: ["support"]))
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/support.csv"))
        let bodies = try CSVReader.parse(String(decoding: data, as: UTF8.self)).dropFirst().map { $0[5] }
        for formula in Self.formulas {
            #expect(bodies.contains("'" + formula), "\(formula.debugDescription) not neutralised")
        }
        let live = bodies.filter { ["=", "+", "-", "@", "\t", "\r"].contains($0.first.map(String.init) ?? "") }
        #expect(live.isEmpty, "live cells: \(live)")
        #expect(bodies.contains("\u{241B}]0;title\u{2407}\u{FFFD}31m\u{2421}plain"))
        #expect(!data.contains(0x1B) && !data.contains(0x7F))
        let manifest = try JSONDecoder().decode(
            ExportManifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
        #expect(manifest.csvFormulaPrefix == "'")

        let json = fixture.output("export.json")
        try fixture.exporter.export(
            accountId: fixture.account.id, to: json, options: ExportOptions(format: .json, categories: ["support"]))
        let text = try String(contentsOfFile: json, encoding: .utf8)
        let document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let categories = document?["categories"] as? [[String: Any]]
        let sets = categories?.first?["recordSets"] as? [[String: Any]]
        let records = sets?.first?["records"] as? [[String: Any]]
        let stored = Set(records?.compactMap { $0["body"] as? String } ?? [])
        #expect(stored.isSuperset(of: Self.formulas + [controlled]))
    }
}
