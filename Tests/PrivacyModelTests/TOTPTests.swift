import Foundation
import Testing

@testable import PrivacyModel

@Suite("TOTP (RFC 6238)")
struct TOTPTests {
    /// RFC 6238 Appendix B's SHA-1 key: the ASCII of "12345678901234567890".
    private let rfcSecret = Array("12345678901234567890".utf8)

    @Test(
        "the RFC 6238 Appendix B SHA-1 vectors, at 8 digits",
        arguments: [
            (59, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ] as [(Int64, String)])
    func rfcVectors(time: Int64, expected: String) {
        let step = TOTP.step(at: Date(timeIntervalSince1970: TimeInterval(time)))
        #expect(TOTP.code(secret: rfcSecret, step: step, digits: 8) == expected)
    }

    @Test("six digits are the last six of the eight, zero-padded")
    func sixDigits() {
        #expect(
            TOTP.code(secret: rfcSecret, step: TOTP.step(at: Date(timeIntervalSince1970: 1_111_111_109))) == "081804")
        #expect(TOTP.code(secret: rfcSecret, step: 1).count == 6)
    }

    @Test("one step either side is accepted, two steps are not")
    func window() throws {
        let now = Date(timeIntervalSince1970: 1_795_942_800)
        let current = TOTP.step(at: now)
        for offset in -1...1 {
            let code = TOTP.code(secret: rfcSecret, step: current + Int64(offset))
            #expect(try TOTP.acceptedStep(code, secret: rfcSecret, at: now, lastStep: nil) == current + Int64(offset))
        }
        for offset in [-2, 2] {
            let code = TOTP.code(secret: rfcSecret, step: current + Int64(offset))
            #expect(try TOTP.acceptedStep(code, secret: rfcSecret, at: now, lastStep: nil) == nil)
        }
    }

    @Test("a code of a step at or before the last accepted one is a replay")
    func replay() throws {
        let now = Date(timeIntervalSince1970: 1_795_942_800)
        let current = TOTP.step(at: now)
        let code = TOTP.code(secret: rfcSecret, step: current)
        #expect(throws: StaffError.codeReused) {
            try TOTP.acceptedStep(code, secret: rfcSecret, at: now, lastStep: current)
        }
        #expect(throws: StaffError.codeReused) {
            try TOTP.acceptedStep(code, secret: rfcSecret, at: now, lastStep: current + 1)
        }
        #expect(try TOTP.acceptedStep(code, secret: rfcSecret, at: now, lastStep: current - 1) == current)
    }

    @Test("base32 matches RFC 4648's test vectors (no padding)")
    func base32() {
        let vectors = [
            "": "", "f": "MY", "fo": "MZXQ", "foo": "MZXW6", "foob": "MZXW6YQ", "fooba": "MZXW6YTB",
            "foobar": "MZXW6YTBOI",
        ]
        for (plain, encoded) in vectors { #expect(Base32.encode(Array(plain.utf8)) == encoded) }
    }

    /// Debian's oathtool, when installed.
    static let oathtool = ["/usr/bin/oathtool", "/usr/local/bin/oathtool"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test(
        "oathtool, an independent implementation, computes the same codes from our base32 secret",
        .enabled(if: TOTPTests.oathtool != nil, "oathtool is not installed (.ci/run installs it)"))
    func oathtoolAgrees() throws {
        let oathtool = try #require(Self.oathtool)
        let secret = SeededRandomSource(seed: 13).bytes(TOTP.secretLength)
        for time in [59, 1_111_111_109, 1_795_942_800, 2_000_000_000] as [Int64] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: oathtool)
            process.arguments = ["--totp", "-b", "--now", "@\(time)", Base32.encode(secret)]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
            let step = TOTP.step(at: Date(timeIntervalSince1970: TimeInterval(time)))
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == TOTP.code(secret: secret, step: step))
        }
    }
}
