import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// The fast paths of the encoders give the same text as the plain ones: times from the cached day, column
/// bytes copied in place.
@Suite("portability export: encoding fast paths")
struct ExportEncodingTests {
    @Test("times formatted with the day cache match Date's ISO 8601 text, forwards, backwards and across days")
    func dayCache() {
        let instants: [Int64] = [
            1_795_942_800, 1_795_942_801, 1_795_942_799, 1_795_996_799, 1_795_996_800, 1_700_000_000, 0, -1,
            -86_400, -86_401, 951_782_400, 951_868_799, 253_402_300_799, 253_402_300_800, -62_167_219_201,
        ]
        var cache = ExportTime.DayCache()
        var cached: [UInt8] = []
        for seconds in instants {
            cached.removeAll()
            ExportTime.append(seconds, to: &cached, cache: &cache)
            #expect(String(decoding: cached, as: UTF8.self) == Date(epochSeconds: seconds).iso8601UTC, "\(seconds)")
        }
    }

    @Test("text with a NUL or invalid UTF-8 is exported as GRDB reads it: up to the NUL, invalid bytes as U+FFFD")
    func oddStoredText() throws {
        let fixture = try ExportFixture()
        let base = UTCCalendar.day("2027-01-01")?.epochSeconds ?? 0
        try fixture.env.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds)
                    VALUES (?, 'zdf', CAST(X'4100424344' AS TEXT), CAST(X'41FF42' AS TEXT), ?, 60),
                           (?, 'zdf', '=SUM(A1)', CAST(X'3DC29B41' AS TEXT), ?, 60)
                    """, arguments: [fixture.account.id, base, fixture.account.id, base + 1])
        }
        let path = fixture.output("odd.json")
        try fixture.exporter.export(
            accountId: fixture.account.id, to: path, options: ExportOptions(format: .json, categories: ["viewing"]))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"title\":\"A\",\"genre\":\"A\u{FFFD}B\""))
        #expect(text.contains("\"title\":\"=SUM(A1)\",\"genre\":\"=\u{9B}A\""))

        let folder = fixture.output("odd-csv")
        try fixture.exporter.export(
            accountId: fixture.account.id, to: folder, options: ExportOptions(format: .csv, categories: ["viewing"]))
        let csv = try String(contentsOfFile: folder + "/viewing.csv", encoding: .utf8)
        #expect(csv.contains(",zdf,A,A\u{FFFD}B,60\r\n"))
        #expect(csv.contains(",zdf,'=SUM(A1),'=\u{FFFD}A,60\r\n"))
    }
}
