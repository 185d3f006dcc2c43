import Foundation
import GRDB
import TestSupport

@testable import PrivacyModel

/// Staff accounts made the way the product makes them: bootstrap or an owner, then enrolment with a real code.
extension TestEnvironment {
    /// Every staff account's password in these tests.
    static let staffPassword = "staff password 2026"

    /// The stored secret of a staff account (the authenticator app's copy).
    func staffSecret(_ staffId: Int64) throws -> [UInt8] {
        try context.store.read { db in
            let data = try Data.fetchOne(db, sql: "SELECT totpSecret FROM staff WHERE id = ?", arguments: [staffId])
            return data.map(Array.init) ?? []
        }
    }

    /// The code the authenticator shows now (`offset` steps later).
    func currentCode(_ staffId: Int64, offset: Int64 = 0) throws -> String {
        TOTP.code(secret: try staffSecret(staffId), step: TOTP.step(at: clock.now()) + offset)
    }

    /// Enrols an account whose password step passes, moving the clock one step on so sign-ins after it have a
    /// fresh code; returns the identity and the recovery codes.
    @discardableResult
    func enrol(_ username: String, password: String = staffPassword, newPassword: String? = nil) throws
        -> StaffEnrolmentResult
    {
        let step = try StaffSignInService(context: context).checkPassword(username: username, password: password)
        let service = StaffEnrolmentService(context: context)
        let enrolment = try service.begin(step, newPassword: newPassword)
        let result = try service.finish(enrolment, code: try currentCode(step.staffId))
        clock.advance(by: TimeInterval(TOTP.period))
        return result
    }

    /// A bootstrapped, enrolled owner.
    func owner(_ username: String = "olga") throws -> StaffIdentity {
        _ = try StaffService(context: context).bootstrap(
            username: username, displayName: "Olga Owner", password: Self.staffPassword)
        return try enrol(username).identity
    }

    /// An account made by `owner` and enrolled (its first password replaced at enrolment).
    func staff(_ username: String, role: StaffRole, by owner: StaffIdentity) throws -> StaffIdentity {
        _ = try StaffService(context: context).create(
            username: username, displayName: username.capitalized, role: role, initialPassword: "initial password 1",
            by: owner)
        return try enrol(username, password: "initial password 1", newPassword: Self.staffPassword).identity
    }
}
