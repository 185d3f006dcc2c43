/// RFC 4180 field encoding: a field holding a comma, quote, CR or LF is quoted, with quotes doubled.
///
/// A CSV is opened in spreadsheets, so a text field is also made inert there (OWASP's CSV injection advice): one
/// that starts with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'` (`formulaPrefix`), and control characters
/// other than TAB, CR and LF are written as visible placeholders (C0 as U+2400…U+241F, DEL as U+2421, C1 as
/// U+FFFD). Numbers are written as numbers; `export.json` keeps every value exact.
enum CSVField {
    /// The character put before a text field a spreadsheet would read as a formula; named in the manifest.
    static let formulaPrefix = "'"

    private static let quote = UInt8(ascii: "\"")
    private static let comma = UInt8(ascii: ",")
    private static let prefixByte = UInt8(ascii: "'")

    /// Appends `text` as one field.
    @inline(__always)
    static func append(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(bytes: $0, to: &buffer) }
    }

    /// Appends UTF-8 `bytes` as one field, copying them straight from where they are (a column of the current
    /// row) when they need no placeholders.
    @inline(__always)
    static func append(bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        var hasControls = false
        var needsQuotes = false
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case quote, comma, 0x0D, 0x0A: needsQuotes = true
            case 0x00..<0x20 where byte != 0x09, 0x7F: hasControls = true
            case 0x80...0x9F where previous == 0xC2: hasControls = true
            default: break
            }
            previous = byte
        }
        if hasControls {
            var shown = visible(String(decoding: bytes, as: UTF8.self))
            shown.withUTF8 { appendField($0, quoted: needsQuotes, to: &buffer) }
        } else {
            appendField(bytes, quoted: needsQuotes, to: &buffer)
        }
    }

    /// Whether a field starting with `byte` would be read as a formula: `=`, `+`, `-`, `@`, TAB or CR.
    @inline(__always)
    private static func isFormulaStart(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: return true
        default: return false
        }
    }

    @inline(__always)
    private static func appendField(_ bytes: UnsafeBufferPointer<UInt8>, quoted: Bool, to buffer: inout [UInt8]) {
        let formula = bytes.first.map(isFormulaStart) ?? false
        guard quoted else {
            if formula { buffer.append(prefixByte) }
            buffer.append(contentsOf: bytes)
            return
        }
        buffer.append(quote)
        if formula { buffer.append(prefixByte) }
        for byte in bytes {
            if byte == quote { buffer.append(quote) }
            buffer.append(byte)
        }
        buffer.append(quote)
    }

    /// `text` with every control but TAB, CR and LF replaced by a visible placeholder.
    private static func visible(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0D: result.append(scalar)
            case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
            case 0x7F: result.append("\u{2421}")
            case 0x80...0x9F: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
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
