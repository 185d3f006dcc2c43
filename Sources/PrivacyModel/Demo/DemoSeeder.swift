import Foundation
import GRDB

/// Fills a store with realistic, reproducible demo subscribers and their data, for demos, screenshots and load tests.
///
/// Every value comes from a generator seeded with `randomSeed` and every time is counted back from the
/// context's clock, so the same seed and the same `context.now` give the same rows. (Password salts come
/// from the context's own random source, as for any account.)
public struct DemoSeeder: Sendable {
    /// The password every demo account signs in with.
    public static let password = "demo-privacy-2026"
    /// The default number of viewing events of the first (largest) subscriber.
    public static let defaultViewingEvents = 5_000
    /// The largest number of viewing events accepted.
    public static let maximumViewingEvents = 50_000_000
    /// How many viewing events go into one write transaction.
    public static let batchSize = 10_000

    /// The subscribers seeding creates, the largest history first.
    public static var subscribers: [DemoSubscriber] { DemoSubscriber.all }

    /// The context whose store is filled and whose clock sets "now".
    public let context: PrivacyContext
    /// The seed all generated values follow from.
    public let randomSeed: UInt64

    /// A seeder for `context` whose data follows from `seed`.
    public init(context: PrivacyContext, seed: UInt64) {
        self.context = context
        randomSeed = seed
    }

    /// How many viewing events each subscriber gets when the first gets `viewingEvents`.
    public static func viewingEventCounts(first viewingEvents: Int) -> [Int] {
        DemoPersona.all.enumerated().map { index, persona in
            index == 0
                ? viewingEvents
                : Int((Double(min(viewingEvents, defaultViewingEvents)) * persona.viewingShare).rounded())
        }
    }

