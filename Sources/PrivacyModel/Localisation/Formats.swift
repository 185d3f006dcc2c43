public import Foundation

/// Dates, times and numbers as the subscriber's language writes them.
public struct Formats: Sendable {
    /// The language code ("en", "de" or "fr").
    public let language: String
    /// The time zone dates are shown in (the machine's, UTC in tests).
    public let timeZone: TimeZone

    /// Makes formats for a language and time zone.
    public init(language: String, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.language = language
        self.timeZone = timeZone
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    private func parts(_ date: Date) -> DateComponents {
        calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    }

    private static func two(_ value: Int?) -> String {
        let number = value ?? 0
        return number < 10 ? "0\(number)" : "\(number)"
    }

    /// A day: 2026-11-29 in English, 29.11.2026 in German, 29/11/2026 in French.
    public func date(_ date: Date) -> String {
        let c = parts(date)
        let year = String(c.year ?? 0)
        switch language {
        case "de": return "\(Self.two(c.day)).\(Self.two(c.month)).\(year)"
        case "fr": return "\(Self.two(c.day))/\(Self.two(c.month))/\(year)"
        default: return "\(year)-\(Self.two(c.month))-\(Self.two(c.day))"
        }
    }

    /// A time of day, 24-hour: 14:05.
    public func time(_ date: Date) -> String {
        let c = parts(date)
        return "\(Self.two(c.hour)):\(Self.two(c.minute))"
    }

    /// A day and a time: 2026-11-29 14:05.
    public func dateTime(_ date: Date) -> String { "\(self.date(date)) \(time(date))" }

    /// A whole number with the language's grouping: 1,234 / 1.234 / 1 234.
    public func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        let separator: String
        switch language {
        case "de": separator = "."
        // A no-break space: one column in every terminal and font, and never broken by TextWrap.
        case "fr": separator = "\u{00A0}"
        default: separator = ","
        }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (value < 0 ? "-" : "") + groups.joined(separator: separator)
    }

    /// A duration in hours and minutes of viewing, e.g. "12 h 05 min".
    public func hoursMinutes(seconds: Int) -> String {
        let minutes = max(0, seconds) / 60
        return "\(number(minutes / 60)) h \(Self.two(minutes % 60)) min"
    }
}
