/// The one-time codes that let a subscriber fetch an export from a shared box ("7K3M-9QXD-2F8H-WC4N-J6TB").
///
/// Twenty characters of Crockford's base32 carry 100 random bits. The store keeps only the code's SHA-256:
/// with that much entropy nobody can find a code from its hash by trying candidates, so a slow password hash
/// (scrypt) would add cost and no safety; a fast, unsalted hash also lets the download find its row by it.
enum DownloadCode {
    /// Groups of characters, joined by dashes.
    static let groups = 5
    /// Characters per group.
    static let groupLength = 4

    /// Draws a new code from `random` (the system's secure source in the product).
    static func generate(using random: any RandomSource) -> String {
        let alphabet = ReferenceNumber.alphabet
        let characters = (0..<(groups * groupLength)).map { _ in alphabet[random.int(in: 0...(alphabet.count - 1))] }
        return canonical(characters)
    }

    /// The canonical form of a typed code (case and dashes do not matter; O reads as 0, I and L as 1), or nil.
    static func normalise(_ text: String) -> String? {
        let characters = text.uppercased().filter { $0 != "-" }
        guard characters.count == groups * groupLength, let mapped = ReferenceNumber.crockfordDigits(characters)
        else { return nil }
        return canonical(mapped)
    }

    /// What the store keeps: the lowercase hex SHA-256 of the canonical code.
    static func hash(_ canonicalCode: String) -> String { ConsentReceipt.sha256Hex(canonicalCode) }

    private static func canonical(_ characters: [Character]) -> String {
        stride(from: 0, to: characters.count, by: groupLength).map {
            String(characters[$0..<min($0 + groupLength, characters.count)])
        }.joined(separator: "-")
    }
}
