import Foundation
import Testing

@testable import PrivacyModel

@Suite("scrypt password hashes")
struct PasswordHasherTests {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    @Test("scrypt matches the RFC 7914 test vector (password, NaCl, N=1024, r=8, p=16)")
    func rfc7914Vector() throws {
        let derived = try PasswordHasher.scrypt(
            password: Array("password".utf8), salt: Array("NaCl".utf8),
            parameters: ScryptParameters(ln: 10, r: 8, p: 16),
            length: 64)
        #expect(
            hex(derived)
                == "fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640"
        )
    }

    @Test("a hash is a PHC string whose parameters read back")
    func phcRoundTrip() throws {
        let hasher = PasswordHasher(
            parameters: ScryptParameters(ln: 5, r: 8, p: 1), random: SeededRandomSource(seed: 1))
        let stored = try hasher.hash("correct horse battery")
        #expect(stored.hasPrefix("$scrypt$ln=5,r=8,p=1$"))
        let parsed = try PHCScryptHash(parsing: stored)
        #expect(parsed.parameters == ScryptParameters(ln: 5, r: 8, p: 1))
        #expect(parsed.salt.count == PasswordHasher.saltLength)
        #expect(parsed.hash.count == PasswordHasher.keyLength)
        #expect(parsed.phcString == stored)
        #expect(try hasher.verify("correct horse battery", against: stored))
        #expect(try !hasher.verify("correct horse batterY", against: stored))
    }

    @Test("verification uses the parameters stored in the hash, not the current ones")
    func verifiesWithStoredParameters() throws {
        let old = PasswordHasher(parameters: ScryptParameters(ln: 4, r: 8, p: 1), random: SeededRandomSource(seed: 2))
        let stored = try old.hash("an older password")
        let current = PasswordHasher(
            parameters: ScryptParameters(ln: 6, r: 8, p: 1), random: SeededRandomSource(seed: 3))
        #expect(try current.verify("an older password", against: stored))
        #expect(current.needsRehash(stored))
        #expect(!old.needsRehash(stored))
    }

    @Test(
        "malformed PHC strings are refused",
        arguments: [
            "", "plain", "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$scrypt$ln=17,r=8$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
            "$scrypt$ln=17,r=8,p=1$!!!$aGFzaGhhc2hoYXNoaGFzaA",
            "$scrypt$ln=17,r=8,p=1,ln=3$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
        ])
    func malformed(_ text: String) {
        #expect(throws: PasswordHashError.self) { try PHCScryptHash(parsing: text) }
    }

    @Test("absurd cost parameters are refused rather than run")
    func absurdCost() {
        #expect(throws: PasswordHashError.unsupportedParameters("ln=40,r=8,p=1")) {
            try PHCScryptHash(parsing: "$scrypt$ln=40,r=8,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA")
        }
    }

    @Test("the product's default cost is ln=14, r=8, p=5")
    func productDefault() {
        #expect(ScryptParameters.standard == ScryptParameters(ln: 14, r: 8, p: 5))
        #expect(ModelSettings().scrypt == .standard)
    }

    @Test("constant-time comparison")
    func constantTimeCompare() {
        #expect(PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!PasswordHasher.constantTimeEqual([1, 2, 3], [1, 2]))
    }
}
