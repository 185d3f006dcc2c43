import Foundation

/// Turns stored epoch seconds into ISO 8601 UTC text fast enough for millions of rows.
enum ExportTime {
    /// "YYYY-MM-DDTHH:MM:SSZ" for `seconds` since 1970, the same text as `Date.iso8601UTC`.
    static func iso8601(_ seconds: Int64) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20)
        append(seconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the ISO 8601 UTC form of `seconds` since 1970 to a byte buffer.
    @inline(__always)
    static func append(_ seconds: Int64, to buffer: inout [UInt8]) {
        // Days and civil date after Howard Hinnant's civil_from_days (proleptic Gregorian, UTC).
        var days = seconds / 86_400
        var rest = seconds % 86_400
        if rest < 0 {
            rest += 86_400
            days -= 1
        }
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        guard (0...9_999).contains(year) else {
            buffer.append(contentsOf: Date(epochSeconds: seconds).iso8601UTC.utf8)
            return
        }
        digits(year, 4, &buffer)
        buffer.append(UInt8(ascii: "-"))
        digits(month, 2, &buffer)
        buffer.append(UInt8(ascii: "-"))
        digits(day, 2, &buffer)
        buffer.append(UInt8(ascii: "T"))
        digits(rest / 3_600, 2, &buffer)
        buffer.append(UInt8(ascii: ":"))
        digits(rest % 3_600 / 60, 2, &buffer)
        buffer.append(UInt8(ascii: ":"))
        digits(rest % 60, 2, &buffer)
        buffer.append(UInt8(ascii: "Z"))
    }

    @inline(__always)
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
