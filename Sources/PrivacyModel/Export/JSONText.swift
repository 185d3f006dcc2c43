/// Writes JSON strings and numbers straight into a byte buffer, without building a document.
enum JSONText {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends `text` as a quoted JSON string (control characters, quote and backslash escaped).
    @inline(__always)
    static func appendString(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendString(bytes: $0, to: &buffer) }
    }

    /// Appends UTF-8 `bytes` as a quoted JSON string (control characters, quote and backslash escaped), copying
    /// them straight from where they are (a column of the current row) when nothing needs escaping.
    @inline(__always)
    static func appendString(bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "\""))
        var clean = true
        for byte in bytes where byte < 0x20 || byte == 0x22 || byte == 0x5C {
            clean = false
            break
        }
        if clean {
            buffer.append(contentsOf: bytes)
        } else {
            appendEscaped(bytes, to: &buffer)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        for byte in bytes {
            switch byte {
            case 0x22: buffer.append(contentsOf: [0x5C, 0x22])
            case 0x5C: buffer.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: buffer.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: buffer.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: buffer.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20:
                buffer.append(contentsOf: Array("\\u00".utf8))
                buffer.append(hexDigits[Int(byte >> 4)])
                buffer.append(hexDigits[Int(byte & 0x0F)])
            default: buffer.append(byte)
            }
        }
    }

    /// The quoted JSON form of a string, for keys and small values.
    static func quoted(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        appendString(text, to: &out)
        return out
    }

    /// Appends an optional string, or null.
    static func appendOptional(_ text: String?, to buffer: inout [UInt8]) {
        if let text { appendString(text, to: &buffer) } else { buffer.append(contentsOf: Array("null".utf8)) }
    }
}
