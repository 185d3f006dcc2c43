public import Foundation

/// The one home of the rules a new policy version must meet before it is published.
public enum PolicyVersionRules {
    /// Whole days from `today` to `day` (both midnight UTC).
    public static func days(from today: Date, to day: Date) -> Int {
        UTCCalendar.calendar.dateComponents([.day], from: today, to: day).day ?? 0
    }

    /// Whole days from the day of `now` (UTC) until `effective`: the days left shown for a coming version, the
    /// same number wherever it is shown (0 on the day it applies, negative once it applied).
    public static func daysLeft(until effective: Date, now: Date) -> Int {
        days(from: UTCCalendar.day(now.dayUTC) ?? now, to: effective)
    }

    /// Refuses an effective day before `today`, and a material change taking effect fewer than `noticeDays`
    /// days after `today`; a minor change may take effect today or any later day.
    public static func checkEffective(
        _ effective: Date, material: Bool, today: Date, noticeDays: Int
    ) throws(PolicyVersionError) {
        let left = days(from: today, to: effective)
        if left < 0 { throw .effectiveInPast(day: effective.dayUTC) }
        if material && left < noticeDays {
            let earliest = UTCCalendar.calendar.date(byAdding: .day, value: noticeDays, to: today) ?? effective
            throw .tooSoon(days: noticeDays, earliest: earliest.dayUTC)
        }
    }

    /// Whether version `a` sorts after version `b` (numeric parts compared as numbers: "2025-01-25.10" > ".9").
    public static func isNewer(_ a: String, than b: String) -> Bool {
        a.compare(b, options: [.numeric]) == .orderedDescending
    }
}
