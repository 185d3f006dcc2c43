import GRDB

/// The tables for the service's staff (accounts, recovery codes, kept sign-ins) and the audit log's chain and
/// staff columns: migration v7.
extension StoreSchema {
    /// Creates the staff tables and makes every audit entry name the staff member, role and reason and carry the
    /// hash of the entry before it; entries written before this migration are chained in id order.
    static func addStaff(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE staff (
                  id INTEGER PRIMARY KEY,
                  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                  displayName TEXT NOT NULL,
                  pseudonym TEXT NOT NULL UNIQUE,
                  role TEXT NOT NULL CHECK (role IN ('owner', 'approver', 'agent', 'auditor')),
                  status TEXT NOT NULL DEFAULT 'enrolling' CHECK (status IN ('enrolling', 'active', 'disabled')),
                  passwordHash TEXT NOT NULL,
                  mustChangePassword INTEGER NOT NULL DEFAULT 0,
                  totpSecret BLOB,
                  totpLastStep INTEGER,
                  createdAt INTEGER NOT NULL,
                  createdBy INTEGER REFERENCES staff(id),
                  lastSignInAt INTEGER,
                  disabledAt INTEGER
                );
                CREATE TABLE staff_recovery_code (
                  id INTEGER PRIMARY KEY,
                  staffId INTEGER NOT NULL REFERENCES staff(id),
                  codeHash TEXT NOT NULL,
                  usedAt INTEGER
                );
                CREATE INDEX staff_recovery_code_by_staff ON staff_recovery_code(staffId);
                CREATE TABLE staff_sign_in_failure (
                  id INTEGER PRIMARY KEY,
                  staffId INTEGER NOT NULL REFERENCES staff(id),
                  at INTEGER NOT NULL
                );
                CREATE INDEX staff_sign_in_failure_by_staff ON staff_sign_in_failure(staffId, at);
                CREATE TABLE staff_session (
                  id INTEGER PRIMARY KEY,
                  staffId INTEGER NOT NULL REFERENCES staff(id),
                  tokenHash TEXT NOT NULL UNIQUE,
                  createdAt INTEGER NOT NULL,
                  expiresAt INTEGER NOT NULL
                );
                ALTER TABLE account ADD COLUMN mustChangePassword INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE request_event ADD COLUMN staffId INTEGER REFERENCES staff(id);
                ALTER TABLE audit_log ADD COLUMN staffId INTEGER REFERENCES staff(id);
                ALTER TABLE audit_log ADD COLUMN staffRole TEXT;
                ALTER TABLE audit_log ADD COLUMN reason TEXT;
                ALTER TABLE audit_log ADD COLUMN prevHash TEXT NOT NULL DEFAULT '';
                ALTER TABLE audit_log ADD COLUMN hash TEXT NOT NULL DEFAULT '';
                CREATE INDEX audit_log_by_staff ON audit_log(staffId, at, id);
                """)
        try chainExistingAuditEntries(db)
    }

    /// Gives the entries written before the chain existed their hashes, oldest first, with the append-only
    /// trigger lifted for this one pass.
    private static func chainExistingAuditEntries(_ db: Database) throws {
        try db.execute(sql: "DROP TRIGGER audit_log_no_update")
        var previous = AuditChain.genesis
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM audit_log ORDER BY id")
        var updates: [(Int64, String, String)] = []
        while let row = try rows.next() {
            let entry = AuditChain.Link(row: row)
            let hash = AuditChain.hash(entry, after: previous)
            updates.append((row["id"], previous, hash))
            previous = hash
        }
        for (id, prevHash, hash) in updates {
            try db.execute(
                sql: "UPDATE audit_log SET prevHash = ?, hash = ? WHERE id = ?", arguments: [prevHash, hash, id])
        }
        try db.execute(
            sql: """
                CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
                """)
    }
}
