import Foundation
import GRDB

/// Writes a subscriber's usage events (sign-ins, screens, features) and technical logs.
enum DemoUsageHistory {
    /// How many days back usage events reach (inside their 13-month retention).
    static let usageDays = 385
    /// How many days back ordinary technical logs reach (inside their 90-day retention).
    static let logDays = 88

    /// Inserts sessions on about half the days; returns the newest successful sign-in, if any.
    static func writeUsage(
        _ db: Database, accountId: Int64, persona: DemoPersona, timeline: DemoTimeline, dice: DemoDice
    ) throws -> Int64? {
        let statement = try db.cachedStatement(
            sql: "INSERT INTO usage_event (accountId, occurredAt, kind, detail) VALUES (?, ?, ?, ?)")
        let devices = persona.devices.filter { !$0.retired }
        var lastSignIn: Int64?
        for daysAgo in stride(from: usageDays, through: 1, by: -1) where dice.chance(0.5) {
            var time = timeline.time(daysAgo: daysAgo, hourWeights: DemoVocabulary.weekdayHourWeights, dice: dice)
            func emit(_ kind: String, _ detail: String) throws {
                time = min(time + Int64(dice.int(8...240)), timeline.now - 1)
                try statement.execute(arguments: [accountId, time, kind, detail])
            }
            if dice.chance(0.04) {
                for _ in 0..<dice.int(1...3) { try emit("sign-in-failed", dice.pick(DemoVocabulary.signInFailures)) }
            }
            let device = dice.pick(devices)
            try emit("sign-in", "\(device.type) (\(device.client))")
            lastSignIn = time
            for _ in 0..<dice.int(1...4) { try emit("navigation", dice.pick(DemoVocabulary.screens)) }
            for _ in 0..<dice.int(0...2) { try emit("feature", dice.pick(DemoVocabulary.features)) }
            if dice.chance(0.4) { try emit("sign-out", dice.pick(DemoVocabulary.signOutReasons)) }
        }
        return lastSignIn
    }

    /// Inserts logs from the last 90 days, plus `held` older ones kept for a security investigation.
    static func writeLogs(
        _ db: Database, accountId: Int64, persona: DemoPersona, held: Int, timeline: DemoTimeline, dice: DemoDice
    ) throws {
        let statement = try db.cachedStatement(
            sql: """
                INSERT INTO technical_log (accountId, loggedAt, level, component, message, securityHold)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
        let heldDays = (0..<held).map { _ in dice.int(100...330) }.sorted(by: >)
        for daysAgo in heldDays {
            let time = timeline.time(daysAgo: daysAgo, hourWeights: DemoVocabulary.weekdayHourWeights, dice: dice)
            let year = UTCCalendar.calendar.component(.year, from: Date(epochSeconds: time))
            let reference = "SEC-\(year)-\(dice.int(1_000...9_999))"
            let line = DemoVocabulary.heldLogMessage(case: reference, dice: dice)
            try statement.execute(arguments: [accountId, time, line.level, line.component, line.message, 1])
        }
        let levels = [("metric", 5), ("info", 3), ("warning", 2), ("error", 1)]
        for daysAgo in stride(from: logDays, through: 1, by: -1) where dice.chance(0.6) {
            let times = (0..<dice.int(1...3)).map { _ in
                timeline.time(daysAgo: daysAgo, hourWeights: DemoVocabulary.weekdayHourWeights, dice: dice)
            }.sorted()
            for time in times {
                let level = dice.weighted(levels)
                let line = DemoVocabulary.logMessage(level: level, channel: dice.weighted(persona.channels), dice: dice)
                try statement.execute(arguments: [accountId, time, level, line.component, line.message, 0])
            }
        }
    }
}
