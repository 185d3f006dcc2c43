import Foundation
import GRDB
import TestSupport

@testable import PrivacyModel

/// Staff accounts for CLI tests: an active, enrolled account per role written straight into the store (the
/// test process must not open a second `PrivacyStore` beside one a test holds open), signed in through the
/// binary's own `staff sign-in` with a code computed here, so the kept sign-in is the real one.
enum TestStaff {
    /// The password every test staff account has.
    static let password = "staff password 2026"

    /// The enrolled, active account "test-ROLE" (made on first use in this store).
    @discardableResult
    static func ensure(_ role: StaffRole, store: String) throws -> StaffIdentity {
        let username = "test-\(role.rawValue)"
        let hash = try PasswordHasher(parameters: TestDefaults.cheapScrypt, random: SystemRandomSource()).hash(password)
        let queue = try DatabaseQueue(path: store)
        return try queue.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM staff WHERE username = ?", arguments: [username]) != true {
                try db.execute(
                    sql: """
                        INSERT INTO staff (username, displayName, pseudonym, role, status, passwordHash, totpSecret,
                                           createdAt)
                        VALUES (?, ?, ?, ?, 'active', ?, ?, ?)
                        """,
                    arguments: [
                        username, "Test \(role.rawValue)", "S-TEST\(role.rawValue.uppercased())", role.rawValue, hash,
                        Data(SystemRandomSource().bytes(20)), Date().epochSeconds,
                    ])
            }
            let row = try Row.fetchOne(db, sql: "SELECT * FROM staff WHERE username = ?", arguments: [username])
            return StaffAccount(row: try row.orThrow(StaffError.notFound(username))).identity
        }
    }

    /// The code the account's authenticator app shows now (plus `offset` steps).
    static func code(_ username: String, store: String, offset: Int64 = 0) throws -> String {
        let secret = try DatabaseQueue(path: store).read { db in
            try Data.fetchOne(db, sql: "SELECT totpSecret FROM staff WHERE username = ?", arguments: [username])
        }
        return TOTP.code(secret: secret.map(Array.init) ?? [], step: TOTP.step(at: Date()) + offset)
    }

    /// Signs `identity` in with `staff sign-in` (password and code on standard input), kept under `runtimeFolder`;
    /// the last accepted step is cleared first so several sign-ins within one 30-second step are not replays.
    static func keepSignIn(_ identity: StaffIdentity, store: String, runtimeFolder: String) throws {
        try DatabaseQueue(path: store).write { db in
            try db.execute(sql: "UPDATE staff SET totpLastStep = NULL WHERE id = ?", arguments: [identity.id])
        }
        let process = Process()
        process.executableURL = try ProgramRunner.binaryURL()
        process.arguments = ["staff", "sign-in", "--username", identity.username, "--store", store]
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_RUNTIME_DIR"] = runtimeFolder
        process.environment = environment
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let code = try code(identity.username, store: store)
        input.fileHandleForWriting.write(Data("\(password)\n\(code)\n".utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.userCancelled) }
    }
}
