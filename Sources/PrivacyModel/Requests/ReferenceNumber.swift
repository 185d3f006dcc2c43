/// Human-friendly request references ("PD-7K3M-9QXD"): easy to read aloud, type and tell apart.
public enum ReferenceNumber {
    /// Crockford's base32 alphabet: digits and capitals without I, L, O and U.
    public static let alphabet = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// Every reference starts with this.
    public static let prefix = "PD"
    /// Characters drawn per group; two groups give 32^8 (about 10^12) references.
    public static let groupLength = 4

    /// Draws a new reference from `random` (injected, so tests get the same references every run).
    public static func generate(using random: any RandomSource) -> String {
        let characters = (0..<(2 * groupLength)).map { _ in alphabet[random.int(in: 0...(alphabet.count - 1))] }
        return canonical(characters)
    }

    /// The canonical form of something a person typed, or nil when it cannot be a reference.
    ///
    /// Case, spaces and dashes do not matter, the prefix may be left out, and the letters Crockford
    /// reads as digits are read that way (O as 0; I and L as 1).
    public static func normalise(_ text: String) -> String? {
        var characters = text.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        if characters.count == 2 * groupLength + prefix.count, characters.hasPrefix(prefix) {
            characters.removeFirst(prefix.count)
        }
        guard characters.count == 2 * groupLength, let mapped = crockfordDigits(characters) else { return nil }
        return canonical(mapped)
    }

    /// Upper-case characters read as Crockford base32 digits (O as 0; I and L as 1), or nil if one is not one.
    static func crockfordDigits(_ characters: String) -> [Character]? {
        var mapped: [Character] = []
        for character in characters {
            switch character {
            case "O": mapped.append("0")
            case "I", "L": mapped.append("1")
            default:
                guard alphabet.contains(character) else { return nil }
                mapped.append(character)
            }
        }
        return mapped
    }

    /// Whether `text` is a reference exactly in canonical form.
    public static func isCanonical(_ text: String) -> Bool { normalise(text) == text }

    private static func canonical(_ characters: [Character]) -> String {
        "\(prefix)-\(String(characters.prefix(groupLength)))-\(String(characters.suffix(groupLength)))"
    }
}
