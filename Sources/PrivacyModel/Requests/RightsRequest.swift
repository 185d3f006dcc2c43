public import Foundation
public import GRDB

/// A data-protection request as stored, with the deadlines the service promised for it.
public struct RightsRequest: Sendable, Equatable, Identifiable, FetchableRecord {
    /// Row id.
    public let id: Int64
    /// The account the request is about.
    public let accountId: Int64
    /// The reference the subscriber quotes ("PD-7K3M-9QXD").
    public let reference: String
    /// The right exercised.
    public let type: RightKind
    /// What the request targets.
    public let scope: RequestScope
    /// The subscriber's details.
    public let details: RequestDetails
    /// Where it stands.
    public let status: RequestStatus
    /// How it was filed ("dashboard", "cli", "ssh", "email"...).
    public let channel: String
    /// When it was filed.
    public let filedAt: Date
    /// When receipt must be confirmed by (filed + receipt hours).
    public let receiptDueAt: Date
    /// When the answer is due (filed + response days, UTC calendar days).
    public let responseDueAt: Date
    /// The later due date set by an extension, if any.
    public let extendedDueAt: Date?
    /// When receipt was confirmed.
    public let acknowledgedAt: Date?
    /// When it was completed, denied or cancelled.
    public let closedAt: Date?
    /// The denial reason or the completion note, as keys and values (old rows: their plain text).
    public let resolution: StoredText?

    /// Reads a `rights_request` row, refusing values this program does not know.
    public init(row: Row) throws {
        let typeText: String = row["type"]
        let scopeText: String = row["scopeKind"]
        let statusText: String = row["status"]
        guard let type = RightKind(rawValue: typeText) else { throw RequestError.unreadable("right \"\(typeText)\"") }
        guard let scopeKind = RequestScopeKind(rawValue: scopeText) else {
            throw RequestError.unreadable("scope \"\(scopeText)\"")
        }
        guard let status = RequestStatus(rawValue: statusText) else {
            throw RequestError.unreadable("status \"\(statusText)\"")
        }
        let detailsText: String = row["details"]
        do {
            details = try RequestDetails(jsonText: detailsText)
        } catch {
            throw RequestError.unreadable("details of \(row["reference"] as String? ?? "a request")")
        }
        id = row["id"]
        accountId = row["accountId"]
        reference = row["reference"]
        self.type = type
        scope = RequestScope(kind: scopeKind, value: row["scopeValue"])
        self.status = status
        channel = row["channel"]
        filedAt = Date(epochSeconds: row["filedAt"])
        receiptDueAt = Date(epochSeconds: row["receiptDueAt"])
        responseDueAt = Date(epochSeconds: row["responseDueAt"])
        extendedDueAt = (row["extendedDueAt"] as Int64?).map(Date.init(epochSeconds:))
        acknowledgedAt = (row["acknowledgedAt"] as Int64?).map(Date.init(epochSeconds:))
        closedAt = (row["closedAt"] as Int64?).map(Date.init(epochSeconds:))
        resolution = (row["resolution"] as String?).map(StoredText.init(storedForm:))
    }
}

extension RightsRequest {
    /// Whether the request still awaits an answer.
    public var isOpen: Bool { status.isOpen }

    /// The date the answer is due by now: the extended date if there is one, else the response date.
    public var currentDueAt: Date { extendedDueAt ?? responseDueAt }

    /// Whether the deadline was extended (it can be, once).
    public var isExtended: Bool { extendedDueAt != nil }

    /// Calendar days (UTC, as due dates are shown) from the day of `now` to the current due day, so the count
    /// agrees with the date beside it: 0 means due today. Once the due instant has passed it is minus the days
    /// late, at least -1. Closed requests count the same way.
    public func daysLeft(at now: Date) -> Int {
        let calendar = UTCCalendar.calendar
        let days =
            calendar.dateComponents(
                [.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: currentDueAt)
            ).day ?? 0
        return now.epochSeconds > currentDueAt.epochSeconds ? min(-1, days) : days
    }

    /// Whether the request is open and its current due date has passed (the due instant itself is on time).
    public func isOverdue(at now: Date) -> Bool {
        isOpen && now.epochSeconds > currentDueAt.epochSeconds
    }

    /// Whether receipt is still unconfirmed after the receipt deadline (open and not yet acknowledged).
    public func isReceiptOverdue(at now: Date) -> Bool {
        status == .submitted && now.epochSeconds > receiptDueAt.epochSeconds
    }

    /// Whether receipt was confirmed, but after the receipt deadline.
    public var wasAcknowledgedLate: Bool {
        guard let acknowledgedAt else { return false }
        return acknowledgedAt.epochSeconds > receiptDueAt.epochSeconds
    }
}
