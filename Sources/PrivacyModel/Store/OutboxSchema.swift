import GRDB

/// The mail outbox's table (part of migration v8).
extension StoreSchema {
    /// One row per message to send: written in the transaction of the event that causes it, delivered by
    /// `notify send`. It keeps a message kind and its parameters (codes and values), never the wording.
    static func createOutboxTable(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE outbox (
                  id INTEGER PRIMARY KEY,
                  accountId INTEGER,
                  recipient TEXT NOT NULL,
                  language TEXT NOT NULL,
                  kind TEXT NOT NULL,
                  params TEXT NOT NULL DEFAULT '{}',
                  requestId INTEGER,
                  breachId INTEGER,
                  policyVersion TEXT,
                  createdAt INTEGER NOT NULL,
                  status TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
                  attempts INTEGER NOT NULL DEFAULT 0,
                  nextAttemptAt INTEGER NOT NULL,
                  claimedAt INTEGER,
                  lastError TEXT,
                  sentAt INTEGER,
                  messageId TEXT UNIQUE
                );
                CREATE INDEX outbox_due ON outbox(status, nextAttemptAt, id);
                CREATE INDEX outbox_by_request ON outbox(requestId);
                CREATE INDEX outbox_by_account ON outbox(accountId, createdAt);
                """)
    }
}
