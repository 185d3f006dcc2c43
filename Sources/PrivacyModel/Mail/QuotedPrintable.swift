/// The quoted-printable transfer encoding (RFC 2045 §6.7): UTF-8 text as 7-bit lines of at most 76 characters,
/// so any mail system carries the body unchanged.
public enum QuotedPrintable {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes `text`; line breaks become CRLF, other bytes outside printable ASCII (and "=") become `=XX`,
    /// trailing spaces and tabs are encoded, and long lines are broken with soft breaks (`=` at line end).
    public static func encode(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n")
        var output: [String] = []
        for line in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            output.append(encodeLine(Array(line.utf8)))
        }
        return output.joined(separator: "\r\n")
    }

    private static func encodeLine(_ bytes: [UInt8]) -> String {
        var lines: [String] = []
        var current = ""
        for (index, byte) in bytes.enumerated() {
            let isLast = index == bytes.count - 1
            let literal =
                (byte >= 33 && byte <= 126 && byte != 61) || ((byte == 32 || byte == 9) && !isLast)
            let token =
                literal
                ? String(UnicodeScalar(byte))
                : "=" + String(UnicodeScalar(hex[Int(byte >> 4)])) + String(UnicodeScalar(hex[Int(byte & 0xF)]))
            // 75 characters of text plus the soft-break "=" keeps every line at 76 or fewer.
            if current.count + token.count > (isLast ? 76 : 75) {
                lines.append(current + "=")
                current = ""
            }
            current += token
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// Decodes quoted-printable text back to a string (soft breaks removed, `=XX` turned back into bytes).
    public static func decode(_ text: String) -> String {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == 61 {
                if index + 2 < input.count, input[index + 1] == 13, input[index + 2] == 10 {
                    index += 3
                    continue
                }
                if index + 1 < input.count, input[index + 1] == 10 {
                    index += 2
                    continue
                }
                if index + 2 < input.count, let high = value(input[index + 1]), let low = value(input[index + 2]) {
                    bytes.append(high << 4 | low)
                    index += 3
                    continue
                }
            }
            if byte == 13, index + 1 < input.count, input[index + 1] == 10 {
                bytes.append(10)
                index += 2
                continue
            }
            bytes.append(byte)
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 48...57: byte - 48
        case 65...70: byte - 55
        case 97...102: byte - 87
        default: nil
        }
    }
}
