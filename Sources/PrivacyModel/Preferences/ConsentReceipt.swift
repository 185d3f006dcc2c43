import Crypto
import Foundation
public import GRDB

/// One change of one preference, kept forever and hash-chained per account so edits and deletions show.
public struct ConsentReceipt: Codable, Sendable, Equatable, FetchableRecord, TableRecord {
    /// The table it lives in.
    public static let databaseTableName = "consent_receipt"

    /// The `previousHash` of an account's first receipt: 64 zeros.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Row id (not part of the hash).
    public let id: Int64
    /// The account whose preference changed.
    public let accountId: Int64
    /// Position in the account's chain: 1, 2, 3, … with no gaps.
    public let sequence: Int64
    /// The catalogue id of the preference that changed.
    public let preferenceId: String
    /// The value before the change, stored as 0 (off) or 1 (on).
    public let oldValue: Int64
    /// The value after the change, stored as 0 (off) or 1 (on).
    public let newValue: Int64
    /// When the change was made: ISO 8601 UTC with seconds (e.g. 2026-11-29T09:00:00Z).
    public let recordedAt: String
    /// The catalogue version in force when the change was made.
    public let policyVersion: String
    /// How the change reached the model ("dashboard", "cli", "ssh", …).
    public let channel: String
    /// Hex SHA-256 of the account's previous receipt, or `genesisHash` for the first.
    public let previousHash: String
    /// Hex SHA-256 of `canonicalForm`, as stored.
    public let hash: String

    /// Whether the preference was on before the change.
    public var oldIsOn: Bool { oldValue != 0 }
    /// Whether the preference is on after the change.
    public var newIsOn: Bool { newValue != 0 }

    /// The exact text the hash covers (see `canonicalForm(accountId:sequence:…)`).
    public var canonicalForm: String {
        Self.canonicalForm(
            accountId: accountId, sequence: sequence, preferenceId: preferenceId, oldValue: oldValue,
            newValue: newValue, recordedAt: recordedAt, policyVersion: policyVersion, channel: channel,
            previousHash: previousHash)
    }

    /// The hash recomputed from the stored fields; differs from `hash` when the row was edited.
    public var computedHash: String { Self.sha256Hex(canonicalForm) }

    /// The text a receipt's hash is taken over, version 1.
    ///
    /// Ten lines joined by a single line feed (U+000A), with no line feed after the last:
    ///
    ///     consent-receipt-v1
    ///     accountId=<decimal>
    ///     sequence=<decimal>
    ///     preferenceId=<text>
    ///     oldValue=<decimal, 0 or 1>
    ///     newValue=<decimal, 0 or 1>
    ///     recordedAt=<text>
    ///     policyVersion=<text>
    ///     channel=<text>
    ///     previousHash=<text>
    ///
    /// Integers are written in base 10 with a leading "-" only when negative and no leading zeros.
    /// Every <text> is the stored string with backslash written as `\\`, line feed as `\n` and
    /// carriage return as `\r`, so no field can contain the separator and the form is unambiguous.
    /// The hash is the lowercase hex SHA-256 of the UTF-8 bytes of this text (no Unicode
    /// normalisation). The row id and the hash itself are the only fields left out.
    public static func canonicalForm(
        accountId: Int64, sequence: Int64, preferenceId: String, oldValue: Int64, newValue: Int64,
        recordedAt: String, policyVersion: String, channel: String, previousHash: String
    ) -> String {
        [
            "consent-receipt-v1",
            "accountId=\(accountId)",
            "sequence=\(sequence)",
            "preferenceId=\(escape(preferenceId))",
            "oldValue=\(oldValue)",
            "newValue=\(newValue)",
            "recordedAt=\(escape(recordedAt))",
            "policyVersion=\(escape(policyVersion))",
            "channel=\(escape(channel))",
            "previousHash=\(escape(previousHash))",
        ].joined(separator: "\n")
    }

    /// Escapes a text field so it cannot contain a raw line feed.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Lowercase hex SHA-256 of a string's UTF-8 bytes.
    static func sha256Hex(_ text: String) -> String {
        let digest = SHA256.hash(data: Data(text.utf8))
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
