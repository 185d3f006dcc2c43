import Foundation
import PrivacyModel

/// Short, stable text forms of dates and counts for tables.
enum Formatting {
    /// A day (YYYY-MM-DD, UTC) or "-" when absent.
    static func day(_ date: Date?) -> String { date?.dayUTC ?? "-" }

    /// A count with English thousands separators (1,234,567), as the model's `Formats` groups it.
    static func count(_ value: Int) -> String { Formats(language: "en").number(value) }

    /// Encodes a value as pretty, key-sorted JSON with ISO 8601 dates, every terminal control escaped.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return SafeText.inertJSON(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}
