import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// Collects progress reports from the seeder, which may call from any thread.
private final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [(done: Int, total: Int)] = []

    func record(_ done: Int, _ total: Int) { lock.withLock { reports.append((done, total)) } }
    var all: [(done: Int, total: Int)] { lock.withLock { reports } }
}

/// The demo seeder: reproducible, inside every retention period, realistic and safe (no card numbers).
@Suite struct DemoSeederTests {
    /// The tables that hold each account's collected data, consents and requests.
    static let dataTables = [
        "profile", "payment_method", "payment_transaction", "support_message", "viewing_event", "device",
        "connection_record", "usage_event", "technical_log", "location_record", "preference", "consent_receipt",
        "rights_request",
    ]

    /// Every row of a table, in id order (rowid for tables keyed otherwise).
    static func dump(_ table: String, _ context: PrivacyContext) throws -> [Row] {
        try context.store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid") }
    }

    static func count(_ sql: String, _ arguments: StatementArguments = [], _ context: PrivacyContext) throws -> Int {
        try context.store.read { db in try Int.fetchOne(db, sql: sql, arguments: arguments) ?? 0 }
    }

    /// The tests' usual instant, and a leap day just before local midnight.
    static let instants = [TestDefaults.start, Date(timeIntervalSince1970: 1_835_479_800)]

    static func accountId(_ subscriber: DemoSubscriber, _ context: PrivacyContext) throws -> Int64 {
        try AccountService(context: context).require(subscriber.email).id
    }

    @Test func theSameSeedAndClockGiveIdenticalStores() throws {
        let first = try TestEnvironment()
        let second = try TestEnvironment()
        let summaryA = try DemoSeeder(context: first.context, seed: 2026).seed(viewingEvents: 3_000)
        let summaryB = try DemoSeeder(context: second.context, seed: 2026).seed(viewingEvents: 3_000)
        #expect(summaryA == summaryB)
        for table in DemoSeedSummary.tables {
            let rowsA = try Self.dump(table, first.context)
            let rowsB = try Self.dump(table, second.context)
            #expect(rowsA.count == rowsB.count, "\(table)")
            #expect(rowsA == rowsB, "\(table) differs between two stores seeded alike")
        }
    }

    @Test func theViewingSizeDoesNotShiftTheOtherData() throws {
        let small = try TestEnvironment()
        let large = try TestEnvironment()
        try DemoSeeder(context: small.context, seed: 2026).seed(viewingEvents: 200)
        try DemoSeeder(context: large.context, seed: 2026).seed(viewingEvents: 4_000)
        for table in [
            "support_message", "payment_transaction", "device", "usage_event", "technical_log", "consent_receipt",
            "rights_request",
        ] {
            #expect(try Self.dump(table, small.context) == Self.dump(table, large.context), "\(table)")
        }
    }

    @Test func differentSeedsGiveDifferentData() throws {
        let first = try TestEnvironment()
        let second = try TestEnvironment()
        try DemoSeeder(context: first.context, seed: 1).seed(viewingEvents: 500)
        try DemoSeeder(context: second.context, seed: 2).seed(viewingEvents: 500)
        for table in ["viewing_event", "support_message", "payment_method", "connection_record", "usage_event"] {
            #expect(try Self.dump(table, first.context) != Self.dump(table, second.context), "\(table)")
        }
        // The accounts themselves are the published demo accounts whatever the seed.
        let emails = try AccountService(context: second.context).list().map(\.email)
        #expect(emails == DemoSubscriber.all.map(\.email))
    }

    @Test func everyDataTableHasRowsForEveryDemoAccount() throws {
        let env = try TestEnvironment()
        let summary = try DemoSeeder(context: env.context, seed: 2026).seed()
        #expect(summary.accounts.map(\.subscriber) == DemoSubscriber.all)
        #expect(summary.accounts.count >= 3)
        for account in summary.accounts {
            for table in Self.dataTables {
                let rows = try Self.count(
                    "SELECT COUNT(*) FROM \(table) WHERE accountId = ?", [account.id], env.context)
                #expect(rows > 0, "\(table) is empty for \(account.subscriber.username)")
            }
        }
        for table in DemoSeedSummary.tables {
            #expect(summary.rows(in: table) > 0, "\(table)")
        }
        #expect(summary.rows(in: "viewing_event") == summary.accounts.map(\.viewingEvents).reduce(0, +))
        #expect(summary.accounts.first?.viewingEvents == DemoSeeder.defaultViewingEvents)
    }

