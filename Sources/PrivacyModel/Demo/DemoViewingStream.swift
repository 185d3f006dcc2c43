import Foundation

/// One generated viewing event.
struct DemoViewingEvent {
    /// Channel name.
    let channel: String
    /// Programme title.
    let title: String
    /// Genre.
    let genre: String
    /// Start, seconds since 1970.
    let startedAt: Int64
    /// Seconds watched.
    let durationSeconds: Int
}

/// Produces one subscriber's viewing history oldest first, a day at a time, so a million events never sit in memory.
///
/// The exact total is spread over the days by weights (weekends and winter watch more, a few
/// holidays watch nothing); inside a day start times follow an evening-peaked curve in local time.
struct DemoViewingStream {
    /// The seconds in a day.
    static let secondsPerDay: Int64 = 86_400
    /// How much younger than the 2-year retention limit the oldest event is.
    static let retentionMarginDays: Int64 = 5

    private let dice: DemoDice
    private let utcOffset: Int64
    private let firstLocalDay: Int64
    private let dayCounts: [Int]
    private let channels: [(name: String, programmes: [DemoProgramme])]
    private let channelWeights: [Int]
    private var dayIndex = 0
    private var offsets: [Int] = []
    private var position = 0

    /// The first local midnight (as local seconds since 1970) and the number of whole local days events fall on.
    static func window(now: Date, utcOffset: Int64) -> (firstLocalDay: Int64, days: Int) {
        let nowSeconds = now.epochSeconds
        let twoYearsAgo =
            UTCCalendar.calendar.date(byAdding: .year, value: -2, to: now)?.epochSeconds
            ?? nowSeconds - 730 * secondsPerDay
        let earliest = twoYearsAgo + retentionMarginDays * secondsPerDay + utcOffset
        let firstLocalDay = midnight(atOrBefore: earliest + secondsPerDay - 1)
        let todayLocal = midnight(atOrBefore: nowSeconds + utcOffset)
        return (firstLocalDay, Int(max(0, (todayLocal - firstLocalDay) / secondsPerDay)))
    }

    /// A stream of exactly `count` events for `persona`, all before the local midnight that starts `now`'s day.
    init(persona: DemoPersona, count: Int, now: Date, seed: UInt64) {
        let dice = DemoDice(seed: seed)
        self.dice = dice
        utcOffset = persona.utcOffsetSeconds
        let window = Self.window(now: now, utcOffset: persona.utcOffsetSeconds)
        firstLocalDay = window.firstLocalDay
        channels = persona.channels.map { name, _ in
            (name, DemoVocabulary.programmes[name] ?? [DemoVocabulary.fallbackProgramme])
        }
        channelWeights = persona.channels.map(\.1)
        dayCounts = Self.spread(count, over: window.days, from: window.firstLocalDay, dice: dice)
    }

    /// Splits `total` over `days` days by weight so the counts add up exactly.
    private static func spread(_ total: Int, over days: Int, from firstLocalDay: Int64, dice: DemoDice) -> [Int] {
        guard days > 0 else { return [] }
        var weights = [Int](repeating: 0, count: days)
        for index in 0..<days {
            let localDay = firstLocalDay + Int64(index) * secondsPerDay
            if dice.chance(0.04) { continue }  // away, watching nothing
            let weekend = isWeekend(localDay)
            let month = UTCCalendar.calendar.component(.month, from: Date(epochSeconds: localDay))
            let season = [11, 12, 1, 2].contains(month) ? 125 : ([6, 7, 8].contains(month) ? 80 : 100)
            weights[index] = season * (weekend ? 135 : 100) * dice.int(60...140) / 100
        }
        if weights.allSatisfy({ $0 == 0 }) { weights = [Int](repeating: 1, count: days) }
        let sum = Int64(weights.reduce(0, +))
        var counts = [Int](repeating: 0, count: days)
        var cumulative: Int64 = 0
        var assigned: Int64 = 0
        for index in 0..<days {
            cumulative += Int64(weights[index])
            let upTo = Int64(total) * cumulative / sum
            counts[index] = Int(upTo - assigned)
            assigned = upTo
        }
        return counts
    }

    /// The midnight at or before `seconds` (floor division, so times before 1970 round down too).
    static func midnight(atOrBefore seconds: Int64) -> Int64 {
        let days = seconds / secondsPerDay
        return (seconds % secondsPerDay < 0 ? days - 1 : days) * secondsPerDay
    }

    /// Saturday or Sunday, for a local midnight in seconds since 1970 (which was a Thursday).
    static func isWeekend(_ localDay: Int64) -> Bool {
        let weekday = (midnight(atOrBefore: localDay) / secondsPerDay + 3) % 7  // 0 = Monday
        return weekday >= 5
    }

    /// The next event in time order, or nil when the history is complete.
    mutating func next() -> DemoViewingEvent? {
        while position >= offsets.count {
            guard dayIndex < dayCounts.count else { return nil }
            startDay()
        }
        let localDay = firstLocalDay + Int64(dayIndex - 1) * Self.secondsPerDay
        let offset = offsets[position]
        position += 1
        let channel = channels[dice.weightedIndex(channelWeights)]
        let programme = dice.pick(channel.programmes)
        // Most events end when the next one starts (the viewer switched); a quick switch is zapping.
        let gap = position < offsets.count ? offsets[position] - offset : Int.max
        let duration: Int
        if gap < 300 || dice.chance(0.1) {
            duration = dice.int(300...900)
        } else {
            let range = DemoVocabulary.durationRange(genre: programme.genre).clamped(
                to: DemoVocabulary.viewingDurationBounds)
            duration = min(dice.int(range), gap)
        }
        return DemoViewingEvent(
            channel: channel.name, title: programme.title, genre: programme.genre,
            startedAt: localDay + Int64(offset) - utcOffset, durationSeconds: duration)
    }

    /// Draws and sorts the start times of the next day.
    private mutating func startDay() {
        let count = dayCounts[dayIndex]
        let localDay = firstLocalDay + Int64(dayIndex) * Self.secondsPerDay
        let weights = Self.isWeekend(localDay) ? DemoVocabulary.weekendHourWeights : DemoVocabulary.weekdayHourWeights
        offsets = (0..<count).map { _ in dice.weightedIndex(weights) * 3600 + dice.int(0...3599) }
        offsets.sort()
        position = 0
        dayIndex += 1
    }
}
