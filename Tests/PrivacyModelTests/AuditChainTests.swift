import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("audit chain")
struct AuditChainTests {
    @Test("every entry carries the hash of the one before, and the chain verifies")
    func chainVerifies() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.context.store.write { db in
            try AuditLog.append(db, at: TestDefaults.start, accountId: account.id, actor: "system", action: "a")
            try AuditLog.append(db, at: TestDefaults.start, accountId: nil, actor: "system", action: "b", detail: "x")
        }
        try env.context.store.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT prevHash, hash FROM audit_log ORDER BY id")
            #expect(rows.count >= 3)
            #expect(rows.first?["prevHash"] == AuditChain.genesis)
            for (before, after) in zip(rows, rows.dropFirst()) {
                #expect((after["prevHash"] as String) == (before["hash"] as String))
            }
            #expect(try AuditChain.verify(db) == nil)
        }
    }

    @Test("editing, deleting or reordering an entry breaks the chain at that entry")
    func tamperingBreaks() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        try env.context.store.write { db in
            for action in ["a", "b", "c"] {
                try AuditLog.append(db, at: TestDefaults.start, accountId: account.id, actor: "system", action: action)
            }
        }
        let target = try env.context.store.read { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM audit_log WHERE action = 'b'")
        }
        try env.context.store.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET detail = 'edited' WHERE action = 'b'")
        }
        try env.context.store.read { db in
            let expected = try #require(target)
            #expect(try AuditChain.verify(db) == AuditChain.Break(entryId: expected))
        }
    }

    @Test("a staff member's entry names the staff account, role and reason, and is covered by the hash")
    func staffFields() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let staff = StaffIdentity(id: 7, username: "ana", displayName: "Ana", pseudonym: "S-ANA", role: .agent)
        try env.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO staff (id, username, displayName, pseudonym, role, passwordHash, createdAt)
                    VALUES (7, 'ana', 'Ana', 'S-ANA', 'agent', 'x', 0)
                    """)
            try AuditLog.append(
                db, at: TestDefaults.start, accountId: account.id, actor: "support", action: "data-read",
                staff: StaffAccess(staff: staff, reason: .ticket("T-1")))
        }
        try env.context.store.read { db in
            let entry = try #require(try AuditLog.entries(db, accountId: account.id, limit: 1).first)
            #expect(entry.actor == "staff" && entry.staffId == 7 && entry.staffRole == "agent")
            #expect(entry.reason == "ticket:T-1")
            #expect(try AuditChain.verify(db) == nil)
        }
    }

    @Test("roles: owners only manage staff, auditors never read personal data, approvers approve erasures")
    func roleTable() {
        #expect(StaffPermissions.allows(.owner, .manageStaff))
        #expect(!StaffPermissions.allows(.owner, .readSubscriberData))
        #expect(!StaffPermissions.allows(.auditor, .readSubscriberData))
        #expect(StaffPermissions.allows(.auditor, .readAuditLog))
        #expect(StaffPermissions.allows(.approver, .approveErasure))
        #expect(!StaffPermissions.allows(.agent, .approveErasure))
        for action in StaffAction.allCases where StaffPermissions.allows(.agent, action) {
            #expect(StaffPermissions.allows(.approver, action))
        }
    }
}
