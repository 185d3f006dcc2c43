public import Foundation

/// One open request as the staff queue lists it, with the deadline facts the marks come from.
public struct StaffQueueEntry: Sendable, Equatable {
    /// The request as stored.
    public let request: RightsRequest
    /// What falls due first: the receipt due date while receipt is unconfirmed, else the answer due date.
    public let nextDueAt: Date
    /// Whole days to the answer due date (negative once late), counted as `RightsRequest.daysLeft` counts them.
    public let daysLeft: Int
    /// Whether the answer is late (the OVERDUE mark).
    public let isOverdue: Bool
    /// Whether receipt is still unconfirmed past its deadline (the receipt-overdue mark).
    public let isReceiptOverdue: Bool

    /// Whether the mail confirming receipt to the subscriber failed (the receipt-mail-failed mark): staff
    /// confirm receipt another way.
    public let receiptMailFailed: Bool

    /// The entry for `request` at `now`.
    public init(request: RightsRequest, at now: Date, receiptMailFailed: Bool = false) {
        self.request = request
        self.receiptMailFailed = receiptMailFailed
        nextDueAt = request.nextDueAt
        daysLeft = request.daysLeft(at: now)
        isOverdue = request.isOverdue(at: now)
        isReceiptOverdue = request.isReceiptOverdue(at: now)
    }

    /// The receipt due date (filed + the catalogue's receipt hours).
    public var receiptDueAt: Date { request.receiptDueAt }
    /// The answer due date: the extended date when extended, else filed + the catalogue's response days.
    public var answerDueAt: Date { request.currentDueAt }
    /// Whether either deadline has passed (the overdue filter and count): past `nextDueAt`.
    public var isPastDue: Bool { isOverdue || isReceiptOverdue }
}

extension RightsRequest {
    /// What falls due first for an open request: receipt while it is unconfirmed, else the (extended) answer.
    /// `StaffQueue.nextDueSQL` is the same rule in SQL, for ordering and paging in the store.
    public var nextDueAt: Date { status == .submitted ? receiptDueAt : currentDueAt }
}
