import Foundation
import GRDB
import TestSupport

@testable import PrivacyModel

/// Staff accounts for CLI tests, made through the model as the box's administrator and an owner would (bootstrap,
/// create, enrol with a TOTP code computed here), and kept sign-ins written where the binary looks for them.
enum TestStaff {
    /// The password every test staff account ends with.
    static let password = "staff password 2026"

    /// Makes (once per store) an enrolled, active staff account with `role`, named after it ("test-agent", ...),
    /// bootstrapping the owner "test-owner" first when the store has no staff.
    @discardableResult
    static func ensure(_ role: StaffRole, store: String) throws -> StaffIdentity {
        let context = try PrivacyContext.open(
            path: store, settings: ModelSettings(scrypt: TestDefaults.cheapScrypt))
        let username = "test-\(role.rawValue)"
        if let existing = try context.store.read({ db in
            try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE username = ? AND status = 'active'", arguments: [username])
        }) {
            return StaffAccount(row: existing).identity
        }
        let staff = StaffService(context: context)
        if try context.store.read({ db in try Int.fetchOne(db, sql: "SELECT count(*) FROM staff") }) == 0 {
            _ = try staff.bootstrap(username: "test-owner", displayName: "Test Owner", password: password)
        }
        let owner = try enrol(context, "test-owner", password: password, newPassword: nil)
        if role == .owner { return owner }
        _ = try staff.create(
            username: username, displayName: "Test \(role.rawValue)", role: role, initialPassword: "first \(password)",
            by: owner)
        return try enrol(context, username, password: "first \(password)", newPassword: password)
    }

    /// The code the account's authenticator app shows now.
    static func code(_ username: String, store: String, offset: Int64 = 0) throws -> String {
        let queue = try DatabaseQueue(path: store)
        let secret = try queue.read { db in
            try Data.fetchOne(db, sql: "SELECT totpSecret FROM staff WHERE username = ?", arguments: [username])
        }
        return TOTP.code(secret: secret.map(Array.init) ?? [], step: TOTP.step(at: Date()) + offset)
    }

    /// Keeps a sign-in for `identity` and writes its token under `runtimeFolder` (as `staff sign-in` would).
    static func keepSignIn(_ identity: StaffIdentity, store: String, runtimeFolder: String) throws {
        let context = try PrivacyContext.open(path: store)
        let token = try StaffSessionService(context: context).keep(identity)
        let folder = (runtimeFolder as NSString).appendingPathComponent("privacy-dashboard")
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let path = (folder as NSString).appendingPathComponent("staff-sign-in")
        try? FileManager.default.removeItem(atPath: path)
        guard FileManager.default.createFile(atPath: path, contents: Data((token + "\n").utf8), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Enrols an account that has not enrolled yet (or signs in one that has) and returns its identity.
    private static func enrol(_ context: PrivacyContext, _ username: String, password: String, newPassword: String?)
        throws -> StaffIdentity
    {
        let signIn = StaffSignInService(context: context)
        let step = try signIn.checkPassword(username: username, password: password)
        guard step.status == .enrolling else {
            return try context.store.read { db in
                try StaffAccount(row: Row.fetchOne(db, sql: "SELECT * FROM staff WHERE username = ?", arguments: [username]).orThrow(StaffError.notFound(username))).identity
            }
        }
        let enrolments = StaffEnrolmentService(context: context)
        let enrolment = try enrolments.begin(step, newPassword: newPassword)
        return try enrolments.finish(enrolment, code: try code(username, store: context.store.path)).identity
    }
}
