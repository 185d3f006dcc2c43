public import Foundation
import GRDB

/// The staff console's read-only view of the open requests: what falls due first, paged, filtered and counted.
///
/// The receipt and answer deadlines come from each request's stored dates (set from the catalogue at filing);
/// the due-soon window is the catalogue's receipt window. Nothing here changes the store.
public struct StaffQueue: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// The most entries one page holds.
    public static let maximumPageSize = 500

    /// Binds the queue to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// `RightsRequest.nextDueAt` in SQL over a `rights_request` row.
    static let nextDueSQL =
        "CASE WHEN status = '\(RequestStatus.submitted.rawValue)' THEN receiptDueAt ELSE COALESCE(extendedDueAt, responseDueAt) END"

    private static let openStatusList = RequestStatus.open.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// How far ahead "due soon" looks: the catalogue's receipt window.
    public var dueSoonWindow: TimeInterval { TimeInterval(context.catalogue.deadlines.receiptHours) * 3600 }

    /// Up to `limit` entries that `filter` lists, what falls due first first (ties by filing order), starting
    /// after `cursor` when given.
    public func page(filter: StaffQueueFilter = StaffQueueFilter(), after cursor: StaffQueueCursor? = nil, limit: Int)
        throws -> [StaffQueueEntry]
    {
        let now = Date(epochSeconds: context.now.epochSeconds)
        var (conditions, arguments) = Self.conditions(filter, now: now)
        if let cursor {
            conditions.append("(queueDueAt > ? OR (queueDueAt = ? AND id > ?))")
            arguments += [cursor.nextDueAt.epochSeconds, cursor.nextDueAt.epochSeconds, cursor.requestId]
        }
        arguments += [min(max(1, limit), Self.maximumPageSize)]
        let (requests, failedMail) = try context.store.read { db in
            let requests = try RightsRequest.fetchAll(
                db,
                sql: """
                    SELECT * FROM (\(Self.openRequestsSQL(search: !filter.search.isEmpty)))
                    WHERE \(conditions.joined(separator: " AND "))
                    ORDER BY queueDueAt, id LIMIT ?
                    """,
                arguments: StatementArguments(arguments))
            return (requests, try Self.failedReceiptMail(db, requestIds: requests.map(\.id)))
        }
        return requests.map { StaffQueueEntry(request: $0, at: now, receiptMailFailed: failedMail.contains($0.id)) }
    }

    /// The figures for the whole queue, and how many entries `filter` lists.
    public func counts(filter: StaffQueueFilter = StaffQueueFilter()) throws -> StaffQueueCounts {
        let now = Date(epochSeconds: context.now.epochSeconds)
        let soon = now.epochSeconds + Int64(dueSoonWindow)
        let (conditions, arguments) = Self.conditions(filter, now: now)
        return try context.store.read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT COUNT(*) AS open,
                           COALESCE(SUM(queueDueAt >= ? AND queueDueAt <= ?), 0) AS dueSoon,
                           COALESCE(SUM(queueDueAt < ?), 0) AS overdue
                    FROM (\(Self.openRequestsSQL(search: false)))
                    """,
                arguments: [now.epochSeconds, soon, now.epochSeconds])
            let matching =
                filter.isEmpty
                ? nil
                : try Int.fetchOne(
                    db,
                    sql: """
                        SELECT COUNT(*) FROM (\(Self.openRequestsSQL(search: !filter.search.isEmpty)))
                        WHERE \(conditions.joined(separator: " AND "))
                        """,
                    arguments: StatementArguments(arguments))
            let open: Int = row?["open"] ?? 0
            return StaffQueueCounts(
                open: open, dueSoon: row?["dueSoon"] ?? 0, overdue: row?["overdue"] ?? 0, matching: matching ?? open)
        }
    }

    /// The open requests with their next due date as `queueDueAt` (through the status index), and the
    /// subscriber's email and username when a search needs them.
    private static func openRequestsSQL(search: Bool) -> String {
        guard search else {
            return "SELECT *, \(nextDueSQL) AS queueDueAt FROM rights_request WHERE status IN (\(openStatusList))"
        }
        return """
            SELECT r.*, \(nextDueSQL) AS queueDueAt, a.searchEmail, a.searchUsername
            FROM rights_request r
            JOIN (SELECT id AS accountKey, email AS searchEmail, username AS searchUsername FROM account) a
              ON a.accountKey = r.accountId
            WHERE status IN (\(openStatusList))
            """
    }

    /// The WHERE conditions and their arguments for a filter (always at least one condition).
    private static func conditions(_ filter: StaffQueueFilter, now: Date) -> ([String], [any DatabaseValueConvertible])
    {
        var conditions = ["1"]
        var arguments: [any DatabaseValueConvertible] = []
        if let status = filter.status {
            conditions.append("status = ?")
            arguments.append(status.rawValue)
        }
        if let right = filter.right {
            conditions.append("type = ?")
            arguments.append(right.rawValue)
        }
        if filter.overdueOnly {
            conditions.append("queueDueAt < ?")
            arguments.append(now.epochSeconds)
        }
        let search = filter.search.trimmingCharacters(in: .whitespaces)
        if !search.isEmpty {
            let pattern = "%" + LikePattern.escaped(search) + "%"
            let reference = ReferenceNumber.normalise(search) ?? ""
            conditions.append(
                """
                (reference = ? OR reference LIKE ? ESCAPE '\\' OR searchEmail LIKE ? ESCAPE '\\'
                 OR searchUsername LIKE ? ESCAPE '\\')
                """)
            arguments += [reference, pattern, pattern, pattern]
        }
        return (conditions, arguments)
    }
}
