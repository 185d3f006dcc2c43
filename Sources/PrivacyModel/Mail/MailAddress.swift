/// An email address checked before it goes into a header or onto sendmail's command line, so stored text can
/// never add a header (CR/LF) or an option (a leading "-").
public struct MailAddress: Sendable, Equatable, CustomStringConvertible {
    /// The address as written, `local@domain`.
    public let value: String

    /// Checks `text` as a plain `local@domain` address; throws `MailError.invalidAddress` otherwise.
    public init(_ text: String) throws(MailError) {
        guard Self.isValid(text) else { throw MailError.invalidAddress }
        value = text
    }

    /// The address.
    public var description: String { value }

    /// Whether `text` is one plain address: printable ASCII, no spaces, controls, quotes, angle brackets,
    /// commas or semicolons, exactly one "@" with text on both sides, and no leading "-".
    public static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= 254, !text.hasPrefix("-") else { return false }
        let forbidden: Set<UInt8> = Set("\"<>(),;:\\[] ".utf8)
        for byte in text.utf8 where byte < 0x21 || byte > 0x7E || forbidden.contains(byte) { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        return !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}

/// Why a message could not be built or sent; each case is a stored code, never prose.
public enum MailError: Error, Sendable, Equatable {
    /// An address is not a single plain address (it could inject a header or an option).
    case invalidAddress
    /// A header value holds a line break.
    case headerInjection
    /// The outbox row's parameters could not be read.
    case badParameters

    /// The code stored as the outbox row's `lastError`.
    public var code: String {
        switch self {
        case .invalidAddress: "invalid-address"
        case .headerInjection: "header-injection"
        case .badParameters: "bad-parameters"
        }
    }
}
