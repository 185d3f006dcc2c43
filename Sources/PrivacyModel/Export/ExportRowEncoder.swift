import GRDB
import GRDBSQLite

/// Encodes one record set's rows as JSON objects and CSV lines, with every per-column decision made once.
///
/// Values are read from the statement's columns in place (`sqlite3_column_*`) and their bytes copied straight
/// into the output buffer: no `String` or `DatabaseValue` per value. Times reuse the text of the day before.
final class ExportRowEncoder {
    private let isTime: [Bool]
    private let jsonKeys: [[UInt8]]
    private let csvRecordSet: [UInt8]
    /// For each CSV column after "recordSet", the set's column index, or nil when the set lacks it.
    private let csvSources: [Int32?]
    private var days = ExportTime.DayCache()

    init(set: ExportedSet, csvColumns: [String]) {
        isTime = set.isTime
        jsonKeys = set.columns.enumerated().map { index, name in
            (index == 0 ? [] : Array(",".utf8)) + JSONText.quoted(name) + Array(":".utf8)
        }
        var field: [UInt8] = []
        CSVField.append(set.definition.id, to: &field)
        csvRecordSet = field
        csvSources = csvColumns.dropFirst().map { column in set.columns.firstIndex(of: column).map { Int32($0) } }
    }

    /// Appends the statement's current row as one JSON object.
    @inline(__always)
    func appendJSON(_ row: SQLiteStatement, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "{"))
        for index in 0..<jsonKeys.count {
            buffer.append(contentsOf: jsonKeys[index])
            let column = Int32(index)
            switch sqlite3_column_type(row, column) {
            case SQLITE_INTEGER:
                let number = sqlite3_column_int64(row, column)
                if isTime[index] {
                    buffer.append(UInt8(ascii: "\""))
                    ExportTime.append(number, to: &buffer, cache: &days)
                    buffer.append(UInt8(ascii: "\""))
                } else {
                    Self.appendInteger(number, to: &buffer)
                }
            case SQLITE_FLOAT:
                let number = sqlite3_column_double(row, column)
                if number.isFinite {
                    buffer.append(contentsOf: String(number).utf8)
                } else {
                    buffer.append(contentsOf: Self.null)
                }
            case SQLITE_TEXT:
                ColumnText.withBytes(row, column) { JSONText.appendString(bytes: $0, to: &buffer) }
            case SQLITE_BLOB:
                if case .blob(let data) = DatabaseValue(sqliteStatement: row, index: column).storage {
                    JSONText.appendString(data.base64EncodedString(), to: &buffer)
                } else {
                    buffer.append(contentsOf: Self.null)
                }
            default: buffer.append(contentsOf: Self.null)
            }
        }
        buffer.append(UInt8(ascii: "}"))
    }

    /// Appends the statement's current row as one CSV line (CRLF-terminated) in the category's column layout.
    @inline(__always)
    func appendCSV(_ row: SQLiteStatement, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: csvRecordSet)
        for source in csvSources {
            buffer.append(UInt8(ascii: ","))
            guard let source else { continue }
            switch sqlite3_column_type(row, source) {
            case SQLITE_INTEGER:
                let number = sqlite3_column_int64(row, source)
                if isTime[Int(source)] {
                    ExportTime.append(number, to: &buffer, cache: &days)
                } else {
                    Self.appendInteger(number, to: &buffer)
                }
            case SQLITE_FLOAT:
                let number = sqlite3_column_double(row, source)
                if number.isFinite { buffer.append(contentsOf: String(number).utf8) }
            case SQLITE_TEXT:
                ColumnText.withBytes(row, source) { CSVField.append(bytes: $0, to: &buffer) }
            case SQLITE_BLOB:
                if case .blob(let data) = DatabaseValue(sqliteStatement: row, index: source).storage {
                    buffer.append(contentsOf: data.base64EncodedString().utf8)
                }
            default: break
            }
        }
        buffer.append(0x0D)
        buffer.append(0x0A)
    }

    private static let null = Array("null".utf8)

    /// Appends a decimal integer without allocating a string.
    @inline(__always)
    static func appendInteger(_ number: Int64, to buffer: inout [UInt8]) {
        if number == 0 {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = number.magnitude
        if number < 0 { buffer.append(UInt8(ascii: "-")) }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            while magnitude > 0 {
                raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(raw[index]) }
        }
    }
}
