public import Foundation
import GRDB

/// How long the outbox keeps a delivered or failed message's address: long enough to answer "did you write to
/// me, and where?", no longer. The kind, status and dates stay, so the breach register's figures and the staff
/// queue's failed-receipt mark are unchanged.
public enum OutboxRetention {
    /// Days after a message was sent (or failed) before its address is blanked.
    public static let addressDays = 30

    /// Blanks the address of every sent or failed message older than `addressDays` at `asOf`; returns how many.
    /// Pending and sending messages keep theirs: they still need it.
    public static func scrubAddresses(_ store: PrivacyStore, asOf: Date, dryRun: Bool) throws -> Int {
        let cutoff = asOf.addingTimeInterval(-Double(addressDays) * 86_400).epochSeconds
        let condition = """
            status IN ('sent', 'failed') AND recipient != ''
              AND coalesce(sentAt, claimedAt, createdAt) <= ?
            """
        if dryRun {
            return try store.read { db in
                try Int.fetchOne(db, sql: "SELECT count(*) FROM outbox WHERE \(condition)", arguments: [cutoff]) ?? 0
            }
        }
        return try store.write { db in
            try db.execute(sql: "UPDATE outbox SET recipient = '' WHERE \(condition)", arguments: [cutoff])
            return db.changesCount
        }
    }
}
