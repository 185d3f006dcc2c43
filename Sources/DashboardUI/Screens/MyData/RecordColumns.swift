import Foundation
import PrivacyModel

/// How one stored column is shown in the records table: its heading, width and how its value reads.
struct RecordColumn: Sendable {
    /// How a value is turned into text.
    enum Kind: Sendable {
        /// Free text (clipped, newlines shown as spaces).
        case text
        /// Seconds since 1970 as a day and time.
        case dateTime
        /// Seconds since 1970 as a day.
        case date
        /// A duration in seconds as hours and minutes.
        case duration
        /// A whole number with grouping.
        case number
        /// A decimal number with one digit after the separator.
        case decimal
        /// A percentage.
        case percent
        /// Cents, shown with the currency from another column.
        case money(currencyColumn: String)
        /// The last four digits of a card.
        case cardDigits
        /// 1 shows as a "held" marker.
        case flag
    }

    /// The stored column name (in `RecordSetTable.columns`).
    let name: String
    /// How the value reads.
    let kind: Kind
    /// Fixed width, or nil to share the remaining width.
    let width: Int?
    /// Least width when shared.
    let minWidth: Int
    /// Right-aligned (numbers).
    let alignRight: Bool
    /// Left out first when the table is narrow.
    let optional: Bool
    /// The heading's key when the column name means something else here (a TV channel, not a support channel).
    let heading: String?

    init(
        _ name: String, _ kind: Kind = .text, width: Int? = nil, minWidth: Int = 6, alignRight: Bool = false,
        optional: Bool = false, heading: String? = nil
    ) {
        self.name = name
        self.heading = heading
        self.kind = kind
        self.width = width
        self.minWidth = minWidth
        self.alignRight = alignRight
        self.optional = optional
    }

    /// The least columns it takes.
    var least: Int { width ?? minWidth }

    /// The strings key of the heading.
    var titleKey: String { heading ?? "mydata.column.\(name)" }
}

/// The visible columns of each record set, newest-first tables a person can read at 72 columns and up.
enum RecordColumns {
    /// Longest piece of a stored value put into a cell; a cell is never wider than the screen.
    static let clipLength = 240

    /// The columns shown for a record set (every set the store holds has an entry).
    static func columns(for recordSet: String) -> [RecordColumn] {
        switch recordSet {
        case "account":
            return [
                RecordColumn("createdAt", .dateTime, width: 16), RecordColumn("email", minWidth: 10),
                RecordColumn("username", minWidth: 8), RecordColumn("birthdate", width: 10, optional: true),
                RecordColumn("status", width: 10), RecordColumn("language", width: 8, optional: true),
            ]
        case "profile":
            return [
                RecordColumn("updatedAt", .dateTime, width: 16), RecordColumn("fullName", minWidth: 8),
                RecordColumn("contactEmail", minWidth: 8), RecordColumn("phone", minWidth: 6, optional: true),
                RecordColumn("country", width: 7),
            ]
        case "payment-methods":
            return [
                RecordColumn("addedAt", .dateTime, width: 16), RecordColumn("brand", minWidth: 6),
                RecordColumn("last4", .cardDigits, width: 9), RecordColumn("expiry", width: 7, optional: true),
                RecordColumn("billingCountry", width: 7, optional: true),
            ]
        case "payment-transactions":
            return [
                RecordColumn("occurredAt", .dateTime, width: 16),
                RecordColumn("amountCents", .money(currencyColumn: "currency"), width: 11, alignRight: true),
                RecordColumn("description", minWidth: 8), RecordColumn("outcome", width: 8),
            ]
        case "support-messages":
            return [
                RecordColumn("sentAt", .dateTime, width: 16), RecordColumn("channel", width: 9),
                RecordColumn("direction", width: 9, optional: true), RecordColumn("body", minWidth: 12),
            ]
        case "viewing-events":
            return [
                RecordColumn("startedAt", .dateTime, width: 16),
                RecordColumn("channel", minWidth: 8, heading: "mydata.column.tvChannel"),
                RecordColumn("title", minWidth: 10), RecordColumn("genre", width: 9, optional: true),
                RecordColumn("durationSeconds", .duration, width: 10, alignRight: true),
            ]
        case "devices":
            return [
                RecordColumn("lastSeenAt", .dateTime, width: 16), RecordColumn("deviceType", minWidth: 6),
                RecordColumn("operatingSystem", minWidth: 6), RecordColumn("client", minWidth: 6),
                RecordColumn("firstSeenAt", .date, width: 10, optional: true),
            ]
        case "connection-records":
            return [
                RecordColumn("recordedAt", .dateTime, width: 16), RecordColumn("ipAddress", minWidth: 10),
                RecordColumn("downloadMbps", .decimal, width: 7, alignRight: true),
                RecordColumn("streamQuality", minWidth: 6),
                RecordColumn("stabilityPercent", .percent, width: 9, alignRight: true, optional: true),
            ]
        case "usage-events":
            return [
                RecordColumn("occurredAt", .dateTime, width: 16), RecordColumn("kind", width: 14),
                RecordColumn("detail", minWidth: 10),
            ]
        case "technical-logs":
            return [
                RecordColumn("loggedAt", .dateTime, width: 16), RecordColumn("level", width: 7),
                RecordColumn("component", minWidth: 8, optional: true), RecordColumn("message", minWidth: 10),
                RecordColumn("securityHold", .flag, width: 5, optional: true),
            ]
        case "locations":
            return [
                RecordColumn("recordedAt", .dateTime, width: 16), RecordColumn("country", width: 7),
                RecordColumn("region", minWidth: 6, optional: true), RecordColumn("city", minWidth: 6),
                RecordColumn("ipAddress", minWidth: 10),
            ]
        default:
            guard let table = RecordSetTable.named(recordSet) else { return [] }
            return table.columns.map {
                $0 == table.timeColumn ? RecordColumn($0, .dateTime, width: 16) : RecordColumn($0)
            }
        }
    }

