public import Foundation
import GRDB

/// Viewing history of one account over recent weeks, added up for charts: time per channel and activity per week.
///
/// Read from the weekly rollup `viewing_week` (events and seconds per account, week and channel), which the
/// store's triggers keep exact, so it costs the window's weeks times its channels, however many events there are.
public struct ViewingStatistics: Sendable, Equatable {
    /// Viewing time and events on one channel in the window.
    public struct ChannelTotal: Sendable, Equatable {
        /// The channel's name as stored.
        public let channel: String
        /// Seconds watched.
        public let seconds: Int
        /// Viewing events.
        public let events: Int
    }

    /// Viewing events in one week of the window.
    public struct WeekTotal: Sendable, Equatable {
        /// Monday 00:00 UTC that starts the week.
        public let start: Date
        /// Viewing events started in the week.
        public let events: Int
    }

    /// The first instant of the window (a Monday, 00:00 UTC).
    public let start: Date
    /// The instant the window ends (now).
    public let end: Date
    /// Channels by time watched, most first (ties by name).
    public let channels: [ChannelTotal]
    /// One entry per week of the window, oldest first; the last is the current, partial week.
    public let weeks: [WeekTotal]

    /// Seconds watched in the window across channels.
    public var totalSeconds: Int { channels.reduce(0) { $0 + $1.seconds } }
    /// Viewing events in the window.
    public var totalEvents: Int { weeks.reduce(0) { $0 + $1.events } }
}

extension CollectedDataService {
    /// Seconds in a week.
    private static let weekSeconds: Int64 = 7 * 86_400

    /// Adds up an account's viewing over the last `weeks` calendar weeks (Monday to Sunday, UTC) up to `end`.
    ///
    /// Both sums read the rollup's rows of the window (one per week and channel watched), never the events.
    public func viewingStatistics(accountId: Int64, weeks: Int = 26, end: Date? = nil) throws -> ViewingStatistics {
        let weekCount = max(1, min(weeks, 520))
        let until = end ?? context.now
        let start = Self.viewingWindowStart(end: until, weeks: weekCount)
        let from = start.epochSeconds
        return try context.store.read { db in
            let channelRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT channel, sum(seconds), sum(events) FROM viewing_week
                    WHERE accountId = ? AND week >= ?
                    GROUP BY channel HAVING sum(events) > 0
                    """,
                arguments: [accountId, from])
            let channels =
                channelRows.map { row in
                    ViewingStatistics.ChannelTotal(
                        channel: row[0] ?? "", seconds: row[1] ?? 0, events: row[2] ?? 0)
                }
                .sorted { $0.seconds != $1.seconds ? $0.seconds > $1.seconds : $0.channel < $1.channel }
            let weekRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT week, sum(events) FROM viewing_week
                    WHERE accountId = ? AND week >= ? AND week < ?
                    GROUP BY week
                    """,
                arguments: [accountId, from, from + Int64(weekCount) * Self.weekSeconds])
            var counts = [Int](repeating: 0, count: weekCount)
            for row in weekRows {
                let week: Int64 = row[0] ?? from
                let index = Int((week - from) / Self.weekSeconds)
                if counts.indices.contains(index) { counts[index] = row[1] ?? 0 }
            }
            let weeks = counts.enumerated().map { index, events in
                ViewingStatistics.WeekTotal(
                    start: Date(epochSeconds: from + Int64(index) * Self.weekSeconds), events: events)
            }
            return ViewingStatistics(start: start, end: until, channels: channels, weeks: weeks)
        }
    }

    /// Where a statistics window of `weeks` weeks ending at `end` starts: Monday 00:00 UTC, `weeks - 1` weeks before.
    public static func viewingWindowStart(end: Date, weeks: Int) -> Date {
        let weeks = max(1, min(weeks, 520))
        let seconds = end.epochSeconds
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        // 1970-01-01 was a Thursday: days since a Monday are (day + 3) mod 7.
        let sinceMonday = ((day + 3) % 7 + 7) % 7
        let monday = (day - sinceMonday) * 86_400
        return Date(epochSeconds: monday - Int64(weeks - 1) * weekSeconds)
    }
}
