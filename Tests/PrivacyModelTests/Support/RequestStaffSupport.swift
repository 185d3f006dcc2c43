import Foundation
import GRDB
import TestSupport

@testable import PrivacyModel

extension TestEnvironment {
    /// Inserts an active staff row and returns the identity a sign-in would give (no reason yet).
    func staffMember(_ username: String, role: StaffRole) throws -> StaffAccess {
        let id = try context.store.write { db -> Int64 in
            try db.execute(
                sql: """
                    INSERT INTO staff (username, displayName, pseudonym, role, status, passwordHash, createdAt)
                    VALUES (?, ?, ?, ?, 'active', 'x', 0)
                    """,
                arguments: [username, username.capitalized, "S-\(username.uppercased())", role.rawValue])
            return db.lastInsertedRowID
        }
        let identity = StaffIdentity(
            id: id, username: username, displayName: username.capitalized, pseudonym: "S-\(username.uppercased())",
            role: role)
        return StaffAccess(staff: identity, reason: nil)
    }

    /// The audit entries of an account, oldest first.
    func auditEntries(_ account: Account) throws -> [AuditEntry] {
        try context.store.read { db in try AuditLog.entries(db, accountId: account.id) }.reversed()
    }
}
