import Crypto
import Foundation

/// Single-use codes that stand in for a lost authenticator: made at enrolment, shown once, kept only as hashes.
enum RecoveryCode {
    /// How many an enrolment makes.
    static let count = 10
    /// Base32 symbols in a code (80 bits), shown in groups of four.
    static let length = 16

    /// A fresh code as shown, e.g. "ABCD-EFGH-JKLM-NPQR".
    static func make(_ random: any RandomSource) -> String {
        grouped(Base32.random(length, from: random), separator: "-")
    }

    /// A typed code folded to its symbols (dashes and spaces dropped, upper case), or nil when it cannot be one.
    static func normalised(_ typed: String) -> String? {
        let symbols = typed.uppercased().filter { $0 != "-" && $0 != " " }
        guard symbols.count == length, symbols.allSatisfy({ Base32.alphabet.contains($0) }) else { return nil }
        return symbols
    }

    /// The stored form: SHA-256 of the normalised code (80 random bits need no slow hash).
    static func hash(normalised code: String) -> String {
        SHA256.hash(data: Data(code.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Text cut into groups of four, for reading aloud and typing.
    static func grouped(_ text: String, separator: String) -> String {
        var groups: [String] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            groups.append(String(rest.prefix(4)))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: separator)
    }
}
