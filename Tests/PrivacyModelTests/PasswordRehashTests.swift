import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// Hashes made with other scrypt parameters (the old 128 MiB set among them) are redone at the next successful
/// sign-in, in the sign-in's own transaction; a wrong password leaves them alone.
@Suite("password hashes redone with the current parameters")
struct PasswordRehashTests {
    let password = "correct horse battery"
    /// `correct horse battery` hashed with the previous product set (N = 2^17, r = 8, p = 1), salt 01…10.
    static let previousHash = "$scrypt$ln=17,r=8,p=1$AQIDBAUGBwgJCgsMDQ4PEA$TrU8iJu/jvIypd40mR3A3KQ9ND71NaayxXoMs0FB8pY"

    /// A context on the same store that hashes with the product's own parameters.
    private func productContext(_ env: TestEnvironment) throws -> PrivacyContext {
        try PrivacyContext.open(
            path: env.storePath,
            settings: ModelSettings(clock: env.clock, random: SeededRandomSource(seed: 11), scrypt: .standard))
    }

    private func storeHash(_ hash: String, accountId: Int64, _ env: TestEnvironment) throws {
        try env.context.store.write { db in
            try db.execute(sql: "UPDATE account SET passwordHash = ? WHERE id = ?", arguments: [hash, accountId])
        }
    }

    @Test("the product's set is N = 2^14, r = 8, p = 5 and holds about 16 MiB, an eighth of the previous set's")
    func productParameters() {
        #expect(ScryptParameters.standard == ScryptParameters(ln: 14, r: 8, p: 5))
        #expect(ModelSettings().scrypt == .standard)
        #expect(ScryptParameters.standard.memoryBytes < 17 * 1_048_576)
        #expect(ScryptParameters.previous.memoryBytes > 128 * 1_048_576)
    }

    @Test("any difference from the current parameters asks for a rehash, a higher cost too; the same set does not")
    func differentParametersNeedRehash() throws {
        let current = PasswordHasher(
            parameters: ScryptParameters(ln: 4, r: 8, p: 5), random: SeededRandomSource(seed: 1))
        let same = try current.hash("a password here")
        #expect(!current.needsRehash(same))
        for other in [
            ScryptParameters(ln: 5, r: 8, p: 1), ScryptParameters(ln: 4, r: 8, p: 1),
            ScryptParameters(ln: 4, r: 4, p: 5),
        ] {
            let stored = try PasswordHasher(parameters: other, random: SeededRandomSource(seed: 2)).hash(
                "a password here")
            #expect(current.needsRehash(stored), "\(other)")
        }
        #expect(current.needsRehash("not a hash"))
    }

    @Test("a stored 2^17 hash signs in and is rewritten to the current PHC string, recorded in the audit log")
    func previousHashIsRewritten() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try storeHash(Self.previousHash, accountId: account.id, env)
        let context = try productContext(env)
        guard case .success(let after, _) = try SignInService(context: context).signIn("ada", password: password)
        else {
            Issue.record("expected success")
            return
        }
        #expect(after.passwordHash.hasPrefix("$scrypt$ln=14,r=8,p=5$"))
        #expect(after.passwordHash != Self.previousHash)
        let rewritten = try PHCScryptHash(parsing: after.passwordHash)
        #expect(rewritten.parameters == .standard)
        #expect(
            try PasswordHasher(parameters: .standard, random: SystemRandomSource()).verify(
                password, against: after.passwordHash))
        let actions = try env.context.store.read { db in
            try AuditLog.entries(db, accountId: account.id).map(\.action)
        }
        #expect(actions.prefix(2) == ["sign-in", "password-hash-upgraded"])  // newest first
    }

    @Test("a wrong password against a 2^17 hash rewrites nothing")
    func wrongPasswordRewritesNothing() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try storeHash(Self.previousHash, accountId: account.id, env)
        let outcome = try SignInService(context: try productContext(env)).signIn(
            "ada", password: "correct horse batterY")
        #expect(outcome == .invalidCredentials)
        #expect(try AccountService(context: env.context).require("ada").passwordHash == Self.previousHash)
        let actions = try env.context.store.read { db in
            try AuditLog.entries(db, accountId: account.id).map(\.action)
        }
        #expect(!actions.contains("password-hash-upgraded"))
    }

    @Test("a staff hash with other parameters is redone at a right password, not at a wrong one")
    func staffHashIsRewritten() throws {
        let env = try TestEnvironment()
        let owner = try env.owner()
        let other = ScryptParameters(ln: 5, r: 8, p: 1)
        let old = try PasswordHasher(parameters: other, random: SeededRandomSource(seed: 5))
            .hash(TestEnvironment.staffPassword)
        func storedHash() throws -> String? {
            try env.context.store.read { db in
                try String.fetchOne(db, sql: "SELECT passwordHash FROM staff WHERE id = ?", arguments: [owner.id])
            }
        }
        try env.context.store.write { db in
            try db.execute(sql: "UPDATE staff SET passwordHash = ? WHERE id = ?", arguments: [old, owner.id])
        }
        let service = StaffSignInService(context: env.context)
        #expect(throws: StaffError.invalidCredentials) {
            try service.checkPassword(username: owner.username, password: "not the staff password")
        }
        #expect(try storedHash() == old)
        _ = try service.checkPassword(username: owner.username, password: TestEnvironment.staffPassword)
        let new = try #require(try storedHash())
        #expect(new != old)
        #expect(try PHCScryptHash(parsing: new).parameters == TestDefaults.cheapScrypt)
        #expect(
            try PasswordHasher(parameters: other, random: SystemRandomSource()).verify(
                TestEnvironment.staffPassword, against: new))
        let upgrades = try env.context.store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log WHERE action = 'staff-password-hash-upgraded'")
        }
        #expect(upgrades == 1)
    }
}
