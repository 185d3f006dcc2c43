public import Foundation
public import GRDB

/// One stored value, kept in its SQLite type so exports can write numbers as numbers.
public enum FieldValue: Sendable, Equatable, Hashable {
    /// No value.
    case null
    /// A whole number.
    case integer(Int64)
    /// A decimal number.
    case real(Double)
    /// Text.
    case text(String)

    /// Converts a SQLite value.
    public init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let number): self = .integer(number)
        case .double(let number): self = .real(number)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .text(data.base64EncodedString())
        }
    }

    /// The value as plain text (empty for null).
    public var text: String {
        switch self {
        case .null: return ""
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        case .text(let text): return text
        }
    }
}

/// One record of a record set, with its values in the order of `RecordSetTable.columns`.
public struct StoredRecord: Sendable, Equatable {
    /// The row's key (the keyset tie-breaker).
    public let key: Int64
    /// The record's time (the set's time column).
    public let time: Date
    /// The values, aligned with the set's columns.
    public let values: [FieldValue]
}

/// Where a page of records starts: the newest, the oldest, or next to a record already shown.
public enum PagePosition: Sendable, Equatable {
    /// The newest records.
    case newest
    /// The oldest records (still returned newest first).
    case oldest
    /// The records just older than the given one.
    case olderThan(time: Date, key: Int64)
    /// The records just newer than the given one.
    case newerThan(time: Date, key: Int64)
}

/// A page of records, newest first, with whether more exist on either side.
public struct RecordPage: Sendable, Equatable {
    /// The record set's binding (column names).
    public let table: RecordSetTable
    /// The records, newest first.
    public let records: [StoredRecord]
    /// True when older records exist beyond this page.
    public let hasOlder: Bool
    /// True when newer records exist before this page.
    public let hasNewer: Bool

    /// The position of the page after this one (older records).
    public var olderPosition: PagePosition? {
        guard hasOlder, let last = records.last else { return nil }
        return .olderThan(time: last.time, key: last.key)
    }

    /// The position of the page before this one (newer records).
    public var newerPosition: PagePosition? {
        guard hasNewer, let first = records.first else { return nil }
        return .newerThan(time: first.time, key: first.key)
    }

    /// The page from up to `limit + 1` records read in the position's order (newest first for `.newest` and
    /// `.olderThan`, oldest first otherwise): the extra record only says that more exist.
    static func assembled(table: RecordSetTable, records found: [StoredRecord], limit: Int, position: PagePosition)
        -> RecordPage
    {
        var records = found
        let more = records.count > limit
        if more { records.removeLast() }
        let hasOlder: Bool
        let hasNewer: Bool
        switch position {
        case .newest: (hasOlder, hasNewer) = (more, false)
        case .oldest:
            records.reverse()
            (hasOlder, hasNewer) = (false, more)
        case .olderThan: (hasOlder, hasNewer) = (more, true)
        case .newerThan:
            records.reverse()
            (hasOlder, hasNewer) = (true, more)
        }
        return RecordPage(table: table, records: records, hasOlder: hasOlder, hasNewer: hasNewer)
    }
}
