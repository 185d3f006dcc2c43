import GRDB

/// The breach register's tables (part of migration v8).
extension StoreSchema {
    /// A breach as recorded by an approver (codes, not prose), the accounts a listed audience names, and one
    /// notice per affected account once published.
    static func createBreachTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE breach (
                  id INTEGER PRIMARY KEY,
                  reference TEXT NOT NULL UNIQUE,
                  kind TEXT NOT NULL,
                  details TEXT NOT NULL DEFAULT '',
                  discoveredAt INTEGER NOT NULL,
                  recordedAt INTEGER NOT NULL,
                  recordedBy INTEGER REFERENCES staff(id),
                  categories TEXT NOT NULL,
                  audience TEXT NOT NULL CHECK (audience IN ('everyone', 'holders', 'list')),
                  audienceCategory TEXT,
                  consequences TEXT NOT NULL DEFAULT '',
                  measures TEXT NOT NULL DEFAULT '',
                  advice TEXT NOT NULL DEFAULT '',
                  contact TEXT NOT NULL,
                  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'closed')),
                  version INTEGER NOT NULL DEFAULT 0,
                  publishedAt INTEGER,
                  publishedBy INTEGER REFERENCES staff(id),
                  updatedAt INTEGER,
                  closedAt INTEGER
                );
                CREATE TABLE breach_listed_account (
                  breachId INTEGER NOT NULL REFERENCES breach(id),
                  accountId INTEGER NOT NULL REFERENCES account(id),
                  PRIMARY KEY (breachId, accountId)
                );
                CREATE TABLE breach_notice (
                  id INTEGER PRIMARY KEY,
                  breachId INTEGER NOT NULL REFERENCES breach(id),
                  accountId INTEGER NOT NULL REFERENCES account(id),
                  version INTEGER NOT NULL,
                  notifiedAt INTEGER NOT NULL,
                  involved TEXT NOT NULL DEFAULT '',
                  notInvolved TEXT NOT NULL DEFAULT '',
                  byEmail INTEGER NOT NULL DEFAULT 0,
                  acknowledgedVersion INTEGER NOT NULL DEFAULT 0,
                  acknowledgedAt INTEGER,
                  UNIQUE (breachId, accountId)
                );
                CREATE INDEX breach_notice_by_account ON breach_notice(accountId, breachId);
                """)
    }
}