    @Test("the shared demo store template gives each copy a store of its own with the demo subscribers")
    func templateCopiesAreSeparateStores() throws {
        let folder = try TemporaryDirectory()
        let first = folder.path("first.sqlite")
        let second = folder.path("second.sqlite")
        try DemoStoreTemplate.copy(to: first)
        try DemoStoreTemplate.copy(to: second)
        let settings = ModelSettings(scrypt: TestDefaults.cheapScrypt)
        let one = try PrivacyContext.open(path: first, settings: settings)
        let other = try PrivacyContext.open(path: second, settings: settings)
        #expect(try AccountService(context: one).list().count == DemoSubscriber.all.count)
        let lena = try AccountService(context: one).require("lena.mueller")
        try one.store.write { db in
            try db.execute(sql: "DELETE FROM viewing_event WHERE accountId = ?", arguments: [lena.id])
        }
        func viewingCount(_ context: PrivacyContext) throws -> Int? {
            try CollectedDataService(context: context).summaries(accountId: lena.id).first {
                $0.category.id == "viewing"
            }?
            .count
        }
        #expect(try viewingCount(one) == 0)
        #expect(try viewingCount(other) == DemoStoreTemplate.viewingEvents)
    }

    @Test func demoAccountsSignInWithThePublishedPassword() throws {
        let env = try TestEnvironment()
        try DemoSeeder(context: env.context, seed: 2026).seed(viewingEvents: 100)
        for subscriber in DemoSubscriber.all {
            let outcome = try SignInService(context: env.context).signIn(
                subscriber.username, password: DemoSeeder.password)
            guard case .success(let account, _) = outcome else {
                Issue.record("\(subscriber.username) could not sign in: \(outcome)")
                continue
            }
            #expect(account.email == subscriber.email)
        }
    }

    @Test(arguments: instants)
    func viewingEventsStayInsideTheTwoYearWindowInPlausibleOrder(at instant: Date) throws {
        let env = try TestEnvironment(at: instant)
        try DemoSeeder(context: env.context, seed: 2026).seed(viewingEvents: 20_000)
        let now = env.clock.now().epochSeconds
        let twoYearsAgo = try #require(UTCCalendar.calendar.date(byAdding: .year, value: -2, to: env.clock.now()))
        let rows = try env.context.store.read { db in
            try Row.fetchAll(db, sql: "SELECT accountId, startedAt, durationSeconds FROM viewing_event ORDER BY id")
        }
        #expect(rows.count == DemoSeeder.viewingEventCounts(first: 20_000).reduce(0, +))
        var previous: [Int64: Int64] = [:]
        var outOfOrder = 0
        var evening = 0
        for row in rows {
            let account: Int64 = row["accountId"]
            let startedAt: Int64 = row["startedAt"]
            let duration: Int = row["durationSeconds"]
            #expect(startedAt < now)
            #expect(startedAt > twoYearsAgo.epochSeconds + 3 * 86_400)
            #expect((300...10_800).contains(duration))
            if let last = previous[account], startedAt < last { outOfOrder += 1 }
            previous[account] = startedAt
            // Evening in Central European (or Irish) time: 17:00 to 23:59.
            let hour = ((startedAt + 3_600) % 86_400) / 3_600
            if hour >= 17 { evening += 1 }
        }
        #expect(outOfOrder == 0)
        #expect(Double(evening) / Double(rows.count) > 0.5)
        // The history reaches back close to the retention limit and up to yesterday.
        let oldest = try #require(rows.map { $0["startedAt"] as Int64 }.min())
        let newest = try #require(rows.map { $0["startedAt"] as Int64 }.max())
        #expect(oldest < twoYearsAgo.epochSeconds + 10 * 86_400)
        #expect(newest > now - 2 * 86_400)
    }

