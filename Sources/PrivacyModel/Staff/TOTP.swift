import Crypto
public import Foundation

/// Time-based one-time passwords (RFC 6238 over HMAC-SHA1), as every authenticator app computes them.
public enum TOTP {
    /// Seconds per time step.
    public static let period: Int64 = 30
    /// Digits in a code.
    public static let digits = 6
    /// Bytes of a fresh secret (160 bits, the HMAC-SHA1 key size RFC 4226 recommends).
    public static let secretLength = 20
    /// Steps accepted either side of the current one, for clocks that drift and codes typed slowly.
    public static let window: Int64 = 1

    /// The time step an instant falls in.
    public static func step(at instant: Date) -> Int64 {
        Int64((instant.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    /// The code of one time step (RFC 4226's dynamic truncation), zero-padded to `digits`.
    public static func code(secret: [UInt8], step: Int64, digits: Int = digits) -> String {
        let counter = withUnsafeBytes(of: UInt64(bitPattern: step).bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary =
            UInt64(mac[offset] & 0x7F) << 24 | UInt64(mac[offset + 1]) << 16 | UInt64(mac[offset + 2]) << 8
            | UInt64(mac[offset + 3])
        var modulus: UInt64 = 1
        for _ in 0..<digits { modulus *= 10 }
        let text = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The step a typed code belongs to within the window around `instant`, or nil when it matches none;
    /// a code of a step at or before `lastStep` (already accepted once) is a replay and refused.
    static func acceptedStep(_ typed: String, secret: [UInt8], at instant: Date, lastStep: Int64?)
        throws(StaffError) -> Int64?
    {
        let current = step(at: instant)
        var replayed = false
        for candidate in (current - window)...(current + window)
        where PasswordHasher.constantTimeEqual(
            Array(code(secret: secret, step: candidate).utf8), Array(typed.utf8))
        {
            if let lastStep, candidate <= lastStep {
                replayed = true
            } else {
                return candidate
            }
        }
        if replayed { throw .codeReused }
        return nil
    }

    /// Whether typed text has the shape of a code (six digits), as opposed to a recovery code.
    static func looksLikeCode(_ typed: String) -> Bool {
        typed.count == digits && typed.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
