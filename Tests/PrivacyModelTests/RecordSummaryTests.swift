import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// Plain scans of the records, written independently of the summary triggers, to hold the summaries against.
extension TestEnvironment {
    /// Fails the test unless every account's summaries and viewing charts equal what a scan of its rows gives.
    func expectSummariesExact(_ step: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mismatches = try RecordSummaryCheck(context: context).mismatches()
        #expect(mismatches.isEmpty, "after \(step): \(mismatches)", sourceLocation: sourceLocation)
        let service = CollectedDataService(context: context)
        let accounts = try context.store.read { db in try Account.fetchAll(db) }
        for account in accounts {
            let summaries = try service.summaries(accountId: account.id).flatMap(\.sets)
            for summary in summaries {
                let scanned = try scan(summary.id, account: account)
                #expect(
                    summary == scanned, "after \(step): account \(account.id) \(summary.id)",
                    sourceLocation: sourceLocation)
            }
            let charts = try service.viewingStatistics(accountId: account.id, weeks: 26)
            #expect(
                charts == (try scannedCharts(accountId: account.id, weeks: 26)),
                "after \(step): charts of account \(account.id)", sourceLocation: sourceLocation)
        }
    }

    /// A set's summary from count/min/max over its rows, as the summaries were computed before the summary table.
    func scan(_ id: String, account: Account) throws -> RecordSetSummary {
        let table = try #require(RecordSetTable.named(id))
        let set = try #require(context.catalogue.categories.flatMap(\.recordSets).first { $0.id == id })
        let owner = "\(table.ownerColumn) = ?"
        let time = table.timeColumn
        return try context.store.read { db in
            let row = try #require(
                try Row.fetchOne(
                    db, sql: "SELECT count(*), min(\(time)), max(\(time)) FROM \(table.table) WHERE \(owner)",
                    arguments: [account.id]))
            let count: Int = row[0]
            var held = 0
            var anchor: Int64? = row[1]
            if let condition = table.heldCondition {
                held =
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM \(table.table) WHERE \(owner) AND \(condition)",
                        arguments: [account.id]) ?? 0
                anchor = try Int64.fetchOne(
                    db, sql: "SELECT min(\(time)) FROM \(table.table) WHERE \(owner) AND NOT (\(condition))",
                    arguments: [account.id])
            }
            let oldest: Int64? = row[1]
            let newest: Int64? = row[2]
            let current = try #require(try Account.fetchOne(db, key: account.id))
            return RecordSetSummary(
                id: id, count: count, oldest: oldest.map(Date.init(epochSeconds:)),
                newest: newest.map(Date.init(epochSeconds:)),
                nextDeletion: CollectedDataService(context: context).nextDeletion(
                    set.retention, oldestAnchor: anchor, account: current, count: count),
                heldCount: held)
        }
    }

    /// The charts added up in Swift from every viewing row of the account.
    func scannedCharts(accountId: Int64, weeks: Int) throws -> ViewingStatistics {
        let end = context.now
        let start = CollectedDataService.viewingWindowStart(end: end, weeks: weeks).epochSeconds
        let rows = try context.store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT channel, startedAt, durationSeconds FROM viewing_event WHERE accountId = ?",
                arguments: [accountId])
        }
        var seconds: [String: Int] = [:]
        var events: [String: Int] = [:]
        var perWeek = [Int](repeating: 0, count: weeks)
        for row in rows {
            let at: Int64 = row[1]
            guard at >= start else { continue }
            let channel: String = row[0]
            seconds[channel, default: 0] += row[2] as Int
            events[channel, default: 0] += 1
            let index = Int((at - start) / (7 * 86_400))
            if index < weeks { perWeek[index] += 1 }
        }
        let channels = seconds.keys.map {
            ViewingStatistics.ChannelTotal(channel: $0, seconds: seconds[$0] ?? 0, events: events[$0] ?? 0)
        }
        .sorted { $0.seconds != $1.seconds ? $0.seconds > $1.seconds : $0.channel < $1.channel }
        return ViewingStatistics(
            start: Date(epochSeconds: start), end: end, channels: channels,
            weeks: perWeek.enumerated().map {
                ViewingStatistics.WeekTotal(
                    start: Date(epochSeconds: start + Int64($0.offset) * 7 * 86_400), events: $0.element)
            })
    }

    /// Inserts a connection record and a location record at an instant.
    func insertNetwork(accountId: Int64, at instant: Date) throws {
        try context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO connection_record (accountId, recordedAt, ipAddress, downloadMbps, streamQuality,
                      stabilityPercent) VALUES (?, ?, '192.0.2.7', 48.5, 'HD', 97);
                    INSERT INTO location_record (accountId, recordedAt, country, region, city, ipAddress)
                    VALUES (?, ?, 'DE', 'Berlin', 'Berlin', '192.0.2.7');
                    """,
                arguments: [accountId, instant.epochSeconds, accountId, instant.epochSeconds])
        }
    }
}

@Suite("record summaries and the viewing rollup stay exact")
struct RecordSummaryTests {
    private static let day: TimeInterval = 86_400

    /// Two accounts with rows in every record set, some old, some held.
    private func populated() throws -> (TestEnvironment, Account, Account) {
        let env = try TestEnvironment()
        let ada = try env.makeAccount()
        let bob = try env.makeAccount(email: "bob@example.com", username: "bob")
        let now = TestDefaults.start
        for account in [ada, bob] {
            try env.insertViewing(accountId: account.id, count: account == ada ? 300 : 12, newest: now)
            let instants = [now.addingTimeInterval(-800 * Self.day), now.addingTimeInterval(-100 * Self.day), now]
            for set in ["payment-transactions", "payment-methods", "support-messages", "devices", "usage-events"] {
                try env.insert(set, accountId: account.id, at: instants)
            }
            try env.insert("technical-logs", accountId: account.id, at: instants, held: false)
            try env.insert(
                "technical-logs", accountId: account.id, at: [now.addingTimeInterval(-300 * Self.day)], held: true)
            for instant in instants { try env.insertNetwork(accountId: account.id, at: instant) }
        }
        try env.insert("viewing-events", accountId: ada.id, at: [now.addingTimeInterval(-900 * Self.day)])
        return (env, ada, bob)
    }

    @Test("inserts into every record table give the figures a scan gives")
    func inserts() throws {
        let (env, ada, _) = try populated()
        try env.expectSummariesExact("inserts")
        let viewing = try #require(
            try CollectedDataService(context: env.context).summaries(accountId: ada.id).first {
                $0.category.id == "viewing"
            })
        #expect(viewing.count == 301)
        #expect(viewing.oldest == TestDefaults.start.addingTimeInterval(-900 * Self.day))
        let technical = try CollectedDataService(context: env.context).summaries(accountId: ada.id)
            .flatMap(\.sets).first { $0.id == "technical-logs" }
        #expect(technical?.heldCount == 1)
        #expect(technical?.count == 4)
    }

    @Test("updates of owner, time, hold, channel and duration, and deletes of the oldest and newest rows")
    func updatesAndDeletes() throws {
        let (env, ada, bob) = try populated()
        let now = TestDefaults.start.epochSeconds
        let steps: [(String, String)] = [
            (
                "a viewing event moved to another week",
                "UPDATE viewing_event SET startedAt = startedAt - 9 * 86400 WHERE id % 5 = 0"
            ),
            (
                "a channel and a duration corrected",
                "UPDATE viewing_event SET channel = 'ZDF', durationSeconds = 60 WHERE id % 7 = 0"
            ),
            ("a row given to another account", "UPDATE viewing_event SET accountId = \(bob.id) WHERE id % 11 = 0"),
            ("a device seen again", "UPDATE device SET lastSeenAt = \(now + 60) WHERE accountId = \(ada.id)"),
            (
                "the profile edited",
                "UPDATE profile SET updatedAt = \(now + 5), phone = '+49 30 1' WHERE accountId = \(ada.id)"
            ),
            (
                "a hold placed",
                "UPDATE technical_log SET securityHold = 1 WHERE accountId = \(ada.id) AND loggedAt < \(now)"
            ),
            ("a hold lifted", "UPDATE technical_log SET securityHold = 0 WHERE accountId = \(ada.id)"),
            ("the account dated back", "UPDATE account SET createdAt = \(now - 1_000) WHERE id = \(ada.id)"),
            (
                "the oldest viewing event deleted",
                "DELETE FROM viewing_event WHERE startedAt = (SELECT min(startedAt) FROM viewing_event WHERE accountId = \(ada.id))"
            ),
            (
                "the newest viewing event deleted",
                "DELETE FROM viewing_event WHERE startedAt = (SELECT max(startedAt) FROM viewing_event WHERE accountId = \(ada.id))"
            ),
            (
                "a middle connection deleted",
                "DELETE FROM connection_record WHERE accountId = \(bob.id) AND recordedAt < \(now) AND recordedAt > \(now - 200 * 86_400)"
            ),
            ("every location of one account deleted", "DELETE FROM location_record WHERE accountId = \(bob.id)"),
            ("an unchanged update", "UPDATE viewing_event SET title = title || '!' WHERE id % 3 = 0"),
        ]
        for (step, sql) in steps {
            try env.context.store.write { db in try db.execute(sql: sql) }
            try env.expectSummariesExact(step)
        }
        let locations = try CollectedDataService(context: env.context).summaries(accountId: bob.id)
            .flatMap(\.sets).first { $0.id == "locations" }
        #expect(locations?.count == 0 && locations?.oldest == nil && locations?.nextDeletion == nil)
    }

    @Test("a retention run, also in small batches, leaves the summaries exact and moves the next deletion on")
    func retention() throws {
        let (env, ada, _) = try populated()
        let before = try CollectedDataService(context: env.context).summaries(accountId: ada.id)
        let report = try RetentionService(context: env.context, batchSize: 3).run(asOf: TestDefaults.start)
        #expect(!report.isEmpty)
        try env.expectSummariesExact("a retention run")
        let after = try CollectedDataService(context: env.context).summaries(accountId: ada.id)
        let viewingBefore = before.first { $0.category.id == "viewing" }
        let viewingAfter = after.first { $0.category.id == "viewing" }
        #expect(viewingAfter?.count == (viewingBefore?.count ?? 0) - 1)
        #expect((viewingAfter?.nextDeletion ?? .distantPast) > (viewingBefore?.nextDeletion ?? .distantFuture))
        // A year later the held log stays, the rest of the logs go.
        _ = try RetentionService(context: env.context, batchSize: 2).run(
            asOf: TestDefaults.start.addingTimeInterval(400 * Self.day))
        try env.expectSummariesExact("a second retention run")
        let logs = try CollectedDataService(context: env.context).summaries(accountId: ada.id).flatMap(\.sets)
            .first { $0.id == "technical-logs" }
        #expect(logs?.count == 1 && logs?.heldCount == 1 && logs?.nextDeletion == nil)
    }

    @Test("erasing a category in batches leaves the summaries exact; the held logs stay counted")
    func erasure() throws {
        let (env, ada, bob) = try populated()
        let service = ErasureService(context: env.context, batchSize: 7)
        _ = try service.erase(accountId: ada.id, categoryId: "viewing")
        try env.expectSummariesExact("erasing viewing")
        _ = try service.erase(accountId: ada.id, categoryId: "technical")
        try env.expectSummariesExact("erasing technical logs")
        let sets = try CollectedDataService(context: env.context).summaries(accountId: ada.id).flatMap(\.sets)
        #expect(sets.first { $0.id == "viewing-events" }?.count == 0)
        #expect(sets.first { $0.id == "technical-logs" }?.count == 1)
        #expect(try CollectedDataService(context: env.context).viewingStatistics(accountId: ada.id).totalEvents == 0)
        #expect(try CollectedDataService(context: env.context).viewingStatistics(accountId: bob.id).totalEvents == 12)
    }

    @Test("an account deletion's purge by the retention run leaves the summaries exact")
    func purge() throws {
        let (env, ada, _) = try populated()
        let deletion = AccountDeletionService(context: env.context, batchSize: 5)
        let receipt = try deletion.requestDeletion(accountId: ada.id, password: "correct horse battery")
        try env.expectSummariesExact("the deletion request")
        env.clock.set(receipt.purgeDueAt)
        let run = try RetentionService(context: env.context, batchSize: 5).run(asOf: receipt.purgeDueAt)
        #expect(run.purges.map(\.accountId) == [ada.id])
        try env.expectSummariesExact("the purge")
        let sets = try CollectedDataService(context: env.context).summaries(accountId: ada.id).flatMap(\.sets)
        #expect(sets.first { $0.id == "viewing-events" }?.count == 0)
        #expect(sets.first { $0.id == "profile" }?.count == 0)
    }

    @Test("a staff approver closing an under-age account deletes its data and the summaries follow")
    func underageClosure() throws {
        let (env, ada, _) = try populated()
        let approver = try env.staffMember("ines", role: .approver)
        _ = try UnderageClosure(context: env.context).close(
            accountId: ada.id, staff: StaffAccess(staff: approver.staff, reason: .ticket("AGE-12")))
        try env.expectSummariesExact("an under-age closure")
        let sets = try CollectedDataService(context: env.context).summaries(accountId: ada.id).flatMap(\.sets)
        #expect(sets.first { $0.id == "viewing-events" }?.count == 0)
    }

    @Test("demo seeding fills the summaries and the rollup exactly")
    func demoSeeding() throws {
        let env = try TestEnvironment()
        try DemoSeeder(context: env.context, seed: 2026).seed(viewingEvents: 4_000)
        try env.expectSummariesExact("demo seeding")
        let first = try #require(try AccountService(context: env.context).find("lena.mueller"))
        let charts = try CollectedDataService(context: env.context).viewingStatistics(accountId: first.id)
        #expect(charts.totalEvents > 0)
    }

    @Test("a store of version 8 is filled in by the migration from its rows")
    func backfill() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v8-notices")
        let start = TestDefaults.start.epochSeconds
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account (id, email, emailKey, username, passwordHash, birthdate, createdAt, passwordChangedAt)
                    VALUES (1, 'old@example.com', 'old@example.com', 'old', 'x', '1980-01-01', 0, 0);
                    INSERT INTO technical_log (accountId, loggedAt, level, component, message, securityHold)
                    VALUES (1, \(start - 500), 'info', 'player', 'a', 1), (1, \(start - 400), 'info', 'player', 'b', 0);
                    """)
            for index in 0..<50 {
                try db.execute(
                    sql: """
                        INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds)
                        VALUES (1, ?, 'T', 'news', ?, ?)
                        """, arguments: [index % 3 == 0 ? "Arte" : "ZDF", start - Int64(index) * 20_000, index * 10])
            }
        }
        try queue.close()
        let context = try PrivacyContext.open(
            path: path,
            settings: ModelSettings(
                clock: FixedClock(TestDefaults.start), random: SeededRandomSource(seed: 1),
                scrypt: TestDefaults.cheapScrypt))
        #expect(try RecordSummaryCheck(context: context).mismatches().isEmpty)
        let sets = try CollectedDataService(context: context).summaries(accountId: 1).flatMap(\.sets)
        #expect(sets.first { $0.id == "viewing-events" }?.count == 50)
        #expect(sets.first { $0.id == "technical-logs" }?.heldCount == 1)
        #expect(sets.first { $0.id == "account" }?.count == 1)
        #expect(try CollectedDataService(context: context).viewingStatistics(accountId: 1).totalEvents == 50)
    }

    @Test("the check names a summary or a rollup row changed behind the triggers")
    func checkFindsTampering() throws {
        let (env, ada, bob) = try populated()
        #expect(try RecordSummaryCheck(context: env.context).mismatches().isEmpty)
        try env.context.store.write { db in
            try db.execute(
                sql: "UPDATE record_summary SET newest = newest + 1 WHERE accountId = ? AND recordSet = 'devices'",
                arguments: [ada.id])
        }
        let found = try RecordSummaryCheck(context: env.context).mismatches()
        #expect(found.contains(RecordSummaryMismatch(accountId: ada.id, recordSet: "devices", table: .summary)))
        #expect(found.count == 1)
        try env.context.store.write { db in
            try db.execute(
                sql: """
                    UPDATE viewing_week SET seconds = seconds + 1
                    WHERE accountId = ? AND week = (SELECT max(week) FROM viewing_week WHERE accountId = ?)
                    """,
                arguments: [bob.id, bob.id])
            // A record deleted with the triggers dropped leaves its summary behind.
            try db.execute(sql: "DROP TRIGGER usage_event_summary_delete")
            try db.execute(sql: "DELETE FROM usage_event WHERE accountId = ?", arguments: [bob.id])
        }
        let after = try RecordSummaryCheck(context: env.context).mismatches()
        #expect(
            after == [
                RecordSummaryMismatch(accountId: ada.id, recordSet: "devices", table: .summary),
                RecordSummaryMismatch(accountId: bob.id, recordSet: "usage-events", table: .summary),
                RecordSummaryMismatch(accountId: bob.id, recordSet: "viewing-events", table: .viewingWeeks),
            ])
    }
}
