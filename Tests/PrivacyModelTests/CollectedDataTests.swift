import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("collected data: summaries and keyset paging")
struct CollectedDataTests {
    /// Inserts `count` viewing events, several sharing each second, the newest at `newest`.
    private func insertViewing(_ env: TestEnvironment, accountId: Int64, count: Int, newest: Date) throws {
        try env.context.store.write { db in
            let statement = try db.makeStatement(
                sql:
                    "INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds) VALUES (?, ?, ?, ?, ?, ?)"
            )
            for index in 0..<count {
                try statement.execute(arguments: [
                    accountId, index % 7 == 0 ? "arte" : "ZDF", "Programme \(index)", index % 2 == 0 ? "news" : "drama",
                    newest.epochSeconds - Int64(index / 3) * 60, 1_800,
                ])
            }
        }
    }

    @Test("the summary counts records, dates them and gives the next deletion per category")
    func summary() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let newest = TestDefaults.start.addingTimeInterval(-3_600)
        try insertViewing(env, accountId: account.id, count: 30, newest: newest)
        let held = TestDefaults.start.addingTimeInterval(-200 * 86_400)
        let fresh = TestDefaults.start.addingTimeInterval(-10 * 86_400)
        try env.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO technical_log (accountId, loggedAt, level, component, message, securityHold)
                    VALUES (?, ?, 'error', 'player', 'held for an investigation', 1), (?, ?, 'info', 'player', 'ok', 0)
                    """, arguments: [account.id, held.epochSeconds, account.id, fresh.epochSeconds])
        }
        let summaries = try CollectedDataService(context: env.context).summaries(accountId: account.id)
        #expect(summaries.map(\.category.id) == env.context.catalogue.categories.map(\.id))
        let viewing = try #require(summaries.first { $0.category.id == "viewing" })
        #expect(viewing.count == 30)
        #expect(viewing.newest == newest)
        let oldest = newest.addingTimeInterval(-9 * 60)
        #expect(viewing.oldest == oldest)
        #expect(viewing.nextDeletion == UTCCalendar.calendar.date(byAdding: .year, value: 2, to: oldest))
        let technical = try #require(summaries.first { $0.category.id == "technical" })
        #expect(technical.count == 2)
        #expect(technical.sets[0].heldCount == 1)
        // The held log does not set the next deletion; the fresh one does.
        #expect(technical.nextDeletion == fresh.addingTimeInterval(90 * 86_400))
        let accountSummary = try #require(summaries.first { $0.category.id == "account" })
        #expect(accountSummary.count == 1)
        #expect(accountSummary.nextDeletion == nil)
        #expect(summaries.first { $0.category.id == "payment" }?.count == 0)
        #expect(summaries.first { $0.category.id == "payment" }?.nextDeletion == nil)
    }

    @Test("account data falls due on the purge date once deletion is requested")
    func accountPurgeDate() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let purge = TestDefaults.start.addingTimeInterval(30 * 86_400)
        try env.context.store.write { db in
            try db.execute(
                sql: "UPDATE account SET status = 'deletion-pending', purgeDueAt = ? WHERE id = ?",
                arguments: [purge.epochSeconds, account.id])
        }
        let summaries = try CollectedDataService(context: env.context).summaries(accountId: account.id)
        #expect(summaries.first { $0.category.id == "account" }?.nextDeletion == purge)
        #expect(summaries.first { $0.category.id == "contact" }?.nextDeletion == purge)
    }

    @Test("keyset paging walks 100,000 records newest first, each exactly once, and back again")
    func keysetPaging() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let other = try env.makeAccount(email: "bob@example.com", username: "bob")
        try insertViewing(env, accountId: account.id, count: 100_000, newest: TestDefaults.start)
        try insertViewing(env, accountId: other.id, count: 1_000, newest: TestDefaults.start)
        let service = CollectedDataService(context: env.context)
        var position: PagePosition? = .newest
        var seen = Set<Int64>()
        var previous: (Int64, Int64)?
        var pages = 0
        var lastPage: RecordPage?
        while let current = position {
            let page = try service.page(
                recordSet: "viewing-events", accountId: account.id, position: current, limit: 500)
            #expect(page.records.count <= 500)
            for record in page.records {
                let key = (record.time.epochSeconds, record.key)
                if let previous { #expect(key < previous, "order broke at \(record.key)") }
                previous = key
                #expect(seen.insert(record.key).inserted)
            }
            pages += 1
            lastPage = page
            position = page.olderPosition
        }
        #expect(seen.count == 100_000)
        #expect(pages == 200)
        // Walking back from the oldest page returns the newer records in the same order.
        let last = try #require(lastPage)
        let back = try service.page(
            recordSet: "viewing-events", accountId: account.id, position: try #require(last.newerPosition), limit: 500)
        #expect(back.records.count == 500)
        #expect(try #require(back.records.last).time >= (try #require(last.records.first)).time)
        let oldest = try service.page(recordSet: "viewing-events", accountId: account.id, position: .oldest, limit: 500)
        #expect(oldest.records == last.records)
        #expect(!oldest.hasOlder && oldest.hasNewer)
    }

    @Test("a filter keeps matching records, and LIKE wildcards in it are taken literally")
    func filter() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try insertViewing(env, accountId: account.id, count: 70, newest: TestDefaults.start)
        let service = CollectedDataService(context: env.context)
        let arte = try service.page(recordSet: "viewing-events", accountId: account.id, limit: 100, filter: "ARTE")
        #expect(arte.records.count == 10)
        #expect(arte.records.allSatisfy { $0.values[1] == .text("arte") })
        let wildcard = try service.page(recordSet: "viewing-events", accountId: account.id, limit: 100, filter: "%")
        #expect(wildcard.records.isEmpty)
    }

    @Test("values keep their columns' order and types")
    func values() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let page = try CollectedDataService(context: env.context).page(recordSet: "account", accountId: account.id)
        let record = try #require(page.records.first)
        #expect(page.table.columns[1] == "email")
        #expect(record.values[1] == .text("ada@example.com"))
        #expect(record.values[0] == .integer(TestDefaults.start.epochSeconds))
    }
}
