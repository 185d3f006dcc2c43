import GRDB

extension StaffQueue {
    /// Which of `requestIds` had their receipt mail fail, so the queue can mark them.
    static func failedReceiptMail(_ db: Database, requestIds: [Int64]) throws -> Set<Int64> {
        guard !requestIds.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: requestIds.count).joined(separator: ", ")
        return Set(
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT requestId FROM outbox
                    WHERE kind = 'request-received' AND status = 'failed' AND requestId IN (\(marks))
                    """, arguments: StatementArguments(requestIds)))
    }
}
