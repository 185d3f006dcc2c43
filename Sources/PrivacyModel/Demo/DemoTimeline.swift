import Foundation

/// The times one subscriber's demo history is laid out in: now, when the account opened, their local day.
struct DemoTimeline {
    /// The seconds in a day.
    static let day: Int64 = 86_400

    /// The context's current instant, seconds since 1970.
    let now: Int64
    /// When the account opened: a day or more after the two-year mark, before the viewing history starts.
    let openedAt: Int64
    /// The subscriber's offset from UTC in seconds.
    let utcOffset: Int64

    /// The timeline for a persona at `now`.
    init(now date: Date, persona: DemoPersona) {
        now = date.epochSeconds
        let twoYearsAgo =
            UTCCalendar.calendar.date(byAdding: .year, value: -2, to: date)?.epochSeconds
            ?? now - 730 * Self.day
        openedAt = twoYearsAgo + Int64(persona.openingOffsetHours) * 3_600
        utcOffset = persona.utcOffsetSeconds
    }

    /// The local midnight (in UTC seconds) of the day `daysAgo` days before today.
    func localMidnight(daysAgo: Int) -> Int64 {
        DemoViewingStream.midnight(atOrBefore: now + utcOffset) - utcOffset - Int64(daysAgo) * Self.day
    }

    /// A time on the day `daysAgo` days before today, at a local hour drawn from `hourWeights`, never after now.
    func time(daysAgo: Int, hourWeights: [Int], dice: DemoDice) -> Int64 {
        let hour = dice.weightedIndex(hourWeights)
        let time = localMidnight(daysAgo: daysAgo) + Int64(hour * 3600 + dice.int(0...3599))
        return min(time, now - Int64(dice.int(60...3600)))
    }

    /// The instant `months` calendar months after `seconds` (negative for before).
    func adding(months: Int, to seconds: Int64) -> Int64 {
        UTCCalendar.calendar.date(byAdding: .month, value: months, to: Date(epochSeconds: seconds))?.epochSeconds
            ?? seconds + Int64(months) * 30 * Self.day
    }

    /// "YYYY-MM" of an instant in UTC.
    static func month(_ seconds: Int64) -> String { String(Date(epochSeconds: seconds).dayUTC.prefix(7)) }

    /// Daytime and evening hours people write to support in.
    static let wakingHours = [0, 0, 0, 0, 0, 0, 0, 1, 3, 5, 5, 5, 4, 5, 5, 5, 5, 5, 5, 6, 6, 5, 3, 1]
}
