/// RFC 4648 base32 (upper case, no padding): the alphabet authenticator apps take secrets in, and the letters of
/// pseudonyms and recovery codes (no 0/O or 1/I to confuse).
enum Base32 {
    /// The 32 symbols, in value order.
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")

    /// Encodes bytes, five bits per symbol, without padding.
    static func encode(_ bytes: [UInt8]) -> String {
        var text = ""
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                text.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 0x1F)])
                bits -= 5
            }
        }
        if bits > 0 { text.append(alphabet[Int((buffer << UInt32(5 - bits)) & 0x1F)]) }
        return text
    }

    /// `count` random symbols.
    static func random(_ count: Int, from random: any RandomSource) -> String {
        String((0..<count).map { _ in alphabet[random.int(in: 0...31)] })
    }
}
