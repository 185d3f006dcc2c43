import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// Rows put straight into the store at chosen instants, so retention boundaries can be tested to the second.
extension TestEnvironment {
    /// Inserts one row per instant into a record set's table for an account.
    func insert(_ set: String, accountId: Int64, at instants: [Date], held: Bool = false) throws {
        try context.store.write { db in
            for instant in instants {
                let at = instant.epochSeconds
                switch set {
                case "viewing-events":
                    try db.execute(
                        sql: """
                            INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds)
                            VALUES (?, 'Arte', 'Night news', 'news', ?, 1800)
                            """, arguments: [accountId, at])
                case "payment-transactions":
                    try db.execute(
                        sql: """
                            INSERT INTO payment_transaction (accountId, occurredAt, amountCents, currency, description, outcome)
                            VALUES (?, ?, 1299, 'EUR', 'Monthly plan', 'paid')
                            """, arguments: [accountId, at])
                case "payment-methods":
                    try db.execute(
                        sql: """
                            INSERT INTO payment_method (accountId, token, brand, last4, expiry, billingCountry, addedAt)
                            VALUES (?, 'tok_test', 'visa', '4242', '2029-01', 'DE', ?)
                            """, arguments: [accountId, at])
                case "technical-logs":
                    try db.execute(
                        sql: """
                            INSERT INTO technical_log (accountId, loggedAt, level, component, message, securityHold)
                            VALUES (?, ?, 'error', 'player', 'stall', ?)
                            """, arguments: [accountId, at, held ? 1 : 0])
                case "support-messages":
                    try db.execute(
                        sql: """
                            INSERT INTO support_message (accountId, channel, direction, sentAt, body)
                            VALUES (?, 'email', 'from-subscriber', ?, 'Hello')
                            """, arguments: [accountId, at])
                case "devices":
                    try db.execute(
                        sql: """
                            INSERT INTO device (accountId, deviceType, operatingSystem, client, firstSeenAt, lastSeenAt)
                            VALUES (?, 'tv', 'tvOS', 'app 3.1', ?, ?)
                            """, arguments: [accountId, at, at])
                case "usage-events":
                    try db.execute(
                        sql:
                            "INSERT INTO usage_event (accountId, occurredAt, kind, detail) VALUES (?, ?, 'feature', 'guide')",
                        arguments: [accountId, at])
                default:
                    Issue.record("no insert for \(set)")
                }
            }
        }
    }

    /// Inserts `count` viewing events an hour apart ending at `newest`.
    func insertViewing(accountId: Int64, count: Int, newest: Date) throws {
        try insert(
            "viewing-events", accountId: accountId,
            at: (0..<count).map { newest.addingTimeInterval(-3600 * Double($0)) })
    }

    /// How many rows of a record set an account has.
    func count(_ set: String, accountId: Int64) throws -> Int {
        let table = try #require(RecordSetTable.named(set))
        return try context.store.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM \(table.table) WHERE \(table.ownerColumn) = ?", arguments: [accountId])
                ?? 0
        }
    }

    /// Parses an ISO 8601 instant.
    static func instant(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }
}

@Suite("retention run")
struct RetentionRunTests {
    private func result(_ report: RetentionReport, _ set: String) throws -> RetentionSetResult {
        try #require(report.sets.first { $0.recordSetId == set })
    }

