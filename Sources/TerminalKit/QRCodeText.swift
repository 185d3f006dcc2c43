import CQRencode

/// A QR code of a text (encoded by libqrencode, never by hand) as lines of terminal text, so an authenticator app
/// can read an enrolment URI off the screen, locally or over SSH.
///
/// Light modules and the quiet zone are the printed characters, as `qrencode -t UTF8` draws them: on the usual
/// dark terminal background the code then shows dark on light, as scanners expect.
public enum QRCodeText {
    /// Light modules around the code (the QR standard asks for four).
    public static let quietZone = 4

    /// The code as lines: half blocks (▀ ▄ █, two module rows per line), or with `ascii` two `#` per light
    /// module and one line per module row; nil when libqrencode cannot encode the text (too long).
    public static func lines(encoding text: String, ascii: Bool) -> [String]? {
        guard let dark = modules(encoding: text) else { return nil }
        return ascii ? asciiLines(dark) : halfBlockLines(dark)
    }

    /// The symbol's modules (true = dark), with the quiet zone around it, at error-correction level M.
    static func modules(encoding text: String) -> [[Bool]]? {
        guard let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        let side = width + 2 * quietZone
        var rows = Array(repeating: Array(repeating: false, count: side), count: side)
        for y in 0..<width {
            for x in 0..<width where code.pointee.data[y * width + x] & 1 == 1 {
                rows[y + quietZone][x + quietZone] = true
            }
        }
        return rows
    }

    private static func halfBlockLines(_ dark: [[Bool]]) -> [String] {
        stride(from: 0, to: dark.count, by: 2).map { top in
            let bottom = top + 1
            return String(
                dark[top].indices.map { x -> Character in
                    let upperLight = !dark[top][x]
                    let lowerLight = bottom < dark.count && !dark[bottom][x]
                    switch (upperLight, lowerLight) {
                    case (true, true): return "█"
                    case (true, false): return "▀"
                    case (false, true): return "▄"
                    case (false, false): return " "
                    }
                })
        }
    }

    private static func asciiLines(_ dark: [[Bool]]) -> [String] {
        dark.map { row in row.map { $0 ? "  " : "##" }.joined() }
    }
}
