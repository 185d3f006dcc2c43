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
    }
}
