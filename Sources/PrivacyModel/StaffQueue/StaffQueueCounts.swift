/// The figures on top of the staff queue: open requests, those due soon and those overdue.
public struct StaffQueueCounts: Sendable, Equatable {
    /// Open requests (not completed, denied or cancelled).
    public let open: Int
    /// Open requests whose next due date is within the catalogue's receipt window (48 hours) and not yet passed.
    public let dueSoon: Int
    /// Open requests past their next due date.
    public let overdue: Int
    /// Open requests the current filter lists.
    public let matching: Int

    /// Makes the figures.
    public init(open: Int, dueSoon: Int, overdue: Int, matching: Int) {
        self.open = open
        self.dueSoon = dueSoon
        self.overdue = overdue
        self.matching = matching
    }
}
