import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("sign-in tells nothing about who has an account, and tells the owner of failed attempts")
struct SignInDisclosureTests {
    let password = "correct horse battery"

    @Test("a made-up name locks exactly as a real one, across sessions and restarts, and its name is not stored")
    func madeUpNameLocks() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        let first = SignInService(context: env.context)
        let second = SignInService(context: try env.secondSession())
        var real: [SignInOutcome] = []
        var madeUp: [SignInOutcome] = []
        for attempt in 0..<6 {
            let service = attempt.isMultiple(of: 2) ? first : second
            real.append(try service.signIn("ada", password: "wrong \(attempt) password"))
            madeUp.append(try service.signIn("ghost.user", password: "wrong \(attempt) password"))
            env.clock.advance(by: 60)
        }
        let lockedAt = TestDefaults.start.addingTimeInterval(4 * 60)
        #expect(madeUp == real)
        #expect(madeUp[3] == .invalidCredentials)
        #expect(madeUp[4] == .locked(until: lockedAt.addingTimeInterval(900)))
        // A restart is a new context on the same file: the made-up name is still locked.
        let restarted = SignInService(context: try env.secondSession())
        #expect(
            try restarted.signIn("GHOST.user", password: password) == .locked(until: lockedAt.addingTimeInterval(900)))
        env.clock.set(lockedAt.addingTimeInterval(900))
        #expect(try restarted.signIn("ghost.user", password: password) == .invalidCredentials)
        let stored = try env.context.store.read { db in
            try String.fetchAll(db, sql: "SELECT identifierHash FROM unknown_sign_in_failure")
        }
        #expect(!stored.isEmpty)
        #expect(stored.allSatisfy { !$0.contains("ghost") && $0.count == 64 })
    }

    @Test("the next sign-in tells how many attempts failed and when the latest was, then starts counting again")
    func failuresToldOnce() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        let service = SignInService(context: env.context)
        for _ in 0..<3 {
            #expect(try service.signIn("ada", password: "wrong password!!") == .invalidCredentials)
            env.clock.advance(by: 120)
        }
        let latest = TestDefaults.start.addingTimeInterval(240)
        guard case .success(_, let failures) = try service.signIn("ADA@example.com", password: password) else {
            Issue.record("expected success")
            return
        }
        #expect(failures == FailedSignIns(count: 3, latest: latest))
        env.clock.advance(by: 60)
        guard case .success(_, let none) = try service.signIn("ada", password: password) else {
            Issue.record("expected success")
            return
        }
        #expect(none == nil)
    }

    @Test("after a lockout ends, the sign-in that follows reports every failed attempt")
    func failuresAfterLockout() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        let service = SignInService(context: env.context)
        for _ in 0..<5 {
            _ = try service.signIn("ada", password: "wrong password!!")
            env.clock.advance(by: 10)
        }
        let latest = TestDefaults.start.addingTimeInterval(40)
        #expect(try service.signIn("ada", password: password) == .locked(until: latest.addingTimeInterval(900)))
        env.clock.set(latest.addingTimeInterval(900))
        guard case .success(_, let failures) = try service.signIn("ada", password: password) else {
            Issue.record("expected success once the lock ended")
            return
        }
        #expect(failures == FailedSignIns(count: 5, latest: latest))
    }
}
