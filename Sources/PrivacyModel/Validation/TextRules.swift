/// The one check of each field of text a person types, wherever it is typed: the CLI, the screens and the staff
/// console call these, so a rule and its message live in one place.
public enum TextRules {
    /// The longest name accepted.
    public static let maximumNameLength = 200

    /// The problem with `text` as free text of at most `limit` characters, or nil when it is fine; line breaks
    /// and tabs are allowed only where `allowsLineBreaks` says so.
    public static func problem(with text: String, limit: Int, allowsLineBreaks: Bool = false) -> TextProblem? {
        if text.isEmpty { return .empty }
        for scalar in text.unicodeScalars where isControl(scalar) {
            if allowsLineBreaks, scalar == "\n" || scalar == "\t" || scalar == "\r" { continue }
            return .controlCharacters
        }
        if text.count > limit { return .tooLong(limit: limit) }
        return nil
    }

    /// A note, reason or typed value as it will be stored: trimmed, and empty when blank (the caller says whether it
    /// may be), or the problem with it: longer than `limit`, or holding a control character (line breaks and tabs
    /// only where `allowsLineBreaks` says so).
    public static func note(_ raw: String, limit: Int, allowsLineBreaks: Bool = true) throws(TextProblem) -> String {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if value.isEmpty { return value }
        if let problem = problem(with: value, limit: limit, allowsLineBreaks: allowsLineBreaks) { throw problem }
        return value
    }

    /// A person's name as it will be stored (trimmed), or why it cannot be.
    public static func name(_ raw: String) throws(AccountError) -> String {
        let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if let problem = problem(with: value, limit: maximumNameLength) { throw .invalidName(problem) }
        return value
    }

    /// An email address as it will be stored (trimmed), or why it cannot be.
    public static func email(_ raw: String) throws(AccountError) -> String {
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard isPlausibleEmail(value) else { throw .invalidEmail(raw) }
        return value
    }

    /// Whether `email` looks like an address: one "@", a dotted domain, at most 254 characters, no spaces or controls.
    public static func isPlausibleEmail(_ email: String) -> Bool {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, email.count <= 254 else { return false }
        let domain = parts[1]
        guard domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix(".") else { return false }
        return !email.unicodeScalars.contains { $0.properties.isWhitespace || isControl($0) }
    }

    /// C0, DEL, C1 and the bidirectional controls that can reorder what a reader sees.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