    @Test(arguments: instants)
    func otherRecordSetsRespectTheirRetentionPeriods(at instant: Date) throws {
        let env = try TestEnvironment(at: instant)
        try DemoSeeder(context: env.context, seed: 2026).seed(viewingEvents: 100)
        let now = env.clock.now()
        let calendar = UTCCalendar.calendar
        func ago(months: Int) throws -> Int64 {
            try #require(calendar.date(byAdding: .month, value: -months, to: now)).epochSeconds
        }
        let context = env.context
        let nowSeconds = now.epochSeconds
        let day: Int64 = 86_400
        #expect(
            try Self.count(
                "SELECT COUNT(*) FROM connection_record WHERE recordedAt <= ? OR recordedAt > ?",
                [try ago(months: 6), nowSeconds], context) == 0)
        #expect(
            try Self.count(
                "SELECT COUNT(*) FROM location_record WHERE recordedAt <= ? OR recordedAt > ?",
                [try ago(months: 6), nowSeconds], context) == 0)
        #expect(
            try Self.count(
                "SELECT COUNT(*) FROM usage_event WHERE occurredAt <= ? OR occurredAt > ?",
                [try ago(months: 13), nowSeconds], context) == 0)
        #expect(
            try Self.count(
                "SELECT COUNT(*) FROM device WHERE lastSeenAt <= ? OR firstSeenAt > lastSeenAt OR lastSeenAt > ?",
                [try ago(months: 12), nowSeconds], context) == 0)
        // Technical logs: recent ones inside 90 days; a few older ones held for an investigation.
        #expect(
            try Self.count(
                "SELECT COUNT(*) FROM technical_log WHERE securityHold = 0 AND loggedAt <= ?", [nowSeconds - 90 * day],
                context) == 0)
        let held = try Self.count("SELECT COUNT(*) FROM technical_log WHERE securityHold = 1", [], context)
        #expect(held >= 2)
        #expect(
            try Self.count(
                "SELECT COUNT(*) FROM technical_log WHERE securityHold = 1 AND loggedAt > ?", [nowSeconds - 90 * day],
                context) == 0)
        // Support messages are scattered over about two years, inside their 3-year retention.
        for subscriber in DemoSubscriber.all {
            let id = try Self.accountId(subscriber, context)
            let span = try context.store.read { db in
                try Row.fetchOne(
                    db,
                    sql: "SELECT MIN(sentAt) AS first, MAX(sentAt) AS last FROM support_message WHERE accountId = ?",
                    arguments: [id])
            }
            let first: Int64 = try #require(span?["first"])
            let last: Int64 = try #require(span?["last"])
            #expect(last - first > 365 * day)
            #expect(first > (try ago(months: 36)) && last < nowSeconds)
        }
        // Payments are monthly for about two years, in euros, and never in the future.
        for subscriber in DemoSubscriber.all {
            let id = try Self.accountId(subscriber, context)
            let paid = try Self.count(
                "SELECT COUNT(*) FROM payment_transaction WHERE accountId = ? AND outcome = 'paid' AND description NOT LIKE '%(duplicate)'",
                [id], context)
            #expect((23...25).contains(paid), "\(subscriber.username): \(paid) monthly payments")
        }
        #expect(
            try Self.count(
                "SELECT COUNT(*) FROM payment_transaction WHERE currency != 'EUR' OR occurredAt > ? OR amountCents <= 0",
                [nowSeconds], context) == 0)
        #expect(try Self.count("SELECT COUNT(*) FROM payment_transaction WHERE outcome = 'failed'", [], context) > 0)
        #expect(try Self.count("SELECT COUNT(*) FROM payment_transaction WHERE outcome = 'refunded'", [], context) > 0)
    }

    @Test func noFullCardNumberIsStored() throws {
        let env = try TestEnvironment()
        try DemoSeeder(context: env.context, seed: 2026).seed(viewingEvents: 100)
        let methods = try Self.dump("payment_method", env.context)
        #expect(!methods.isEmpty)
        for method in methods {
            let last4: String = method["last4"]
            let token: String = method["token"]
            let expiry: String = method["expiry"]
            #expect(last4.count == 4 && last4.allSatisfy(\.isASCII) && last4.allSatisfy(\.isNumber))
            #expect(token.hasPrefix("tok_"))
            #expect(expiry.wholeMatch(of: /\d{4}-(0[1-9]|1[0-2])/) != nil)
            for column in method.columnNames {
                if case .string(let text) = (method[column] as DatabaseValue).storage {
                    #expect(text.firstMatch(of: /\d{13,19}/) == nil, "\(column) holds a card-number-like run: \(text)")
                }
            }
        }
        for row in try Self.dump("payment_transaction", env.context) {
            let description: String = row["description"]
            #expect(description.firstMatch(of: /\d{13,19}/) == nil)
        }
    }

    @Test func nonLatinTextAndCSVHostileTextSurviveTheRoundTrip() throws {
        let env = try TestEnvironment()
        try DemoSeeder(context: env.context, seed: 2026).seed(viewingEvents: 2_000)
        let accounts = AccountService(context: env.context)
        let haruto = try accounts.require(DemoSubscriber.haruto.username)
        #expect(try accounts.profile(accountId: haruto.id)?.fullName == "佐藤 陽翔")
        let elodie = try accounts.require(DemoSubscriber.elodie.email)
        #expect(try accounts.profile(accountId: elodie.id)?.fullName == "Élodie Fournier")
        let lena = try accounts.require(DemoSubscriber.lena.email)
        #expect(try accounts.profile(accountId: lena.id)?.fullName == "Lena Müller")
        let japanese = try env.context.store.read { db in
            try String.fetchAll(db, sql: "SELECT body FROM support_message WHERE accountId = ?", arguments: [haruto.id])
        }
        #expect(japanese.contains { $0.contains("ありがとうございます") })
        #expect(japanese.contains { $0.hasPrefix("佐藤様") })
        let titles = try env.context.store.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT title FROM viewing_event WHERE accountId = ?", arguments: [haruto.id])
        }
        #expect(titles.contains("ニュース7"))
        let hostile = try env.context.store.read { db in
            try String.fetchAll(
                db,
                sql:
                    "SELECT body FROM support_message WHERE instr(body, ',') > 0 AND instr(body, '\"') > 0 AND instr(body, char(10)) > 0"
            )
        }
        #expect(!hostile.isEmpty, "no message has a comma, a double quote and a newline")
    }

    @Test func consentsAndRequestsAreReplayedThroughTheServices() throws {
        let env = try TestEnvironment()
        try DemoSeeder(context: env.context, seed: 2026).seed(viewingEvents: 100)
        let preferences = PreferenceService(context: env.context)
        let requests = RequestService(context: env.context)
        var all: [RightsRequest] = []
        for subscriber in DemoSubscriber.all {
            let id = try Self.accountId(subscriber, env.context)
            #expect(try preferences.receipts(accountId: id).count >= 2)
            #expect(try preferences.verifyChain(accountId: id).isIntact)
            all += try requests.requests(accountId: id)
        }
        #expect(all.contains { $0.type == .access && $0.status == .completed })
        #expect(all.contains { $0.type == .correction && $0.status.isOpen })
        #expect(all.contains { requests.isOverdue($0) })
        #expect(all.contains { $0.isExtended && $0.status.isOpen })
        #expect(all.allSatisfy { $0.filedAt < env.clock.now() })
    }

    @Test func seedingTwiceFailsWithATypedErrorAndWritesNothing() throws {
        let env = try TestEnvironment()
        let summary = try DemoSeeder(context: env.context, seed: 2026).seed(viewingEvents: 100)
        #expect(throws: AccountError.emailTaken(DemoSubscriber.lena.email)) {
            try DemoSeeder(context: env.context, seed: 7).seed(viewingEvents: 100)
        }
        #expect(try AccountService(context: env.context).list().count == DemoSubscriber.all.count)
        #expect(
            try Self.count("SELECT COUNT(*) FROM viewing_event", [], env.context) == summary.rows(in: "viewing_event"))
    }

    @Test func aNegativeSizeIsRefused() throws {
        let env = try TestEnvironment()
        #expect(throws: DemoSeederError.invalidSize(-1, maximum: DemoSeeder.maximumViewingEvents)) {
            try DemoSeeder(context: env.context, seed: 2026).seed(viewingEvents: -1)
        }
        #expect(try AccountService(context: env.context).list().isEmpty)
    }

    @Test func aHundredThousandEventsAreWrittenInBatchesWithExactCounts() throws {
        let env = try TestEnvironment()
        let log = ProgressLog()
        let started = Date()
        let summary = try DemoSeeder(context: env.context, seed: 2026).seed(viewingEvents: 100_000) { done, total in
            log.record(done, total)
        }
        let elapsed = Date().timeIntervalSince(started)
        print("DemoSeederTests: 100,000 viewing events seeded in \(String(format: "%.2f", elapsed)) s")
        let expected = DemoSeeder.viewingEventCounts(first: 100_000)
        #expect(expected.first == 100_000)
        #expect(summary.accounts.map(\.viewingEvents) == expected)
        for account in summary.accounts {
            #expect(
                try Self.count("SELECT COUNT(*) FROM viewing_event WHERE accountId = ?", [account.id], env.context)
                    == account.viewingEvents)
        }
        #expect(summary.rows(in: "viewing_event") == expected.reduce(0, +))
        let reports = log.all
        let total = expected.reduce(0, +)
        #expect(reports.first?.done == 0)
        #expect(reports.last?.done == total)
        #expect(reports.allSatisfy { $0.total == total })
        #expect(
            zip(reports, reports.dropFirst()).allSatisfy {
                $0.done < $1.done && $1.done - $0.done <= DemoSeeder.batchSize
            })
    }
}