    /// Creates the demo accounts and their data; refuses with `AccountError.emailTaken` (or `.usernameTaken`)
    /// when a demo account already exists, before writing anything.
    ///
    /// `viewingEvents` is the size of the first subscriber's viewing history; the others get smaller ones.
    /// `progress` is called after each batch of viewing events with (written, total) across all subscribers.
    @discardableResult
    public func seed(
        viewingEvents: Int = DemoSeeder.defaultViewingEvents, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> DemoSeedSummary {
        guard (0...Self.maximumViewingEvents).contains(viewingEvents) else {
            throw DemoSeederError.invalidSize(viewingEvents, maximum: Self.maximumViewingEvents)
        }
        try refuseExistingAccounts()
        let master = DemoDice(seed: randomSeed)
        let counts = Self.viewingEventCounts(first: viewingEvents)
        let seeds = DemoPersona.all.map { _ in DemoStreamSeeds(master) }
        let rightsSeed = master.nextSeed()

        var accounts: [(persona: DemoPersona, id: Int64)] = []
        for persona in DemoPersona.all {
            let subscriber = persona.subscriber
            let account = try AccountService(context: context).create(
                NewAccount(
                    email: subscriber.email, username: subscriber.username, fullName: subscriber.fullName,
                    birthdate: subscriber.birthdate, country: subscriber.country, language: subscriber.language),
                password: Self.password, actor: "system")
            accounts.append((persona, account.id))
        }
        for (index, account) in accounts.enumerated() {
            try writeActivity(persona: account.persona, index: index, accountId: account.id, seeds: seeds[index])
        }

        let total = counts.reduce(0, +)
        var done = 0
        progress?(0, total)
        for (index, account) in accounts.enumerated() {
            var stream = DemoViewingStream(
                persona: account.persona, count: counts[index], now: context.now, seed: seeds[index].viewing)
            try writeViewing(&stream, accountId: account.id) { written in
                done += written
                progress?(done, total)
            }
        }

        try DemoRightsHistory.write(context: context, accounts: accounts, seed: rightsSeed)
        // The demo's past requests happened long ago: nothing of them is left to mail to the made-up addresses.
        try context.store.write { db in
            for account in accounts {
                try db.execute(sql: "DELETE FROM outbox WHERE accountId = ?", arguments: [account.id])
            }
        }
        return try summary(accounts: accounts.map(\.id), counts: counts)
    }

    /// Throws the account error `AccountService.create` would, but before any demo account is created.
    private func refuseExistingAccounts() throws {
        let service = AccountService(context: context)
        for subscriber in DemoSubscriber.all {
            if try service.find(subscriber.email) != nil { throw AccountError.emailTaken(subscriber.email) }
            if try service.find(subscriber.username) != nil { throw AccountError.usernameTaken(subscriber.username) }
        }
    }

    /// Writes everything but the viewing history for one subscriber in one transaction, and dates the account back.
    private func writeActivity(persona: DemoPersona, index: Int, accountId: Int64, seeds: DemoStreamSeeds) throws {
        let timeline = DemoTimeline(now: context.now, persona: persona)
        try context.store.write { db in
            func may(_ recorded: Recorded) throws -> Bool {
                try ProcessingGate.mayRecord(
                    account: accountId, category: recorded.category, purpose: recorded.purpose, on: db)
            }
            if try may(.devices) {
                try DemoNetworkHistory.writeDevices(
                    db, accountId: accountId, persona: persona, timeline: timeline, dice: DemoDice(seed: seeds.devices))
            }
            let (connections, locations) = (try may(.connections), try may(.locations))
            if connections || locations {
                try DemoNetworkHistory.writeConnections(
                    db, accountId: accountId, persona: persona, timeline: timeline,
                    dice: DemoDice(seed: seeds.connections), connections: connections, locations: locations)
            }
            let lastSignIn =
                try may(.usage)
                ? try DemoUsageHistory.writeUsage(
                    db, accountId: accountId, persona: persona, timeline: timeline, dice: DemoDice(seed: seeds.usage))
                : nil
            if try may(.logs) {
                try DemoUsageHistory.writeLogs(
                    db, accountId: accountId, persona: persona, held: [2, 0, 1, 0][index % 4], timeline: timeline,
                    dice: DemoDice(seed: seeds.logs))
            }
            if try may(.billing) {
                try DemoBillingHistory.write(
                    db, accountId: accountId, persona: persona, refundsDuplicate: index % 3 == 0, timeline: timeline,
                    dice: DemoDice(seed: seeds.billing))
            }
            if try may(.support) {
                try DemoSupportHistory.write(
                    db, accountId: accountId, persona: persona, timeline: timeline, dice: DemoDice(seed: seeds.support))
            }
            try db.execute(
                sql: "UPDATE account SET createdAt = ?, passwordChangedAt = ?, lastSignInAt = ? WHERE id = ?",
                arguments: [timeline.openedAt, timeline.openedAt, lastSignIn, accountId])
            // The version accepted at sign-up was acknowledged when the account was opened.
            try db.execute(
                sql: "UPDATE policy_acknowledgement SET at = ? WHERE accountId = ?",
                arguments: [timeline.openedAt, accountId])
            try db.execute(
                sql: "UPDATE profile SET phone = ?, updatedAt = ? WHERE accountId = ?",
                arguments: [persona.phone, timeline.openedAt, accountId])
            try AuditLog.append(
                db, at: context.now, accountId: accountId, actor: "system", action: "demo-data-seeded",
                detail: "seed \(randomSeed)")
        }
    }

    /// Viewing events one insert statement writes. Each statement that writes a record table also writes its
    /// search index through a trigger, and FTS5 flushes what it holds at the end of every statement: a row per
    /// statement made seeding 1 M events five times slower, a hundred rows per statement keeps it close.
    static let rowsPerInsert = 100

    /// Inserts a viewing stream in transactions of `batchSize` rows, `rowsPerInsert` rows per statement.
    private func writeViewing(
        _ stream: inout DemoViewingStream, accountId: Int64, afterBatch: (Int) -> Void
    ) throws {
        let columns = "INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds) VALUES "
        let tuple = "(?, ?, ?, ?, ?, ?)"
        let width = 6
        while true {
            let written = try context.store.write { db -> Int in
                let recorded = Recorded.viewing
                guard
                    try ProcessingGate.mayRecord(
                        account: accountId, category: recorded.category, purpose: recorded.purpose, on: db)
                else { return 0 }
                let many = try db.cachedStatement(
                    sql: columns + Array(repeating: tuple, count: Self.rowsPerInsert).joined(separator: ", "))
                let one = try db.cachedStatement(sql: columns + tuple)
                var pending: [DatabaseValue] = []
                pending.reserveCapacity(width * Self.rowsPerInsert)
                var count = 0
                while count < Self.batchSize, let event = stream.next() {
                    pending += [
                        accountId.databaseValue, event.channel.databaseValue, event.title.databaseValue,
                        event.genre.databaseValue, event.startedAt.databaseValue, event.durationSeconds.databaseValue,
                    ]
                    count += 1
                    if pending.count == width * Self.rowsPerInsert {
                        try many.execute(arguments: StatementArguments(pending))
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                for start in stride(from: 0, to: pending.count, by: width) {
                    try one.execute(arguments: StatementArguments(pending[start..<start + width]))
                }
                return count
            }
            guard written > 0 else { return }
            afterBatch(written)
        }
    }

    /// Counts what the demo accounts now hold in every table.
    private func summary(accounts ids: [Int64], counts: [Int]) throws -> DemoSeedSummary {
        let list = ids.map(String.init).joined(separator: ",")
        let rowCounts = try context.store.read { db -> [String: Int] in
            var result: [String: Int] = [:]
            for table in DemoSeedSummary.tables {
                let condition: String
                switch table {
                case "account": condition = "id IN (\(list))"
                case "request_event":
                    condition = "requestId IN (SELECT id FROM rights_request WHERE accountId IN (\(list)))"
                default: condition = "accountId IN (\(list))"
                }
                result[table] = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE \(condition)") ?? 0
            }
            return result
        }
        let accounts = zip(zip(ids, DemoSubscriber.all), counts).map { pair, count in
            DemoSeededAccount(id: pair.0, subscriber: pair.1, viewingEvents: count)
        }
        return DemoSeedSummary(seed: randomSeed, accounts: accounts, rowCounts: rowCounts)
    }
}

/// The category each kind of demo data belongs to and the purpose it is recorded for, as the gate is asked.
private enum Recorded {
    case devices, connections, locations, usage, logs, billing, support, viewing

    var category: String {
        switch self {
        case .devices: return "device"
        case .connections: return "connection"
        case .locations: return "location"
        case .usage: return "usage"
        case .logs: return "technical"
        case .billing: return "payment"
        case .support: return "support"
        case .viewing: return "viewing"
        }
    }

    var purpose: String {
        switch self {
        case .devices, .connections, .logs, .viewing: return "service-delivery"
        case .locations: return "content-licensing"
        case .usage: return "service-improvement"
        case .billing: return "payment-processing"
        case .support: return "customer-support"
        }
    }
}

/// One seed per kind of data for a subscriber, drawn in a fixed order so one table's size never shifts another's values.
struct DemoStreamSeeds {
    let viewing: UInt64
    let devices: UInt64
    let connections: UInt64
    let usage: UInt64
    let logs: UInt64
    let billing: UInt64
    let support: UInt64

    /// Draws the seeds from the master dice.
    init(_ master: DemoDice) {
        viewing = master.nextSeed()
        devices = master.nextSeed()
        connections = master.nextSeed()
        usage = master.nextSeed()
        logs = master.nextSeed()
        billing = master.nextSeed()
        support = master.nextSeed()
    }
}
