public import Foundation
import GRDB

/// The figures of one `notify send` run.
public struct OutboxSendReport: Sendable, Equatable {
    /// Messages the mail system accepted.
    public var sent = 0
    /// Messages that failed for now and will be tried again.
    public var retried = 0
    /// Messages given up on (a permanent error, retries used up, or a run killed while sending).
    public var failed = 0
}

/// Delivers due outbox rows through a transport.
///
/// At most once: a row is claimed (`status = 'sending'`) in one statement before it is handed over, so two
/// runs never send the same row. A row still `sending` longer than `staleAfter` belongs to a run that died
/// mid-send; it may already have gone out, so it is marked failed (`lastError = 'interrupted'`), never re-sent.
public struct OutboxSender: Sendable {
    /// Waits after the 1st, 2nd, … temporary failure; after the last one the row is failed.
    public static let backOff: [TimeInterval] = [60, 300, 1_800, 7_200, 43_200]

    let store: PrivacyStore
    let clock: any Clock
    let from: MailAddress
    let composer: MailComposer
    let send: @Sendable (MailMessage) -> SendOutcome
    let staleAfter: TimeInterval

    /// A sender from the context's store and clock, writing as `from` through `transport`.
    public init(
        context: PrivacyContext, from: MailAddress, transport: SendmailTransport, staleAfter: TimeInterval = 900
    ) {
        self.init(
            store: context.store, clock: context.settings.clock, from: from, send: { transport.send($0) },
            staleAfter: staleAfter)
    }

    init(
        store: PrivacyStore, clock: any Clock, from: MailAddress,
        send: @escaping @Sendable (MailMessage) -> SendOutcome, staleAfter: TimeInterval = 900
    ) {
        self.store = store
        self.clock = clock
        self.from = from
        self.composer = MailComposer()
        self.send = send
        self.staleAfter = staleAfter
    }

    struct Claimed {
        let id: Int64
        let recipient: String
        let language: String
        let kind: String
        let params: String
        let attempts: Int
    }

    /// Fails stale `sending` rows, claims up to `limit` due rows, sends each and records the outcome.
    public func run(limit: Int = 100) throws -> OutboxSendReport {
        var report = OutboxSendReport()
        let now = clock.now()
        let claimed: [Claimed] = try store.write { db in
            try db.execute(
                sql: """
                    UPDATE outbox SET status = 'failed', lastError = 'interrupted'
                    WHERE status = 'sending' AND claimedAt <= ?
                    """, arguments: [now.addingTimeInterval(-staleAfter).epochSeconds])
            report.failed += db.changesCount
            let rows = try Row.fetchAll(
                db,
                sql: """
                    UPDATE outbox SET status = 'sending', claimedAt = ?, attempts = attempts + 1
                    WHERE id IN (SELECT id FROM outbox WHERE status = 'pending' AND nextAttemptAt <= ?
                                 ORDER BY nextAttemptAt, id LIMIT ?)
                    RETURNING id, recipient, language, kind, params, attempts
                    """, arguments: [now.epochSeconds, now.epochSeconds, limit])
            return rows.map {
                Claimed(
                    id: $0["id"], recipient: $0["recipient"], language: $0["language"], kind: $0["kind"],
                    params: $0["params"], attempts: $0["attempts"])
            }
        }
        for row in claimed.sorted(by: { $0.id < $1.id }) {
            let outcome: SendOutcome
            var messageId: String?
            do throws(MailError) {
                let message = try composer.message(
                    from: from, to: MailAddress(row.recipient), language: row.language, kind: row.kind,
                    paramsJSON: row.params, date: clock.now())
                messageId = message.messageId
                outcome = send(message)
            } catch {
                outcome = .permanent(error.code)
            }
            try record(row, outcome: outcome, messageId: messageId, report: &report)
        }
        return report
    }

    private func record(_ row: Claimed, outcome: SendOutcome, messageId: String?, report: inout OutboxSendReport)
        throws
    {
        let now = clock.now()
        try store.write { db in
            switch outcome {
            case .sent:
                try db.execute(
                    sql: "UPDATE outbox SET status = 'sent', sentAt = ?, messageId = ?, lastError = NULL WHERE id = ?",
                    arguments: [now.epochSeconds, messageId, row.id])
                report.sent += 1
            case .temporary(let code) where row.attempts <= Self.backOff.count:
                let wait = Self.backOff[row.attempts - 1]
                try db.execute(
                    sql: """
                        UPDATE outbox SET status = 'pending', claimedAt = NULL, lastError = ?, nextAttemptAt = ?
                        WHERE id = ?
                        """, arguments: [code, now.addingTimeInterval(wait).epochSeconds, row.id])
                report.retried += 1
            case .temporary(let code), .permanent(let code):
                try db.execute(
                    sql: "UPDATE outbox SET status = 'failed', lastError = ? WHERE id = ?",
                    arguments: [code, row.id])
                report.failed += 1
            }
        }
    }
}
