import GRDB

/// The store's tables, created and upgraded by ordered migrations.
enum StoreSchema {
    /// Marks the file as a Privacy Dashboard store ("PDSH") in the SQLite header.
    static let applicationID: Int32 = 0x5044_5348
    /// The schema version this build writes; a store with a higher one is refused.
    static let currentVersion: Int32 = 10

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-initial") { db in
            try createAccountTables(db)
            try createCollectedDataTables(db)
            try createConsentTables(db)
            try createRequestTables(db)
            try createAuditTables(db)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: "PRAGMA user_version = 1")
        }
        migrator.registerMigration("v2-restrictions") { db in
            try createRestrictionTables(db)
            try db.execute(sql: "PRAGMA user_version = 2")
        }
        migrator.registerMigration("v3-objections") { db in
            try createObjectionTables(db)
            try db.execute(sql: "PRAGMA user_version = 3")
        }
        migrator.registerMigration("v4-language-setting") { db in
            try moveLanguageToAccount(db)
            try db.execute(sql: "PRAGMA user_version = 4")
        }
        migrator.registerMigration("v5-unknown-sign-in-failures") { db in
            try createUnknownSignInFailureTable(db)
            try db.execute(sql: "PRAGMA user_version = 5")
        }
        migrator.registerMigration("v6-export-downloads") { db in
            try createDownloadTables(db)
            try db.execute(sql: "PRAGMA user_version = 6")
        }
        migrator.registerMigration("v7-staff") { db in
            try addStaff(db)
            try db.execute(sql: "PRAGMA user_version = 7")
        }
        migrator.registerMigration("v8-notices") { db in
            try addNotices(db)
            try db.execute(sql: "PRAGMA user_version = 8")
        }
        migrator.registerMigration("v9-record-summaries") { db in
            try addRecordSummaries(db)
            try db.execute(sql: "PRAGMA user_version = 9")
        }
        migrator.registerMigration("v10-record-search") { db in
            try addRecordSearch(db)
            try db.execute(sql: "PRAGMA user_version = 10")
        }
        return migrator
    }

    /// The language is a setting of the account, not a contact detail: erasing the contact details keeps it.
    private static func moveLanguageToAccount(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE account ADD COLUMN language TEXT;
                UPDATE account SET language = (SELECT language FROM profile WHERE profile.accountId = account.id);
                ALTER TABLE profile DROP COLUMN language;
                """)
    }

    private static func createAccountTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE account (
                  id INTEGER PRIMARY KEY,
                  email TEXT NOT NULL,
                  emailKey TEXT NOT NULL UNIQUE,
                  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                  passwordHash TEXT NOT NULL,
                  birthdate TEXT NOT NULL,
                  status TEXT NOT NULL DEFAULT 'active'
                    CHECK (status IN ('active', 'deletion-pending', 'purged')),
                  createdAt INTEGER NOT NULL,
                  passwordChangedAt INTEGER NOT NULL,
                  lastSignInAt INTEGER,
                  deletionRequestedAt INTEGER,
                  purgeDueAt INTEGER,
                  purgedAt INTEGER,
                  acknowledgedPolicyVersion TEXT,
                  consentHeadHash TEXT
                );
                CREATE TABLE profile (
                  accountId INTEGER PRIMARY KEY REFERENCES account(id) ON DELETE CASCADE,
                  fullName TEXT NOT NULL,
                  contactEmail TEXT,
                  phone TEXT,
                  country TEXT,
                  language TEXT,
                  updatedAt INTEGER NOT NULL
                );
                CREATE TABLE sign_in_failure (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  at INTEGER NOT NULL
                );
                CREATE INDEX sign_in_failure_by_account ON sign_in_failure(accountId, at);
                """)
    }

    private static func createCollectedDataTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE payment_method (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  token TEXT NOT NULL,
                  brand TEXT NOT NULL,
                  last4 TEXT NOT NULL CHECK (length(last4) = 4 AND last4 NOT GLOB '*[^0-9]*'),
                  expiry TEXT NOT NULL CHECK (expiry GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
                  billingCountry TEXT,
                  addedAt INTEGER NOT NULL
                );
                CREATE INDEX payment_method_by_account ON payment_method(accountId, addedAt, id);
                CREATE TABLE payment_transaction (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  paymentMethodId INTEGER REFERENCES payment_method(id) ON DELETE SET NULL,
                  occurredAt INTEGER NOT NULL,
                  amountCents INTEGER NOT NULL,
                  currency TEXT NOT NULL,
                  description TEXT NOT NULL,
                  outcome TEXT NOT NULL CHECK (outcome IN ('paid', 'refunded', 'failed'))
                );
                CREATE INDEX payment_transaction_by_account ON payment_transaction(accountId, occurredAt, id);
                CREATE TABLE support_message (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  channel TEXT NOT NULL CHECK (channel IN ('whatsapp', 'email', 'live-chat')),
                  direction TEXT NOT NULL CHECK (direction IN ('from-subscriber', 'from-support')),
                  sentAt INTEGER NOT NULL,
                  body TEXT NOT NULL
                );
                CREATE INDEX support_message_by_account ON support_message(accountId, sentAt, id);
                CREATE TABLE viewing_event (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  channel TEXT NOT NULL,
                  title TEXT NOT NULL,
                  genre TEXT NOT NULL,
                  startedAt INTEGER NOT NULL,
                  durationSeconds INTEGER NOT NULL CHECK (durationSeconds >= 0)
                );
                CREATE INDEX viewing_event_by_account ON viewing_event(accountId, startedAt, id);
                CREATE TABLE device (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  deviceType TEXT NOT NULL,
                  operatingSystem TEXT NOT NULL,
                  client TEXT NOT NULL,
                  firstSeenAt INTEGER NOT NULL,
                  lastSeenAt INTEGER NOT NULL
                );
                CREATE INDEX device_by_account ON device(accountId, lastSeenAt, id);
                CREATE TABLE connection_record (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  recordedAt INTEGER NOT NULL,
                  ipAddress TEXT NOT NULL,
                  downloadMbps REAL NOT NULL,
                  streamQuality TEXT NOT NULL,
                  stabilityPercent INTEGER NOT NULL CHECK (stabilityPercent BETWEEN 0 AND 100)
                );
                CREATE INDEX connection_record_by_account ON connection_record(accountId, recordedAt, id);
                CREATE TABLE usage_event (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  occurredAt INTEGER NOT NULL,
                  kind TEXT NOT NULL CHECK (kind IN ('sign-in', 'sign-in-failed', 'sign-out', 'feature', 'navigation')),
                  detail TEXT NOT NULL
                );
                CREATE INDEX usage_event_by_account ON usage_event(accountId, occurredAt, id);
                CREATE TABLE technical_log (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  loggedAt INTEGER NOT NULL,
                  level TEXT NOT NULL CHECK (level IN ('error', 'warning', 'info', 'metric')),
                  component TEXT NOT NULL,
                  message TEXT NOT NULL,
                  securityHold INTEGER NOT NULL DEFAULT 0 CHECK (securityHold IN (0, 1))
                );
                CREATE INDEX technical_log_by_account ON technical_log(accountId, loggedAt, id);
                CREATE INDEX technical_log_unheld ON technical_log(accountId, securityHold, loggedAt);
                CREATE TABLE location_record (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  recordedAt INTEGER NOT NULL,
                  country TEXT NOT NULL,
                  region TEXT NOT NULL,
                  city TEXT NOT NULL,
                  ipAddress TEXT NOT NULL
                );
                CREATE INDEX location_record_by_account ON location_record(accountId, recordedAt, id);
                """)
    }

    private static func createConsentTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE preference (
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  preferenceId TEXT NOT NULL,
                  value INTEGER NOT NULL CHECK (value IN (0, 1)),
                  updatedAt INTEGER NOT NULL,
                  PRIMARY KEY (accountId, preferenceId)
                );
                CREATE TABLE consent_receipt (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id),
                  sequence INTEGER NOT NULL,
                  preferenceId TEXT NOT NULL,
                  oldValue INTEGER NOT NULL CHECK (oldValue IN (0, 1)),
                  newValue INTEGER NOT NULL CHECK (newValue IN (0, 1) AND newValue <> oldValue),
                  recordedAt TEXT NOT NULL,
                  policyVersion TEXT NOT NULL,
                  channel TEXT NOT NULL,
                  previousHash TEXT NOT NULL CHECK (length(previousHash) = 64),
                  hash TEXT NOT NULL CHECK (length(hash) = 64),
                  UNIQUE (accountId, sequence)
                );
                """)
        try appendOnly("consent_receipt", deleteGuard: "(SELECT status FROM account WHERE id = OLD.accountId)", db)
    }

    private static func createRequestTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE rights_request (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id),
                  reference TEXT NOT NULL UNIQUE,
                  type TEXT NOT NULL
                    CHECK (type IN ('access', 'correction', 'deletion', 'portability', 'objection', 'restriction')),
                  scopeKind TEXT NOT NULL
                    CHECK (scopeKind IN ('all', 'category', 'field', 'purpose', 'format', 'account')),
                  scopeValue TEXT NOT NULL DEFAULT '',
                  details TEXT NOT NULL DEFAULT '{}',
                  status TEXT NOT NULL CHECK (status IN ('submitted', 'acknowledged', 'identity-verified',
                                                         'in-progress', 'completed', 'denied', 'cancelled')),
                  channel TEXT NOT NULL,
                  filedAt INTEGER NOT NULL,
                  receiptDueAt INTEGER NOT NULL,
                  responseDueAt INTEGER NOT NULL,
                  extendedDueAt INTEGER,
                  acknowledgedAt INTEGER,
                  closedAt INTEGER,
                  resolution TEXT
                );
                CREATE INDEX rights_request_by_account ON rights_request(accountId, filedAt, id);
                CREATE INDEX rights_request_by_status ON rights_request(status, responseDueAt);
                -- The store itself refuses a second open request of the same type and scope.
                CREATE UNIQUE INDEX rights_request_one_open ON rights_request(accountId, type, scopeKind, scopeValue)
                  WHERE status IN ('submitted', 'acknowledged', 'identity-verified', 'in-progress');
                CREATE TABLE request_event (
                  id INTEGER PRIMARY KEY,
                  requestId INTEGER NOT NULL REFERENCES rights_request(id),
                  sequence INTEGER NOT NULL,
                  at INTEGER NOT NULL,
                  fromStatus TEXT,
                  toStatus TEXT NOT NULL,
                  actor TEXT NOT NULL CHECK (actor IN ('subscriber', 'support', 'system')),
                  note TEXT NOT NULL DEFAULT '',
                  UNIQUE (requestId, sequence)
                );
                """)
        try appendOnly(
            "request_event",
            deleteGuard:
                "(SELECT status FROM account WHERE id = (SELECT accountId FROM rights_request WHERE id = OLD.requestId))",
            db)
    }

    /// One row per category an account has restricted: the data is kept but not used until the restriction is lifted.
    private static func createRestrictionTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE restriction (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  categoryId TEXT NOT NULL,
                  restrictedAt INTEGER NOT NULL,
                  reason TEXT NOT NULL DEFAULT '',
                  requestReference TEXT,
                  UNIQUE (accountId, categoryId)
                );
                """)
    }

    /// One row per purpose an account objects to: it stands (its preferences stay off and nothing is recorded
    /// for it) until the subscriber withdraws it. Objections completed before this table existed are carried over.
    private static func createObjectionTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE objection (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  purposeId TEXT NOT NULL,
                  objectedAt INTEGER NOT NULL,
                  requestReference TEXT NOT NULL,
                  UNIQUE (accountId, purposeId)
                );
                INSERT OR IGNORE INTO objection (accountId, purposeId, objectedAt, requestReference)
                  SELECT accountId, scopeValue, COALESCE(closedAt, filedAt), reference FROM rights_request
                  WHERE type = 'objection' AND scopeKind = 'purpose' AND status = 'completed'
                  ORDER BY COALESCE(closedAt, filedAt) DESC, id DESC;
                """)
    }

    /// Failed sign-ins for names no account holds, keyed by a hash of the name typed (never the name itself),
    /// so a made-up name locks as a real one does.
    private static func createUnknownSignInFailureTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE unknown_sign_in_failure (
                  id INTEGER PRIMARY KEY,
                  identifierHash TEXT NOT NULL,
                  at INTEGER NOT NULL
                );
                CREATE INDEX unknown_sign_in_failure_by_name ON unknown_sign_in_failure(identifierHash, at);
                """)
    }

    /// One row per file an export left on a shared box for its subscriber to fetch: the download code's
    /// SHA-256 (never the code), when it expires, and when it was used and the file removed.
    private static func createDownloadTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE export_download (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
                  reference TEXT NOT NULL,
                  path TEXT NOT NULL,
                  codeHash TEXT NOT NULL UNIQUE,
                  issuedAt INTEGER NOT NULL,
                  expiresAt INTEGER NOT NULL,
                  downloadedAt INTEGER,
                  removedAt INTEGER
                );
                CREATE INDEX export_download_by_expiry ON export_download(removedAt, expiresAt);
                """)
    }

    private static func createAuditTables(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE audit_log (
                  id INTEGER PRIMARY KEY,
                  at INTEGER NOT NULL,
                  accountId INTEGER,
                  actor TEXT NOT NULL,
                  action TEXT NOT NULL,
                  detail TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX audit_log_by_account ON audit_log(accountId, at, id);
                """)
        try appendOnly("audit_log", deleteGuard: nil, db)
    }

    /// Makes a table refuse updates, and deletes unless `deleteGuard` (an account status) says 'purged'.
    private static func appendOnly(_ table: String, deleteGuard: String?, _ db: Database) throws {
        let condition = deleteGuard.map { "WHEN \($0) IS NOT 'purged'" } ?? ""
        try db.execute(
            sql: """
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) \(condition)
                BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
                """)
    }
}