    /// The columns that fit in `width` (the table's width less its pointer column), optional ones left out from the end.
    ///
    /// Shared columns then give up width down to 3 columns each, and if fixed columns alone are
    /// still too wide, columns go from the end, so a table never runs over its box's border.
    static func fitting(_ columns: [RecordColumn], width: Int) -> [RecordColumn] {
        var kept = columns
        func needed(_ list: [RecordColumn]) -> Int { list.reduce(0) { $0 + $1.least } + max(0, list.count - 1) }
        while needed(kept) > width, let drop = kept.lastIndex(where: \.optional) { kept.remove(at: drop) }
        while kept.count > 1 {
            let fixed = kept.compactMap(\.width).reduce(0, +) + kept.count - 1
            let shared = kept.filter { $0.width == nil }.count
            let spare = width - fixed
            if shared == 0 ? spare >= 0 : spare >= 3 * shared {
                let share = shared == 0 ? 0 : spare / shared
                return kept.map { column in
                    guard column.width == nil, column.minWidth > share else { return column }
                    return RecordColumn(
                        column.name, column.kind, minWidth: share, alignRight: column.alignRight,
                        optional: column.optional)
                }
            }
            kept.removeLast()
        }
        return kept
    }

    /// The cells of one record for the given columns, formatted for the person's language; `clipped` cuts
    /// free text to a cell's worth (the table), otherwise it stays whole with its line breaks (a record read whole).
    static func cells(
        of record: StoredRecord, table: RecordSetTable, columns: [RecordColumn], formats: Formats, strings: Strings,
        clipped: Bool = true
    ) -> [String] {
        columns.map { column in
            guard let index = table.columns.firstIndex(of: column.name) else { return "" }
            let value = record.values[index]
            switch column.kind {
            case .text:
                let text = words(value.text, column: column.name, table: table, formats: formats, strings: strings)
                return clipped ? clip(text) : text
            case .dateTime: return seconds(value).map { formats.dateTime(Date(epochSeconds: $0)) } ?? clip(value.text)
            case .date: return seconds(value).map { formats.date(Date(epochSeconds: $0)) } ?? clip(value.text)
            case .duration: return seconds(value).map { formats.hoursMinutes(seconds: Int($0)) } ?? clip(value.text)
            case .number: return seconds(value).map { formats.number(Int($0)) } ?? clip(value.text)
            case .decimal:
                return decimal(value).map { tenths(Int(($0 * 10).rounded()), formats: formats, strings: strings) }
                    ?? clip(value.text)
            case .percent:
                return seconds(value).map { strings("mydata.value.percent", ["value": formats.number(Int($0))]) }
                    ?? clip(value.text)
            case .money(let currencyColumn):
                guard let cents = seconds(value) else { return clip(value.text) }
                let currency = table.columns.firstIndex(of: currencyColumn).map { record.values[$0].text } ?? ""
                return money(cents: cents, currency: clip(currency), formats: formats, strings: strings)
            case .cardDigits: return strings("mydata.value.card", ["last4": clip(value.text)])
            case .flag: return seconds(value) == 1 ? strings["mydata.value.held"] : ""
            }
        }
    }

    /// A text value as the reader reads it: a code (`from-support`, `sign-in`) in words, a stored message in
    /// this language, anything else as stored.
    private static func words(
        _ text: String, column: String, table: RecordSetTable, formats: Formats, strings: Strings
    ) -> String {
        if let key = RecordCodeWords.key(recordSet: table.id, column: column, value: text) {
            return strings.contains(key) ? strings[key] : text
        }
        guard RecordCodeWords.holdsStoredText(recordSet: table.id, column: column) else { return text }
        return strings.text(of: StoredText(storedForm: text), formats: formats)
    }

    private static func seconds(_ value: FieldValue) -> Int64? {
        switch value {
        case .integer(let number): return number
        case .real(let number): return Int64(number)
        default: return nil
        }
    }

    private static func decimal(_ value: FieldValue) -> Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .real(let number): return number
        default: return nil
        }
    }

    private static func tenths(_ value: Int, formats: Formats, strings: Strings) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = abs(value)
        return sign + formats.number(magnitude / 10) + strings["mydata.value.decimalSeparator"] + String(magnitude % 10)
    }

    private static func money(cents: Int64, currency: String, formats: Formats, strings: Strings) -> String {
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        let amount =
            (cents < 0 ? "-" : "") + formats.number(Int(magnitude / 100)) + strings["mydata.value.decimalSeparator"]
            + (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return strings("mydata.value.money", ["amount": amount, "currency": currency])
    }

    /// A stored value cut to a cell's worth of characters, line breaks shown as spaces.
    ///
    /// Other control characters are left for the canvas, which shows them as visible placeholders.
    static func clip(_ text: String) -> String {
        var short = text.count > clipLength ? String(text.prefix(clipLength)) : text
        if short.contains(where: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            short = String(short.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
        }
        return short
    }
}
