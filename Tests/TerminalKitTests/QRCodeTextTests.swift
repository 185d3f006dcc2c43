import Testing

@testable import TerminalKit

@Suite("QR codes as text")
struct QRCodeTextTests {
    private let uri =
        "otpauth://totp/Smarters%20Pro%20IPTV:ana?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Smarters%20Pro%20IPTV"
        + "&algorithm=SHA1&digits=6&period=30"

    /// Reads half-block lines back into modules (true = dark).
    private func modules(fromHalfBlocks lines: [String]) -> [[Bool]] {
        lines.flatMap { line -> [[Bool]] in
            let cells = Array(line)
            return [
                cells.map { $0 == " " || $0 == "▄" },
                cells.map { $0 == " " || $0 == "▀" },
            ]
        }
    }

    @Test("half blocks hold exactly libqrencode's modules, two rows a line, inside a light quiet zone")
    func halfBlocks() throws {
        let dark = try #require(QRCodeText.modules(encoding: uri))
        let lines = try #require(QRCodeText.lines(encoding: uri, ascii: false))
        #expect(lines.count == (dark.count + 1) / 2)
        #expect(lines.allSatisfy { $0.count == dark.count })
        #expect(Array(modules(fromHalfBlocks: lines).prefix(dark.count)) == dark)
        let quiet = QRCodeText.quietZone
        #expect(lines[0] == String(repeating: "█", count: dark.count))
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix(String(repeating: "█", count: quiet)) })
        // An odd number of module rows leaves the last line's lower half off the code: the quiet zone's top half.
        #expect(dark.count % 2 == 1)
        #expect(lines.last == String(repeating: "▀", count: dark.count))
    }

    @Test("the code starts with a finder pattern: a 7×7 dark ring around a light ring and a 3×3 dark core")
    func finderPattern() throws {
        let dark = try #require(QRCodeText.modules(encoding: uri))
        let q = QRCodeText.quietZone
        for y in 0..<7 {
            for x in 0..<7 {
                let ring = max(abs(x - 3), abs(y - 3))
                #expect(dark[q + y][q + x] == (ring != 2), "module \(x),\(y)")
            }
        }
        #expect((dark.count - 2 * q - 21) % 4 == 0, "a QR symbol is 21 + 4k modules wide")
    }

    @Test("the ASCII form draws two '#' per light module, one line per module row")
    func ascii() throws {
        let dark = try #require(QRCodeText.modules(encoding: uri))
        let lines = try #require(QRCodeText.lines(encoding: uri, ascii: true))
        #expect(lines.count == dark.count)
        #expect(lines.allSatisfy { $0.count == 2 * dark.count && $0.allSatisfy { $0 == "#" || $0 == " " } })
        #expect(lines[QRCodeText.quietZone].dropFirst(2 * QRCodeText.quietZone).hasPrefix("              ##"))
    }

    @Test("a text too long for any QR symbol gives nil, not a broken code")
    func tooLong() {
        #expect(QRCodeText.lines(encoding: String(repeating: "x", count: 8_000), ascii: false) == nil)
    }
}
