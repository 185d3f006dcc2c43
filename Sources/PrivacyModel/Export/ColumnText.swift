import GRDB
import GRDBSQLite
import Glibc

/// Reads a text column of the current row in place, as the same bytes GRDB's `String` of it would hold.
enum ColumnText {
    /// Calls `body` with column `index`'s UTF-8 bytes: up to the first NUL, with invalid UTF-8 repaired (as
    /// `String(cString:)` does), and without copying them when they are plain ASCII or already valid.
    @inline(__always)
    static func withBytes(
        _ statement: SQLiteStatement, _ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        guard let pointer = sqlite3_column_text(statement, index) else {
            body(UnsafeBufferPointer(start: nil, count: 0))
            return
        }
        var count = Int(sqlite3_column_bytes(statement, index))
        if let nul = memchr(pointer, 0, count) {
            count = UnsafeRawPointer(pointer).distance(to: UnsafeRawPointer(nul))
        }
        let bytes = UnsafeBufferPointer(start: pointer, count: count)
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            body(bytes)
            return
        }
        var text = String(decoding: bytes, as: UTF8.self)
        text.withUTF8(body)
    }
}
