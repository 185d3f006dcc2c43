/// RFC 4180 field encoding: a field holding a comma, quote, CR or LF is quoted, with quotes doubled.
enum CSVField {
    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")

    /// Appends `text` as one field.
    @inline(__always)
    static func append(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var needsQuotes = false
            for byte in bytes where byte == quote || byte == comma || byte == 0x0D || byte == 0x0A {
                needsQuotes = true
                break
            }
            guard needsQuotes else {
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(quote)
            for byte in bytes {
                if byte == quote { buffer.append(quote) }
                buffer.append(byte)
            }
            buffer.append(quote)
        }
    }

    /// Appends a whole header or data row from plain fields, ending it with CRLF.
    static func appendRow(_ fields: [String], to buffer: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { buffer.append(comma) }
            append(field, to: &buffer)
        }
        buffer.append(0x0D)
        buffer.append(0x0A)
    }
}
