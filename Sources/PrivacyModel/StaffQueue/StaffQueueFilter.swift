/// Which open requests the staff queue lists: by status, right, only overdue ones, and a search text.
public struct StaffQueueFilter: Sendable, Equatable {
    /// Only requests in this status (nil: every open status).
    public var status: RequestStatus?
    /// Only requests for this right (nil: every right).
    public var right: RightKind?
    /// Only requests past their next due date (`StaffQueueEntry.isPastDue`).
    public var overdueOnly: Bool
    /// Part of a reference, a subscriber's email or username (empty: no search).
    public var search: String

    /// Makes a filter; the default lists the whole queue.
    public init(status: RequestStatus? = nil, right: RightKind? = nil, overdueOnly: Bool = false, search: String = "") {
        self.status = status
        self.right = right
        self.overdueOnly = overdueOnly
        self.search = search
    }

    /// Whether the filter lists the whole queue.
    public var isEmpty: Bool { self == StaffQueueFilter() }
}
