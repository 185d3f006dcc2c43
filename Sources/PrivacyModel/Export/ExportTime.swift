import Foundation

/// Turns stored epoch seconds into ISO 8601 UTC text fast enough for millions of rows.
enum ExportTime {
    /// "YYYY-MM-DDTHH:MM:SSZ" for `seconds` since 1970, the same text as `Date.iso8601UTC`.
    static func iso8601(_ seconds: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        var cache = DayCache()
        append(seconds, to: &bytes, cache: &cache)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The "YYYY-MM-DDT" text of the last day formatted: rows in time order mostly fall on the day before,
    /// so the calendar arithmetic runs once per day, not once per row.
    struct DayCache {
        /// Days since 1970 of `prefix`, or nil before the first use.
        fileprivate var day: Int64?
        /// "YYYY-MM-DDT".
        fileprivate var prefix: [UInt8] = []

        /// An empty cache.
        init() {}
    }

    /// Appends the ISO 8601 UTC form of `seconds` since 1970 to a byte buffer, reusing the cached day's text.
    @inline(__always)
    static func append(_ seconds: Int64, to buffer: inout [UInt8], cache: inout DayCache) {
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        if cache.day != days {
            guard let prefix = dayPrefix(days) else {
                buffer.append(contentsOf: Date(epochSeconds: seconds).iso8601UTC.utf8)
                return
            }
            cache.day = days
            cache.prefix = prefix
        }
        buffer.append(contentsOf: cache.prefix)
        let hours = rest / 3_600
        let minutes = rest % 3_600 / 60
        let secs = rest % 60
        buffer.append(UInt8(ascii: "0") + UInt8(hours / 10))
        buffer.append(UInt8(ascii: "0") + UInt8(hours % 10))
        buffer.append(UInt8(ascii: ":"))
        buffer.append(UInt8(ascii: "0") + UInt8(minutes / 10))
        buffer.append(UInt8(ascii: "0") + UInt8(minutes % 10))
        buffer.append(UInt8(ascii: ":"))
        buffer.append(UInt8(ascii: "0") + UInt8(secs / 10))
        buffer.append(UInt8(ascii: "0") + UInt8(secs % 10))
        buffer.append(UInt8(ascii: "Z"))
    }

    /// "YYYY-MM-DDT" for `days` since 1970, or nil outside years 0...9999.
    private static func dayPrefix(_ days: Int64) -> [UInt8]? {
        // Civil date after Howard Hinnant's civil_from_days (proleptic Gregorian, UTC).
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard (0...9_999).contains(year) else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(11)
        digits(year, 4, &out)
        out.append(UInt8(ascii: "-"))
        digits(month, 2, &out)
        out.append(UInt8(ascii: "-"))
        digits(day, 2, &out)
        out.append(UInt8(ascii: "T"))
        return out
    }

    private static func digits(_ value: Int64, _ width: Int, _ buffer: inout [UInt8]) {
        var divisor: Int64 = 1
        for _ in 1..<width { divisor *= 10 }
        var value = value
        while divisor > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(value / divisor))
            value %= divisor
            divisor /= 10
        }
    }
}
