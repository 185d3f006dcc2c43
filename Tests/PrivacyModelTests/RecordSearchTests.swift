import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// A small seeded generator, so the random records and filters are the same on every run.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("record search: the trigram index and the stepped scan")
struct RecordSearchTests {
    /// Pieces of text the random titles are made of: mixed case, non-ASCII, LIKE wildcards, quotes.
    static let pieces = [
        "News", "news", "NEWS", "Été", "été", "ÉTÉ", "Straße", "STRASSE", "100%", "a_b", "back\\slash", "\"quoted\"",
        "Krimi", "krimi", "doc", "Doku", "ab", "xy", " ", "é", "ß", "日本語", "Ω",
    ]

    /// Records of the account as the plain scan sees them: key, time and the searchable columns.
    private struct Plain {
        let key: Int64
        let time: Int64
        let texts: [String?]
    }

    /// A plain case-insensitive substring scan, as SQL LIKE does it: ASCII letters fold, nothing else does.
    private static func folded(_ text: String) -> [UInt8] {
        text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }
    }

    private static func contains(_ text: String, _ needle: String) -> Bool {
        let haystack = folded(text)
        let pattern = folded(needle)
        guard !pattern.isEmpty else { return true }
        guard haystack.count >= pattern.count else { return false }
        for start in 0...(haystack.count - pattern.count)
        where haystack[start..<start + pattern.count].elementsEqual(pattern) {
            return true
        }
        return false
    }

    /// The keys the plain scan finds, newest first.
    private static func plainScan(_ env: TestEnvironment, set: String, accountId: Int64, filter: String) throws
        -> [Int64]
    {
        let table = try #require(RecordSetTable.named(set))
        let columns = table.searchable.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let rows = try env.context.store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(table.rowKey), \(table.timeColumn), \(columns) FROM \(table.table)
                    WHERE \(table.ownerColumn) = ?
                    """, arguments: [accountId]
            ).map { row in
                Plain(key: row[0], time: row[1], texts: (0..<table.searchable.count).map { row[$0 + 2] })
            }
        }
        let needle = filter.trimmingCharacters(in: .whitespaces)
        return
            rows
            .filter { record in record.texts.contains { $0.map { contains($0, needle) } ?? false } }
            .sorted { ($0.time, $0.key) > ($1.time, $1.key) }
            .map(\.key)
    }

    /// Every matching key, newest first, walking the pages with `RecordSearch` configured by `configure`.
    private static func searched(
        _ env: TestEnvironment, set: String, accountId: Int64, filter: String, limit: Int = 7,
        configure: (inout RecordSearch) -> Void = { _ in }
    ) throws -> (keys: [Int64], plans: Set<RecordSearch.Plan>) {
        let service = CollectedDataService(context: env.context)
        var keys: [Int64] = []
        var plans: Set<RecordSearch.Plan> = []
        var position = PagePosition.newest
        while true {
            var search = try RecordSearch(
                recordSet: set, accountId: accountId, position: position, limit: limit, filter: filter)
            configure(&search)
            var steps = 0
            while !search.isFinished {
                try search.step(in: service)
                steps += 1
                #expect(steps < 10_000)
            }
            plans.insert(search.plan)
            let page = try #require(search.result)
            keys += page.records.map(\.key)
            guard let next = page.olderPosition else { break }
            position = next
        }
        return (keys, plans)
    }

    @Test("on random records, every filter finds exactly what a plain case-insensitive scan finds")
    func randomAgainstPlainScan() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let other = try env.makeAccount(email: "bob@example.com", username: "bob")
        var random = SplitMix(state: 20_261_204)
        var titles: [String] = []
        try env.context.store.write { db in
            for index in 0..<400 {
                let owner = index % 5 == 0 ? other.id : account.id
                let title = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                    Self.pieces.randomElement(using: &random) ?? ""
                }.joined()
                titles.append(title)
                let genre = Self.pieces.randomElement(using: &random) ?? ""
                try db.execute(
                    sql: """
                        INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds)
                        VALUES (?, ?, ?, ?, ?, 60)
                        """,
                    arguments: [
                        owner, index % 3 == 0 ? "Arte" : "ZDF", title, genre, Int.random(in: 0...50, using: &random),
                    ])
            }
        }
        // Filters: pieces of the titles (any case), the pieces themselves, and words that are absent.
        var filters = Self.pieces + ["zzz", "absent word", "e", "É", "arte", "%", "_", "\\", "\"", "  news  "]
        for _ in 0..<40 {
            let title = Array(titles.randomElement(using: &random) ?? "")
            guard !title.isEmpty else { continue }
            let start = Int.random(in: 0..<title.count, using: &random)
            let end = min(title.count, start + Int.random(in: 1...6, using: &random))
            let piece = String(title[start..<end])
            filters.append(Bool.random(using: &random) ? piece.uppercased() : piece)
        }
        var plansSeen: Set<RecordSearch.Plan> = []
        for filter in filters where !filter.trimmingCharacters(in: .whitespaces).isEmpty {
            let expected = try Self.plainScan(env, set: "viewing-events", accountId: account.id, filter: filter)
            let indexed = try Self.searched(env, set: "viewing-events", accountId: account.id, filter: filter)
            #expect(indexed.keys == expected, "filter \(filter.debugDescription)")
            plansSeen.formUnion(indexed.plans)
            // The same filter forced through the stepped scan, a few records per step.
            let scanned = try Self.searched(env, set: "viewing-events", accountId: account.id, filter: filter) {
                $0.indexCandidateLimit = -1
                $0.sliceSize = 5
            }
            #expect(scanned.keys == expected, "scanned filter \(filter.debugDescription)")
            #expect(scanned.plans == [.scan])
            // The service's page (what the screens and the CLI call) agrees with the first page.
            let page = try CollectedDataService(context: env.context).page(
                recordSet: "viewing-events", accountId: account.id, limit: 7, filter: filter)
            #expect(page.records.map(\.key) == Array(expected.prefix(7)))
            #expect(page.hasOlder == (expected.count > 7))
        }
        #expect(plansSeen == [.index, .scan])
    }

    @Test("the oldest page and pages towards newer records match the plain scan too")
    func towardsNewer() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insert(
            "viewing-events", accountId: account.id,
            at: (0..<30).map { TestDefaults.start.addingTimeInterval(Double(-$0 * 60)) })
        let expected = try Self.plainScan(env, set: "viewing-events", accountId: account.id, filter: "NIGHT")
        #expect(expected.count == 30)
        let service = CollectedDataService(context: env.context)
        let oldest = try service.page(
            recordSet: "viewing-events", accountId: account.id, position: .oldest, limit: 4, filter: "NIGHT")
        #expect(oldest.records.map(\.key) == Array(expected.suffix(4)))
        #expect(oldest.hasNewer && !oldest.hasOlder)
        let newer = try service.page(
            recordSet: "viewing-events", accountId: account.id, position: try #require(oldest.newerPosition), limit: 4,
            filter: "ght")
        #expect(newer.records.map(\.key) == Array(expected.dropLast(4).suffix(4)))
    }

    /// The index is exact (FTS5's own check) and a search for each word equals the plain scan.
    private static func expectExact(
        _ env: TestEnvironment, accountId: Int64, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(try env.context.store.searchIndexFindings() == [], sourceLocation: sourceLocation)
        for filter in ["night news", "Metropolis", "arte", "Programme"] {
            let expected = try plainScan(env, set: "viewing-events", accountId: accountId, filter: filter)
            let found = try searched(env, set: "viewing-events", accountId: accountId, filter: filter)
            #expect(found.keys == expected, "filter \(filter)", sourceLocation: sourceLocation)
        }
    }

    @Test("the index stays exact after a retention run, an erasure and an account purge")
    func exactAfterDeletions() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let other = try env.makeAccount(email: "bob@example.com", username: "bob")
        let old = (0..<40).map { TestDefaults.start.addingTimeInterval(Double(-(3_000 + $0) * 86_400)) }
        let recent = (0..<20).map { TestDefaults.start.addingTimeInterval(Double(-$0 * 3_600)) }
        try env.insert("viewing-events", accountId: account.id, at: old + recent)
        try env.insert("viewing-events", accountId: other.id, at: old + recent)
        try env.insert("support-messages", accountId: account.id, at: recent)
        try Self.expectExact(env, accountId: account.id)

        let before = try env.count("viewing-events", accountId: account.id)
        _ = try RetentionService(context: env.context).run(asOf: TestDefaults.start)
        #expect(try env.count("viewing-events", accountId: account.id) < before)
        try Self.expectExact(env, accountId: account.id)

        _ = try ErasureService(context: env.context, batchSize: 7).erase(accountId: account.id, categoryId: "viewing")
        #expect(try env.count("viewing-events", accountId: account.id) == 0)
        try Self.expectExact(env, accountId: account.id)
        try Self.expectExact(env, accountId: other.id)

        let deletion = AccountDeletionService(context: env.context, batchSize: 8)
        let receipt = try deletion.requestDeletion(accountId: other.id, password: "correct horse battery")
        env.clock.set(receipt.purgeDueAt)
        _ = try deletion.purge(accountId: other.id)
        #expect(try env.count("viewing-events", accountId: other.id) == 0)
        try Self.expectExact(env, accountId: other.id)
        #expect(
            try CollectedDataService(context: env.context).page(
                recordSet: "support-messages", accountId: account.id, filter: "hello"
            ).records.count == 20)
    }

    @Test("the index follows a correction and plain updates of the searchable columns")
    func exactAfterUpdates() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insert(
            "viewing-events", accountId: account.id,
            at: (0..<10).map { TestDefaults.start.addingTimeInterval(Double(-$0 * 60)) })
        let key = try #require(
            try env.context.store.read { db in try Int64.fetchOne(db, sql: "SELECT min(id) FROM viewing_event") })
        let corrections = RecordCorrectionService(context: env.context)
        let filed = try corrections.request(
            accountId: account.id, recordSet: "viewing-events", recordKey: key, field: "title",
            newValue: "Metropolis", note: "not mine")
        try env.requests.acknowledge(reference: filed.reference, actor: .support)
        try env.requests.verifyIdentity(reference: filed.reference, actor: .support)
        _ = try env.requests.start(reference: filed.reference, actor: .support)
        _ = try RequestFulfilment(context: env.context).complete(reference: filed.reference)
        let found = try CollectedDataService(context: env.context).page(
            recordSet: "viewing-events", accountId: account.id, filter: "metropolis")
        #expect(found.records.map(\.key) == [key])
        try env.context.store.write { db in
            try db.execute(sql: "UPDATE viewing_event SET genre = 'Programme' WHERE id % 2 = 0")
            try db.execute(sql: "UPDATE viewing_event SET durationSeconds = 5")
        }
        try Self.expectExact(env, accountId: account.id)
    }

    @Test("the index check names a table whose index no longer matches its rows")
    func checkFindsDrift() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insert("viewing-events", accountId: account.id, at: [TestDefaults.start])
        #expect(try env.context.store.searchIndexFindings() == [])
        try env.context.store.write { db in
            try db.execute(sql: "DROP TRIGGER viewing_event_search_update")
            try db.execute(sql: "UPDATE viewing_event SET title = 'Changed behind the index'")
        }
        #expect(try env.context.store.searchIndexFindings() == ["viewing_event"])
    }

    @Test("the migration fills the index from the rows a store already holds")
    func backfill() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v8-notices")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account (id, email, emailKey, username, passwordHash, birthdate, createdAt, passwordChangedAt)
                    VALUES (1, 'old@example.com', 'old@example.com', 'old', 'x', '1980-01-01', 0, 0);
                    INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds)
                    VALUES (1, 'Arte', 'Stored before the index', 'doc', 5, 60);
                    """)
        }
        try queue.close()
        let store = try PrivacyStore.open(at: path)
        #expect(try store.searchIndexFindings() == [])
        let matches = try store.read { db in
            try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM viewing_event_search WHERE viewing_event_search MATCH '\"ind\" AND \"dex\"'")
        }
        #expect(matches == 1)
    }
}
