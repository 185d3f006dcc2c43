import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("sign-in and lockout")
struct SignInTests {
    let password = "correct horse battery"

    @Test("a right password signs in and is recorded as usage and in the audit log")
    func success() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let outcome = try SignInService(context: env.context).signIn("ADA@example.com", password: password)
        guard case .success(let signedIn, _) = outcome else {
            Issue.record("expected success, got \(outcome)")
            return
        }
        #expect(signedIn.lastSignInAt == TestDefaults.start.epochSeconds)
        let (usage, audit) = try env.context.store.read { db in
            (
                try String.fetchAll(
                    db, sql: "SELECT kind FROM usage_event WHERE accountId = ?", arguments: [account.id]),
                try AuditLog.entries(db, accountId: account.id).map(\.action)
            )
        }
        #expect(usage == ["sign-in"])
        #expect(audit.contains("sign-in"))
        #expect(!audit.joined().contains(password))
    }

    @Test("wrong email and wrong password give the same answer")
    func noEnumeration() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        let service = SignInService(context: env.context)
        #expect(try service.signIn("nobody@example.com", password: password) == .invalidCredentials)
        #expect(try service.signIn("ada@example.com", password: "wrong password!") == .invalidCredentials)
    }

    @Test("five failures in 15 minutes lock the account across two sessions, even for the right password")
    func lockoutAcrossSessions() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let first = SignInService(context: env.context)
        let second = SignInService(context: try env.secondSession())
        for attempt in 0..<4 {
            let service = attempt.isMultiple(of: 2) ? first : second
            #expect(try service.signIn("ada", password: "wrong \(attempt) password") == .invalidCredentials)
            env.clock.advance(by: 60)
        }
        let lockedAt = env.clock.now()
        #expect(try second.signIn("ada", password: "wrong again!!") == .locked(until: lockedAt.addingTimeInterval(900)))
        #expect(try first.signIn("ada", password: password) == .locked(until: lockedAt.addingTimeInterval(900)))
        // A restart is a new context on the same file: the lock is still there.
        let restarted = SignInService(context: try env.secondSession())
        #expect(try restarted.lockedUntil(accountId: account.id) == lockedAt.addingTimeInterval(900))
        env.clock.advance(by: 899)
        #expect(try restarted.signIn("ada", password: password) == .locked(until: lockedAt.addingTimeInterval(900)))
        env.clock.advance(by: 1)
        guard case .success = try restarted.signIn("ada", password: password) else {
            Issue.record("the lock should end after 15 minutes")
            return
        }
    }

    @Test("failures spread over more than 15 minutes do not lock")
    func slowFailuresDoNotLock() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        let service = SignInService(context: env.context)
        for _ in 0..<6 {
            #expect(try service.signIn("ada", password: "wrong password!!") == .invalidCredentials)
            env.clock.advance(by: 4 * 60)
        }
    }

    @Test("a success clears earlier failures")
    func successResets() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        let service = SignInService(context: env.context)
        for _ in 0..<4 { _ = try service.signIn("ada", password: "wrong password!!") }
        env.clock.advance(by: 1)
        guard case .success = try service.signIn("ada", password: password) else {
            Issue.record("expected success")
            return
        }
        env.clock.advance(by: 1)
        #expect(try service.signIn("ada", password: "wrong password!!") == .invalidCredentials)
    }

    @Test("a weaker hash is upgraded at the next successful sign-in")
    func hashUpgrade() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let stronger = ScryptParameters(ln: 6, r: 8, p: 1)
        let upgraded = try PrivacyContext.open(
            path: env.storePath,
            settings: ModelSettings(clock: env.clock, random: SeededRandomSource(seed: 9), scrypt: stronger))
        guard case .success(let after, _) = try SignInService(context: upgraded).signIn("ada", password: password)
        else {
            Issue.record("expected success")
            return
        }
        #expect(account.passwordHash.hasPrefix("$scrypt$ln=4,"))
        #expect(after.passwordHash.hasPrefix("$scrypt$ln=6,r=8,p=1$"))
        #expect(
            try PasswordHasher(parameters: stronger, random: SystemRandomSource()).verify(
                password, against: after.passwordHash))
        // A wrong password never rewrites the hash.
        _ = try SignInService(context: env.context).signIn("ada", password: "wrong password!!")
        #expect(try AccountService(context: env.context).require("ada").passwordHash == after.passwordHash)
    }

    @Test("an account awaiting deletion is refused with its purge date, only after the right password")
    func deletionPending() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let purge = TestDefaults.start.addingTimeInterval(30 * 86_400)
        try env.context.store.write { db in
            try db.execute(
                sql:
                    "UPDATE account SET status = 'deletion-pending', deletionRequestedAt = ?, purgeDueAt = ? WHERE id = ?",
                arguments: [TestDefaults.start.epochSeconds, purge.epochSeconds, account.id])
        }
        let service = SignInService(context: env.context)
        #expect(try service.signIn("ada", password: password) == .deletionPending(purgeOn: purge))
        #expect(try service.signIn("ada", password: "wrong password!!") == .invalidCredentials)
    }
}
