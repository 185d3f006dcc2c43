import Crypto
import CryptoExtras
import Foundation

/// The cost of an scrypt hash: N = 2^ln, block size r, parallelism p.
public struct ScryptParameters: Sendable, Equatable, CustomStringConvertible {
    /// log2 of the CPU/memory cost N.
    public let ln: Int
    /// Block size.
    public let r: Int
    /// Parallelism.
    public let p: Int

    /// The product's cost: OWASP's N = 2^14, r = 8, p = 5, as much work as 2^17/8/1 in a eighth of the memory.
    /// BoringSSL runs the p lanes one after another over one 128·r·N table, so a hash holds about 16 MiB
    /// (100 simultaneous sign-ins: about 1.6 GB, where 2^17/8/1 needed 12.8 GB).
    public static let standard = ScryptParameters(ln: 14, r: 8, p: 5)

    /// The cost the product used before; hashes made with it are redone at the next successful sign-in.
    public static let previous = ScryptParameters(ln: 17, r: 8, p: 1)

    /// A cost; tests lower `ln` to stay fast.
    public init(ln: Int, r: Int, p: Int) {
        self.ln = ln
        self.r = r
        self.p = p
    }

    /// The scratch memory one hash holds: scrypt's table of N blocks of 128·r bytes, plus p + 1 blocks
    /// (BoringSSL computes the p lanes in turn over the same table).
    public var memoryBytes: Int { 128 * r * ((1 << ln) + p + 1) }

    /// The PHC parameter list, e.g. "ln=17,r=8,p=1".
    public var description: String { "ln=\(ln),r=\(r),p=\(p)" }
}

/// Why a stored password hash could not be read.
public enum PasswordHashError: UserFacingError, Equatable {
    /// The text is not a PHC scrypt string this program understands.
    case malformed
    /// The parameters are outside what this program accepts.
    case unsupportedParameters(String)

    /// The failure's kind.
    public var kind: FailureKind { .dataError }
}

/// A parsed `$scrypt$ln=…,r=…,p=…$salt$hash` string.
public struct PHCScryptHash: Sendable, Equatable {
    /// The cost it was made with.
    public let parameters: ScryptParameters
    /// The salt bytes.
    public let salt: [UInt8]
    /// The derived key bytes.
    public let hash: [UInt8]

    /// Parses a PHC string, reading the parameters back from it.
    public init(parsing text: String) throws(PasswordHashError) {
        let fields = text.split(separator: "$", omittingEmptySubsequences: false)
        guard fields.count == 5, fields[0].isEmpty, fields[1] == "scrypt" else { throw .malformed }
        var values: [String: Int] = [:]
        for pair in fields[2].split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let value = Int(parts[1]), values[String(parts[0])] == nil else { throw .malformed }
            values[String(parts[0])] = value
        }
        guard values.count == 3, let ln = values["ln"], let r = values["r"], let p = values["p"] else {
            throw .malformed
        }
        guard (1...24).contains(ln), (1...32).contains(r), (1...16).contains(p) else {
            throw .unsupportedParameters(String(fields[2]))
        }
        guard let salt = PHCBase64.decode(String(fields[3])), salt.count >= 8,
            let hash = PHCBase64.decode(String(fields[4])), hash.count >= 16
        else { throw .malformed }
        self.init(parameters: ScryptParameters(ln: ln, r: r, p: p), salt: salt, hash: hash)
    }

    /// Builds a hash value from its parts.
    public init(parameters: ScryptParameters, salt: [UInt8], hash: [UInt8]) {
        self.parameters = parameters
        self.salt = salt
        self.hash = hash
    }

    /// The PHC string form stored in the account table.
    public var phcString: String {
        "$scrypt$\(parameters)$\(PHCBase64.encode(salt))$\(PHCBase64.encode(hash))"
    }
}

/// Hashes and verifies passwords with scrypt, so a stolen store does not give away passwords.
public struct PasswordHasher: Sendable {
    /// The cost new hashes get.
    public let parameters: ScryptParameters
    private let random: any RandomSource

    /// Salt length in bytes.
    public static let saltLength = 16
    /// Derived key length in bytes.
    public static let keyLength = 32

    /// A hasher that makes hashes at `parameters`, salting from `random`.
    public init(parameters: ScryptParameters, random: any RandomSource) {
        self.parameters = parameters
        self.random = random
    }

    /// Raw scrypt (RFC 7914).
    public static func scrypt(
        password: [UInt8], salt: [UInt8], parameters: ScryptParameters, length: Int
    ) throws -> [UInt8] {
        let key = try KDF.Scrypt.deriveKey(
            from: password, salt: salt, outputByteCount: length,
            rounds: 1 << parameters.ln, blockSize: parameters.r, parallelism: parameters.p)
        return key.withUnsafeBytes { Array($0) }
    }

    /// Hashes a password with a fresh salt and returns the PHC string.
    public func hash(_ password: String) throws -> String {
        let salt = random.bytes(Self.saltLength)
        let derived = try Self.scrypt(
            password: Array(password.utf8), salt: salt, parameters: parameters, length: Self.keyLength)
        return PHCScryptHash(parameters: parameters, salt: salt, hash: derived).phcString
    }

    /// Checks a password against a stored PHC string in constant time.
    public func verify(_ password: String, against stored: String) throws -> Bool {
        let parsed = try PHCScryptHash(parsing: stored)
        let derived = try Self.scrypt(
            password: Array(password.utf8), salt: parsed.salt, parameters: parsed.parameters, length: parsed.hash.count)
        return Self.constantTimeEqual(derived, parsed.hash)
    }

    /// True when the stored hash was made with parameters other than this hasher's (a lower cost, or the old
    /// memory-hungry set): it is redone with the current set at the next successful sign-in.
    public func needsRehash(_ stored: String) -> Bool {
        guard let parsed = try? PHCScryptHash(parsing: stored) else { return true }
        return parsed.parameters != parameters
    }

    /// Compares two byte strings in time that depends only on their lengths.
    public static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for index in lhs.indices { difference |= lhs[index] ^ rhs[index] }
        return difference == 0
    }
}

/// The PHC flavour of Base64: standard alphabet, no padding.
enum PHCBase64 {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, !text.contains("=") else { return nil }
        let padded = text + String(repeating: "=", count: (4 - text.count % 4) % 4)
        return Data(base64Encoded: padded).map { Array($0) }
    }
}
