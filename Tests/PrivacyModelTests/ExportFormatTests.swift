import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import PrivacyModel

@Suite("portability export: formats")
struct ExportFormatTests {
    /// Every entry of a zip archive, extracted in memory.
    private func entries(of path: String) throws -> [String: Data] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var result: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            result[entry.path] = data
        }
        return result
    }

    private func csvRows(_ data: Data) throws -> [[String]] {
        try CSVReader.parse(String(decoding: data, as: UTF8.self))
    }

    @Test("a zip holds export.json, one CSV per category and a manifest whose sizes, rows and SHA-256 all check out")
    func zipManifest() throws {
        let fixture = try ExportFixture()
        let path = fixture.output("export.zip")
        let result = try fixture.exporter.export(
            accountId: fixture.account.id, to: path, options: ExportOptions(format: .zip))
        #expect(result.path == path)
        #expect(try FileCheck.mode(path) == 0o600)
        #expect(try fixture.folderContents() == ["export.zip"])
        let files = try entries(of: path)
        let manifestData = try #require(files["manifest.json"])
        let manifest = try JSONDecoder().decode(ExportManifest.self, from: manifestData)
        #expect(manifest.schemaVersion == 1)
        #expect(manifest.format == "zip")
        let categories = fixture.env.context.catalogue.categories.map(\.id)
        #expect(manifest.files.map(\.path) == ["export.json"] + categories.map { "\($0).csv" } + ["data-access.csv"])
        #expect(Set(files.keys) == Set(manifest.files.map(\.path) + ["manifest.json"]))
        for listed in manifest.files {
            let data = try #require(files[listed.path])
            #expect(Int64(data.count) == listed.bytes, "size of \(listed.path)")
            #expect(try FileCheck.sha256(data) == listed.sha256, "checksum of \(listed.path)")
            if listed.path.hasSuffix(".csv") {
                #expect(try csvRows(data).count - 1 == listed.rows, "rows of \(listed.path)")
            }
        }
        let viewing = try #require(manifest.files.first { $0.category == "viewing" })
        #expect(viewing.rows == ExportFixture.viewingCount)
        #expect(manifest.files.first { $0.path == "export.json" }?.rows == result.rows)
        #expect(result.files == manifest.files)
    }

    @Test("the JSON document parses back with its schema version, columns, ISO times and every record")
    func jsonParsesBack() throws {
        let fixture = try ExportFixture()
        let path = fixture.output("export.json")
        let result = try fixture.exporter.export(
            accountId: fixture.account.id, to: path, options: ExportOptions(format: .json))
        #expect(try FileCheck.mode(path) == 0o600)
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(root["schemaVersion"] as? Int == 1)
        #expect(root["policyVersion"] as? String == fixture.env.context.catalogue.version)
        #expect((root["subscriber"] as? [String: Any])?["email"] as? String == "ada@example.com")
        let categories = try #require(root["categories"] as? [[String: Any]])
        #expect(categories.map { $0["id"] as? String } == fixture.env.context.catalogue.categories.map(\.id))
        var total = 0
        for category in categories {
            for set in try #require(category["recordSets"] as? [[String: Any]]) {
                let records = try #require(set["records"] as? [[String: Any]])
                #expect(records.count == set["recordCount"] as? Int)
                total += records.count
            }
        }
        #expect(total == result.rows)
        let viewing = try #require(categories.first { $0["id"] as? String == "viewing" })
        let set = try #require((viewing["recordSets"] as? [[String: Any]])?.first)
        #expect(set["columns"] as? [String] == ["id", "startedAt", "channel", "title", "genre", "durationSeconds"])
        let records = try #require(set["records"] as? [[String: Any]])
        #expect(records.first?["title"] as? String == TrickyText.title)
        #expect(records.first?["startedAt"] as? String == "2026-02-28T00:00:00Z")
        #expect(records.last?["durationSeconds"] as? Int == 611)
        let connection = try #require(categories.first { $0["id"] as? String == "connection" })
        let speed = (connection["recordSets"] as? [[String: Any]])?.first?["records"] as? [[String: Any]]
        #expect(speed?.first?["downloadMbps"] as? Double == 48.5)
    }

    @Test("CSV is RFC 4180: CRLF, a header, quoted commas, quotes and line breaks, and UTF-8 text round-trips")
    func csvRoundTrip() throws {
        let fixture = try ExportFixture()
        let folder = fixture.output("csv-export")
        try fixture.exporter.export(
            accountId: fixture.account.id, to: folder,
            options: ExportOptions(format: .csv, categories: ["viewing", "support"]))
        #expect(try FileCheck.mode(folder) == 0o700)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names == ["data-access.csv", "manifest.json", "support.csv", "viewing.csv"])
        #expect(try FileCheck.mode(folder + "/viewing.csv") == 0o600)
        let viewingData = try Data(contentsOf: URL(fileURLWithPath: folder + "/viewing.csv"))
        let viewing = try csvRows(viewingData)
        #expect(viewing.first == ["recordSet", "id", "startedAt", "channel", "title", "genre", "durationSeconds"])
        #expect(viewing.count == ExportFixture.viewingCount + 1)
        #expect(
            viewing[1] == ["viewing-events", "13", "2026-02-28T00:00:00Z", "NHK", TrickyText.title, "drama", "1800"])
        #expect(String(decoding: viewingData, as: UTF8.self).hasSuffix("\r\n"))
        let support = try csvRows(Data(contentsOf: URL(fileURLWithPath: folder + "/support.csv")))
        // ESC is written as a visible placeholder in CSV (see CSVNeutralisationTests); the rest round-trips.
        #expect(support[1][5] == TrickyText.body.replacingOccurrences(of: "\u{1B}", with: "\u{241B}"))
        let manifest = try JSONDecoder().decode(
            ExportManifest.self, from: Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json")))
        #expect(manifest.files.map(\.path) == ["support.csv", "viewing.csv", "data-access.csv"])
        #expect(try FileCheck.sha256(viewingData) == manifest.files[1].sha256)
    }

    @Test("a category with two record sets gets one CSV with the union of their columns")
    func twoSetCategory() throws {
        let fixture = try ExportFixture()
        try fixture.env.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO payment_method (accountId, token, brand, last4, expiry, billingCountry, addedAt)
                    VALUES (?, 'tok_1', 'Visa', '4242', '2028-01', 'DE', 100);
                    INSERT INTO payment_transaction (accountId, paymentMethodId, occurredAt, amountCents, currency, description, outcome)
                    VALUES (?, 1, 200, 1499, 'EUR', 'Monthly fee', 'paid');
                    """, arguments: [fixture.account.id, fixture.account.id])
        }
        let folder = fixture.output("payment")
        try fixture.exporter.export(
            accountId: fixture.account.id, to: folder, options: ExportOptions(format: .csv, categories: ["payment"]))
        let rows = try csvRows(Data(contentsOf: URL(fileURLWithPath: folder + "/payment.csv")))
        #expect(rows.count == 3)
        #expect(rows[0].count == 14)
        #expect(rows[1].prefix(3) == ["payment-methods", "1", "1970-01-01T00:01:40Z"])
        #expect(rows[2][0] == "payment-transactions")
        #expect(rows[2][rows[0].firstIndex(of: "amountCents") ?? 0] == "1499")
        #expect(rows[2][rows[0].firstIndex(of: "brand") ?? 0] == "")
    }

    @Test("categories and a date range narrow the export; an unknown category is refused before anything is written")
    func filters() throws {
        let fixture = try ExportFixture()
        let since = try #require(UTCCalendar.day("2026-04-01"))
        let before = try #require(UTCCalendar.day("2026-05-01"))
        let path = fixture.output("narrow.json")
        let result = try fixture.exporter.export(
            accountId: fixture.account.id, to: path,
            options: ExportOptions(format: .json, categories: ["device", "viewing"], since: since, before: before))
        // Catalogue order, whatever order they were asked in; April holds one group of three viewing events.
        let root = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let categories = try #require(root["categories"] as? [[String: Any]])
        #expect(categories.map { $0["id"] as? String } == ["viewing", "device"])
        #expect(result.rows == 3)
        let range = root["range"] as? [String: Any]
        #expect(range?["since"] as? String == "2026-04-01T00:00:00Z")
        #expect(range?["before"] as? String == "2026-05-01T00:00:00Z")

        #expect(throws: ExportError.unknownCategory("films", known: fixture.env.context.catalogue.categories.map(\.id)))
        {
            try fixture.exporter.export(
                accountId: fixture.account.id, to: fixture.output("bad.zip"),
                options: ExportOptions(format: .zip, categories: ["viewing", "films"]))
        }
        #expect(throws: ExportError.unknownCategory("", known: fixture.env.context.catalogue.categories.map(\.id))) {
            try fixture.exporter.export(
                accountId: fixture.account.id, to: fixture.output("none.zip"),
                options: ExportOptions(format: .zip, categories: [" "]))
        }
        #expect(throws: ExportError.emptyRange) {
            try fixture.exporter.export(
                accountId: fixture.account.id, to: fixture.output("empty.zip"),
                options: ExportOptions(format: .zip, since: before, before: since))
        }
        #expect(try fixture.folderContents() == ["narrow.json"])
    }

    @Test("small keyset batches export every row exactly once, in time order, even when times tie")
    func smallBatches() throws {
        let fixture = try ExportFixture()
        var seen: [ExportProgress] = []
        let folder = fixture.output("batches")
        try fixture.exporter.export(
            accountId: fixture.account.id, to: folder,
            options: ExportOptions(format: .csv, categories: ["viewing"], batchSize: 2),
            progress: { seen.append($0) })
        let rows = try csvRows(Data(contentsOf: URL(fileURLWithPath: folder + "/viewing.csv"))).dropFirst()
        #expect(rows.map { $0[1] } == ["13"] + (1...12).map(String.init))
        #expect(seen.last?.phase == .finished)
        #expect(seen.last?.rowsDone == ExportFixture.viewingCount)
        #expect(seen.filter { $0.phase == .writing }.map(\.rowsDone) == [0, 2, 4, 6, 8, 10, 12, 13])
        #expect(seen.allSatisfy { $0.rowsTotal == ExportFixture.viewingCount })
    }

    @Test("export times are the same ISO 8601 text as the rest of the model uses")
    func isoTimes() {
        for seconds: Int64 in [0, 1, 86_399, 951_782_400, 1_795_942_800, 4_102_444_799, -1, -86_401] {
            #expect(ExportTime.iso8601(seconds) == Date(epochSeconds: seconds).iso8601UTC, "\(seconds)")
        }
    }

    @Test("the default folder prefers XDG_DOWNLOAD_DIR, then ~/Downloads, then ~/privacy-dashboard-exports")
    func defaultFolder() throws {
        let home = try TemporaryDirectory()
        #expect(
            ExportLocation.defaultFolder(environment: [:], home: home.url.path)
                == home.path("privacy-dashboard-exports"))
        try FileManager.default.createDirectory(atPath: home.path("Downloads"), withIntermediateDirectories: true)
        #expect(
            ExportLocation.defaultFolder(environment: [:], home: home.url.path)
                == home.path("Downloads/privacy-dashboard"))
        try FileManager.default.createDirectory(atPath: home.path("dl"), withIntermediateDirectories: true)
        #expect(
            ExportLocation.defaultFolder(environment: ["XDG_DOWNLOAD_DIR": home.path("dl")], home: home.url.path)
                == home.path("dl/privacy-dashboard"))
        let name = ExportLocation.suggestedName(username: "ada", format: .zip, at: TestDefaults.start)
        #expect(name == "privacy-export-ada-20261129T090000Z.zip")
    }
}
