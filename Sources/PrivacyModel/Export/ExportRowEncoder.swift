import GRDB

/// Encodes one record set's rows as JSON objects and CSV lines, with every per-column decision made once.
struct ExportRowEncoder {
    private let isTime: [Bool]
    private let jsonKeys: [[UInt8]]
    private let csvRecordSet: [UInt8]
    /// For each CSV column after "recordSet", the set's column index, or nil when the set lacks it.
    private let csvSources: [Int?]

    init(set: ExportedSet, csvColumns: [String]) {
        isTime = set.isTime
        jsonKeys = set.columns.enumerated().map { index, name in
            (index == 0 ? [] : Array(",".utf8)) + JSONText.quoted(name) + Array(":".utf8)
        }
        var field: [UInt8] = []
        CSVField.append(set.definition.id, to: &field)
        csvRecordSet = field
        csvSources = csvColumns.dropFirst().map { set.columns.firstIndex(of: $0) }
    }

    /// Appends the statement's current row as one JSON object.
    @inline(__always)
    func appendJSON(_ row: SQLiteStatement, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "{"))
        for index in 0..<jsonKeys.count {
            buffer.append(contentsOf: jsonKeys[index])
            let value = DatabaseValue(sqliteStatement: row, index: Int32(index))
            switch value.storage {
            case .null: buffer.append(contentsOf: Self.null)
            case .int64(let number):
                if isTime[index] {
                    buffer.append(UInt8(ascii: "\""))
                    ExportTime.append(number, to: &buffer)
                    buffer.append(UInt8(ascii: "\""))
                } else {
                    Self.appendInteger(number, to: &buffer)
                }
            case .double(let number):
                if number.isFinite {
                    buffer.append(contentsOf: String(number).utf8)
                } else {
                    buffer.append(contentsOf: Self.null)
                }
            case .string(let text): JSONText.appendString(text, to: &buffer)
            case .blob(let data): JSONText.appendString(data.base64EncodedString(), to: &buffer)
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
            let value = DatabaseValue(sqliteStatement: row, index: Int32(source))
            switch value.storage {
            case .null: break
            case .int64(let number):
                if isTime[source] {
                    ExportTime.append(number, to: &buffer)
                } else {
                    Self.appendInteger(number, to: &buffer)
                }
            case .double(let number): if number.isFinite { buffer.append(contentsOf: String(number).utf8) }
            case .string(let text): CSVField.append(text, to: &buffer)
            case .blob(let data): buffer.append(contentsOf: data.base64EncodedString().utf8)
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
