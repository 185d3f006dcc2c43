import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

extension TestEnvironment {
    /// Signs an enrolled account in with its password and the code of the next step (fresh after enrolment).
    func signIn(_ username: String, password: String = staffPassword) throws -> StaffIdentity {
        let service = StaffSignInService(context: context)
        let step = try service.checkPassword(username: username, password: password)
        clock.advance(by: TimeInterval(TOTP.period))
        return try service.completeSignIn(step, code: try currentCode(step.staffId))
    }
}

@Suite("staff sign-in, enrolment, recovery codes and lockout")
struct StaffSignInTests {
    @Test("enrolment gives an otpauth URI, a grouped secret, activates only on a right code, and makes 10 codes")
    func enrolment() throws {
        let env = try TestEnvironment()
        let owner = try env.owner()
        _ = try StaffService(context: env.context).create(
            username: "ana", displayName: "Ana", role: .agent, initialPassword: "initial password 1", by: owner)
        let signIn = StaffSignInService(context: env.context)
        let step = try signIn.checkPassword(username: "ana", password: "initial password 1")
        #expect(step.status == .enrolling)
        #expect(step.mustChangePassword)
        #expect(throws: StaffError.notEnrolled) { try signIn.completeSignIn(step, code: "123456") }
        let service = StaffEnrolmentService(context: env.context)
        #expect(throws: StaffError.newPasswordRequired) { try service.begin(step, newPassword: nil) }
        #expect(throws: PasswordChangeError.sameAsCurrent) {
            try service.begin(step, newPassword: "initial password 1")
        }
        let enrolment = try service.begin(step, newPassword: TestEnvironment.staffPassword)
        #expect(enrolment.secret.count == 32)
        #expect(enrolment.groupedSecret.split(separator: " ").map(\.count) == Array(repeating: 4, count: 8))
        #expect(
            enrolment.uri
                == "otpauth://totp/Smarters%20Pro%20IPTV:ana?secret=\(enrolment.secret)&issuer=Smarters%20Pro%20IPTV"
                + "&algorithm=SHA1&digits=6&period=30")
        let right = try env.currentCode(step.staffId)
        let wrong = String(right.reversed()) == right ? "000000" : String(right.reversed())
        #expect(throws: StaffError.invalidCredentials) { try service.finish(enrolment, code: wrong) }
        #expect(try StaffService(context: env.context).list(by: owner).last?.status == .enrolling)
        let result = try service.finish(enrolment, code: right)
        #expect(result.identity.username == "ana")
        #expect(result.recoveryCodes.count == 10)
        #expect(Set(result.recoveryCodes).count == 10)
        let stored = try env.context.store.read { db in
            try String.fetchAll(
                db, sql: "SELECT codeHash FROM staff_recovery_code WHERE staffId = ?", arguments: [step.staffId])
        }
        #expect(stored.count == 10)
        #expect(stored.allSatisfy { hash in !result.recoveryCodes.contains { hash.contains($0) } })
        #expect(throws: StaffError.alreadyEnrolled) {
            try service.begin(
                try signIn.checkPassword(username: "ana", password: TestEnvironment.staffPassword), newPassword: nil)
        }
    }

    @Test("password then code signs in; the same code is refused again as a replay")
    func replayRefused() throws {
        let env = try TestEnvironment()
        _ = try env.owner()
        let signIn = StaffSignInService(context: env.context)
        let step = try signIn.checkPassword(username: "olga", password: TestEnvironment.staffPassword)
        let code = try env.currentCode(step.staffId)
        let identity = try signIn.completeSignIn(step, code: code)
        #expect(identity.role == .owner)
        let again = try signIn.checkPassword(username: "olga", password: TestEnvironment.staffPassword)
        #expect(throws: StaffError.codeReused) { try signIn.completeSignIn(again, code: code) }
        let actions = try env.context.store.read { db in
            try String.fetchAll(
                db, sql: "SELECT action FROM audit_log WHERE staffId = ? ORDER BY id", arguments: [identity.id])
        }
        #expect(actions.suffix(2) == ["staff-sign-in", "staff-sign-in-failed"])
    }

    @Test("a recovery code signs in once, and is used up")
    func recoveryCodeOnce() throws {
        let env = try TestEnvironment()
        _ = try StaffService(context: env.context).bootstrap(
            username: "olga", displayName: "Olga", password: TestEnvironment.staffPassword)
        let codes = try env.enrol("olga").recoveryCodes
        let signIn = StaffSignInService(context: env.context)
        let typed = codes[3].lowercased().replacingOccurrences(of: "-", with: " ")
        let first = try signIn.checkPassword(username: "olga", password: TestEnvironment.staffPassword)
        #expect(try signIn.completeSignIn(first, code: typed).username == "olga")
        let second = try signIn.checkPassword(username: "olga", password: TestEnvironment.staffPassword)
        #expect(throws: StaffError.invalidCredentials) { try signIn.completeSignIn(second, code: codes[3]) }
        #expect(try signIn.completeSignIn(second, code: codes[4]).username == "olga")
        let detail = try env.context.store.read { db in
            try String.fetchAll(
                db, sql: "SELECT detail FROM audit_log WHERE action = 'staff-recovery-code-used' ORDER BY id")
        }
        #expect(detail == ["9 left", "8 left"])
    }

    @Test("wrong passwords and wrong codes together lock the account, across sessions, by the subscribers' rule")
    func lockout() throws {
        let env = try TestEnvironment()
        _ = try env.owner()
        let rule = env.context.catalogue.lockout
        let other = StaffSignInService(context: try env.secondSession())
        let signIn = StaffSignInService(context: env.context)
        for attempt in 0..<(rule.maxFailures - 1) {
            if attempt.isMultiple(of: 2) {
                #expect(throws: StaffError.invalidCredentials) {
                    try signIn.checkPassword(username: "olga", password: "wrong password \(attempt)")
                }
            } else {
                let step = try other.checkPassword(username: "olga", password: TestEnvironment.staffPassword)
                #expect(throws: StaffError.invalidCredentials) { try other.completeSignIn(step, code: "000000") }
            }
        }
        let step = try signIn.checkPassword(username: "olga", password: TestEnvironment.staffPassword)
        let until = env.clock.now().addingTimeInterval(TimeInterval(rule.windowMinutes * 60))
        #expect(throws: StaffError.locked(until: until)) { try signIn.completeSignIn(step, code: "not a code") }
        #expect(throws: StaffError.locked(until: until)) {
            try other.checkPassword(username: "olga", password: TestEnvironment.staffPassword)
        }
        env.clock.advance(by: TimeInterval(rule.windowMinutes * 60))
        #expect(try env.signIn("olga").username == "olga")
    }

    @Test("an unknown username gets the wrong password's answer and locks the same way")
    func unknownUsername() throws {
        let env = try TestEnvironment()
        _ = try env.owner()
        let signIn = StaffSignInService(context: env.context)
        let rule = env.context.catalogue.lockout
        for _ in 0..<(rule.maxFailures - 1) {
            #expect(throws: StaffError.invalidCredentials) {
                try signIn.checkPassword(username: "nobody", password: "x")
            }
        }
        #expect(
            throws: StaffError.locked(until: env.clock.now().addingTimeInterval(TimeInterval(rule.windowMinutes * 60)))
        ) {
            try signIn.checkPassword(username: "nobody", password: "x")
        }
    }

    @Test("a disabled account is refused after a right password; a stale password step is refused")
    func disabledAndStale() throws {
        let env = try TestEnvironment()
        let owner = try env.owner()
        _ = try env.staff("ana", role: .agent, by: owner)
        let signIn = StaffSignInService(context: env.context)
        let step = try signIn.checkPassword(username: "ana", password: TestEnvironment.staffPassword)
        env.clock.advance(by: StaffSignInService.pendingLifetime + 1)
        #expect(throws: StaffError.sessionExpired) {
            try signIn.completeSignIn(step, code: try env.currentCode(step.staffId))
        }
        try StaffService(context: env.context).disable(username: "ana", by: owner)
        #expect(throws: StaffError.invalidCredentials) {
            try signIn.checkPassword(username: "ana", password: "wrong password")
        }
        #expect(throws: StaffError.disabled) {
            try signIn.checkPassword(username: "ana", password: TestEnvironment.staffPassword)
        }
    }

    @Test("a kept sign-in resumes with the current role, lasts 15 minutes after its last use, and ends at sign-out")
    func keptSignIn() throws {
        let env = try TestEnvironment()
        let owner = try env.owner()
        let agent = try env.staff("ana", role: .agent, by: owner)
        let sessions = StaffSessionService(context: env.context)
        let token = try sessions.keep(agent)
        #expect(try sessions.resume(token: token) == agent)
        env.clock.advance(by: StaffSessionService.idleLifetime - 1)
        try StaffService(context: env.context).changeRole(username: "ana", to: .approver, by: owner)
        #expect(try sessions.resume(token: token).role == .approver)
        env.clock.advance(by: StaffSessionService.idleLifetime - 1)
        _ = try sessions.resume(token: token)
        env.clock.advance(by: StaffSessionService.idleLifetime)
        #expect(throws: StaffError.sessionExpired) { try sessions.resume(token: token) }
        let second = try sessions.keep(agent)
        try sessions.end(token: second)
        #expect(throws: StaffError.sessionExpired) { try sessions.resume(token: second) }
        let third = try sessions.keep(agent)
        try StaffService(context: env.context).disable(username: "ana", by: owner)
        #expect(throws: StaffError.sessionExpired) { try sessions.resume(token: third) }
        let stored = try env.context.store.read { db in
            try String.fetchAll(db, sql: "SELECT tokenHash FROM staff_session")
        }
        #expect(!stored.contains(third))
    }
}
