public import Foundation

/// Where a page of the staff queue ends, so the next page starts after it (keyset paging).
public struct StaffQueueCursor: Sendable, Equatable {
    /// The last entry's next due date.
    public let nextDueAt: Date
    /// The last entry's row id (ties on the due date go by id).
    public let requestId: Int64

    /// The cursor after `entry`.
    public init(after entry: StaffQueueEntry) {
        nextDueAt = entry.nextDueAt
        requestId = entry.request.id
    }
}