    @Test("a technical log is deleted exactly 90 days after it was logged, not one second earlier")
    func ninetyDays() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let now = TestDefaults.start
        let cutoff = try #require(UTCCalendar.calendar.date(byAdding: .day, value: -90, to: now))
        try env.insert(
            "technical-logs", accountId: account.id,
            at: [cutoff.addingTimeInterval(-1), cutoff, cutoff.addingTimeInterval(1)])
        let service = RetentionService(context: env.context)
        let report = try service.run(asOf: now)
        #expect(try result(report, "technical-logs").deletedCount == 2)
        #expect(try result(report, "technical-logs").cutoff == cutoff)
        #expect(try env.count("technical-logs", accountId: account.id) == 1)
        // One second later the last one is due too.
        let later = try service.run(asOf: now.addingTimeInterval(1))
        #expect(try result(later, "technical-logs").deletedCount == 1)
        #expect(try env.count("technical-logs", accountId: account.id) == 0)
    }

    @Test("viewing of 29 February 2024 is due on 28 February 2026; one second later is not yet due")
    func twoYearsLeapDay() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let leap = try TestEnvironment.instant("2024-02-29T20:00:00Z")
        try env.insert(
            "viewing-events", accountId: account.id,
            at: [leap, leap.addingTimeInterval(1), try TestEnvironment.instant("2024-03-01T20:00:00Z")])
        let service = RetentionService(context: env.context)
        let before = try service.run(asOf: try TestEnvironment.instant("2026-02-28T19:59:59Z"))
        #expect(try result(before, "viewing-events").deletedCount == 0)
        let due = try service.run(asOf: try TestEnvironment.instant("2026-02-28T20:00:00Z"))
        #expect(try result(due, "viewing-events").deletedCount == 1)
        let second = try service.run(asOf: try TestEnvironment.instant("2026-02-28T20:00:01Z"))
        #expect(try result(second, "viewing-events").deletedCount == 1)
        #expect(try env.count("viewing-events", accountId: account.id) == 1)
        let march = try service.run(asOf: try TestEnvironment.instant("2026-03-01T20:00:00Z"))
        #expect(try result(march, "viewing-events").deletedCount == 1)
    }

    @Test("payments are kept 7 years across two leap days, to the second")
    func sevenYears() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let paid = try TestEnvironment.instant("2020-02-29T12:00:00Z")
        try env.insert("payment-transactions", accountId: account.id, at: [paid, paid.addingTimeInterval(1)])
        let service = RetentionService(context: env.context)
        let early = try service.run(asOf: try TestEnvironment.instant("2027-02-28T11:59:59Z"))
        #expect(try result(early, "payment-transactions").deletedCount == 0)
        let due = try service.run(asOf: try TestEnvironment.instant("2027-02-28T12:00:00Z"))
        #expect(try result(due, "payment-transactions").deletedCount == 1)
        #expect(try env.count("payment-transactions", accountId: account.id) == 1)
    }

    @Test("logs under a security hold are kept past 90 days and reported as held")
    func securityHold() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let old = TestDefaults.start.addingTimeInterval(-200 * 86_400)
        try env.insert("technical-logs", accountId: account.id, at: [old, old], held: true)
        try env.insert("technical-logs", accountId: account.id, at: [old])
        let report = try RetentionService(context: env.context).run(asOf: TestDefaults.start)
        #expect(try result(report, "technical-logs").deletedCount == 1)
        #expect(try result(report, "technical-logs").heldCount == 2)
        #expect(try env.count("technical-logs", accountId: account.id) == 2)
    }

    @Test("a second run deletes nothing; a dry run changes nothing but reports the same counts")
    func idempotentAndDryRun() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let other = try env.makeAccount(email: "bob@example.com", username: "bob")
        let now = TestDefaults.start
        // 30 viewing events older than 2 years, 10 recent; the other account has 12 old ones.
        try env.insertViewing(accountId: account.id, count: 30, newest: now.addingTimeInterval(-800 * 86_400))
        try env.insertViewing(accountId: account.id, count: 10, newest: now)
        try env.insertViewing(accountId: other.id, count: 12, newest: now.addingTimeInterval(-800 * 86_400))
        try env.insert("devices", accountId: account.id, at: [now.addingTimeInterval(-400 * 86_400), now])
        let service = RetentionService(context: env.context, batchSize: 7)
        let dry = try service.run(asOf: now, dryRun: true)
        #expect(dry.dryRun)
        #expect(try result(dry, "viewing-events").deletedCount == 42)
        #expect(try result(dry, "devices").deletedCount == 1)
        #expect(try env.count("viewing-events", accountId: account.id) == 40)
        let first = try service.run(asOf: now)
        #expect(first.deletedCount == dry.deletedCount)
        #expect(try env.count("viewing-events", accountId: account.id) == 10)
        #expect(try env.count("viewing-events", accountId: other.id) == 0)
        let second = try service.run(asOf: now)
        #expect(second.deletedCount == 0)
        #expect(second.isEmpty)
        let runs = try env.context.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'retention-run'") ?? 0
        }
        #expect(runs == 1)
    }

    @Test("a run beside another session's open read sees no conflict and the reader keeps its snapshot")
    func besideOpenSession() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insertViewing(
            accountId: account.id, count: 50, newest: TestDefaults.start.addingTimeInterval(-800 * 86_400))
        let other = try env.secondSession()
        try other.store.read { db in
            let before = try Int.fetchOne(db, sql: "SELECT count(*) FROM viewing_event") ?? 0
            let report = try RetentionService(context: env.context, batchSize: 10).run(asOf: TestDefaults.start)
            #expect(report.deletedCount == 50)
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM viewing_event") == before)
        }
        #expect(try env.count("viewing-events", accountId: account.id) == 0)
    }

    @Test("a run and another session's writes interleave without either failing")
    func concurrentWriters() async throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.insertViewing(
            accountId: account.id, count: 3_000, newest: TestDefaults.start.addingTimeInterval(-800 * 86_400))
        let other = try env.secondSession()
        let retention = RetentionService(context: env.context, batchSize: 100)
        let preferences = PreferenceService(context: other)
        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask { try retention.run(asOf: TestDefaults.start).deletedCount }
            group.addTask {
                for index in 0..<40 {
                    try preferences.set("communications.newsletter", to: index % 2 == 0, accountId: account.id)
                }
                return 0
            }
            var deleted = 0
            for try await count in group { deleted += count }
            #expect(deleted == 3_000)
        }
        #expect(try PreferenceService(context: env.context).receipts(accountId: account.id).count == 40)
        #expect(try env.count("viewing-events", accountId: account.id) == 0)
    }
}
