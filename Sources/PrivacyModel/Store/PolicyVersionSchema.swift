import GRDB

/// The published policy versions' tables (part of migration v8).
extension StoreSchema {
    /// Policy versions published after the built-in one (which stays the first version), each with its
    /// effective day, and which version each account acknowledged and when.
    static func createPolicyVersionTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE policy_version (
                  id INTEGER PRIMARY KEY,
                  version TEXT NOT NULL UNIQUE,
                  effectiveDate TEXT NOT NULL,
                  publishedAt INTEGER NOT NULL,
                  publishedBy INTEGER REFERENCES staff(id),
                  material INTEGER NOT NULL,
                  summary TEXT NOT NULL DEFAULT '{}',
                  policy TEXT NOT NULL,
                  texts TEXT NOT NULL DEFAULT '{}'
                );
                CREATE INDEX policy_version_by_day ON policy_version(effectiveDate, id);
                CREATE TABLE policy_acknowledgement (
                  accountId INTEGER NOT NULL REFERENCES account(id),
                  version TEXT NOT NULL,
                  at INTEGER NOT NULL,
                  PRIMARY KEY (accountId, version)
                );
                """)
        // Acknowledgements made before this table existed become its first rows: those in the audit log (detail
        // "VERSION (previously …)"), then the version each account names (accepted at sign-up), dated from the
        // account's opening.
        try db.execute(
            sql: """
                INSERT OR IGNORE INTO policy_acknowledgement (accountId, version, at)
                  SELECT accountId,
                         CASE WHEN instr(detail, ' (') > 0 THEN substr(detail, 1, instr(detail, ' (') - 1)
                              ELSE detail END,
                         at
                  FROM audit_log
                  WHERE action = 'policy-acknowledged' AND accountId IS NOT NULL AND detail IS NOT NULL
                    AND accountId IN (SELECT id FROM account)
                  ORDER BY at, id;
                INSERT OR IGNORE INTO policy_acknowledgement (accountId, version, at)
                  SELECT id, acknowledgedPolicyVersion, createdAt FROM account
                  WHERE acknowledgedPolicyVersion IS NOT NULL;
                """)
    }
}
