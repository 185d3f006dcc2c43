public import Foundation

extension Date {
    /// Whole seconds since 1970, the form every time is stored in.
    public var epochSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }

    /// The instant `seconds` after 1970.
    public init(epochSeconds seconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// ISO 8601 in UTC with seconds (e.g. 2026-11-29T08:15:00Z), the form used in exports and receipts.
    public var iso8601UTC: String {
        var style = Date.ISO8601FormatStyle()
        style.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return formatted(style)
    }

    /// The calendar day in UTC (e.g. 2026-11-29).
    public var dayUTC: String { String(iso8601UTC.prefix(10)) }
}

/// The Gregorian calendar in UTC, the one calendar every retention and deadline rule counts in.
public enum UTCCalendar {
    /// The shared Gregorian UTC calendar.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar
    }()

    /// Parses a YYYY-MM-DD day as midnight UTC, or nil when it is not a real date.
    public static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components),
            calendar.dateComponents([.year, .month, .day], from: date) == components
        else { return nil }
        return date
    }

    /// The first instant after the day that starts at `start` (midnight UTC): where "up to and including" a day ends.
    public static func dayAfter(_ start: Date) -> Date {
        calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
    }
}
