import Foundation
import Testing

@testable import PrivacyModel

@Suite("rights requests: deadlines and extensions")
struct RequestDeadlineTests {
    static let day: TimeInterval = 86_400

    @Test(
        "receipt is due 48 hours and the answer 30 UTC calendar days after filing, across month and year ends",
        arguments: [
            ("2026-11-29T09:00:00Z", "2026-12-01T09:00:00Z", "2026-12-29T09:00:00Z", "2027-02-27T09:00:00Z"),
            ("2027-01-31T23:59:59Z", "2027-02-02T23:59:59Z", "2027-03-02T23:59:59Z", "2027-05-01T23:59:59Z"),
            ("2027-12-15T00:00:00Z", "2027-12-17T00:00:00Z", "2028-01-14T00:00:00Z", "2028-03-14T00:00:00Z"),
        ])
    func dueDates(filed: String, receipt: String, response: String, latest: String) throws {
        let filedAt = try Date(filed, strategy: .iso8601)
        let env = try TestEnvironment(at: filedAt)
        let account = try env.makeAccount()
        let request = try env.requests.file(accountId: account.id, type: .access, scope: .all)
        #expect(request.filedAt.iso8601UTC == filed)
        #expect(request.receiptDueAt.iso8601UTC == receipt)
        #expect(request.responseDueAt.iso8601UTC == response)
        #expect(env.requests.deadlines(for: request).latestExtension.iso8601UTC == latest)
        #expect(request.responseDueAt.timeIntervalSince(request.filedAt) == 30 * Self.day)
    }

    @Test("an extension moves the due date later, keeps the status, and is recorded as an event with its reason")
    func extend() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .identityVerified)
        let newDue = request.responseDueAt.addingTimeInterval(14 * Self.day)
        env.clock.advance(by: 5 * Self.day)
        let extended = try env.requests.extend(
            reference: request.reference, to: newDue, reason: "the export spans many years", actor: .support)
        #expect(extended.status == .identityVerified)
        #expect(extended.extendedDueAt == newDue)
        #expect(extended.currentDueAt == newDue)
        #expect(extended.responseDueAt == request.responseDueAt)
        #expect(extended.isExtended)
        let event = try #require(try env.requests.events(requestId: request.id).last)
        #expect(event.sequence == 4)
        #expect(event.fromStatus == .identityVerified && event.toStatus == .identityVerified)
        #expect(event.isExtension)
        #expect(
            english(event.note, catalogue: env.context.catalogue)
                == "Extended to 2027-01-12T09:00:00Z. the export spans many years")
        #expect(event.extensionReason == .typed("the export spans many years"))
        #expect(event.at == env.context.now)
        #expect(try env.auditActions(account).last == "request-extended")
        // The extended request still moves on normally and keeps its new due date.
        let started = try env.requests.start(reference: request.reference, actor: .support)
        #expect(started.extendedDueAt == newDue)
    }

    @Test("the furthest allowed extension is filed + 30 + 60 days; one second later is refused")
    func extensionLimit() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .submitted)
        let latest = request.filedAt.addingTimeInterval(90 * Self.day)
        #expect(throws: RequestError.extensionTooLong(latest: latest)) {
            try env.requests.extend(
                reference: request.reference, to: latest.addingTimeInterval(1), reason: "complex", actor: .support)
        }
        #expect(try env.eventCount(request) == 1)
        let extended = try env.requests.extend(
            reference: request.reference, to: latest, reason: "complex", actor: .support)
        #expect(extended.extendedDueAt == latest)
        #expect(extended.status == .submitted)
    }

    @Test("the new due date must be later than the current one", arguments: [-1 * 86_400.0, -1, 0])
    func extensionNotLater(offset: TimeInterval) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .inProgress)
        #expect(throws: RequestError.extensionNotLater(currentDue: request.responseDueAt)) {
            try env.requests.extend(
                reference: request.reference, to: request.responseDueAt.addingTimeInterval(offset), reason: "busy",
                actor: .support)
        }
        #expect(try env.eventCount(request) == 4)
        #expect(try env.requests.require(reference: request.reference).extendedDueAt == nil)
        let oneSecondLater = try env.requests.extend(
            reference: request.reference, to: request.responseDueAt.addingTimeInterval(1), reason: "busy",
            actor: .support)
        #expect(oneSecondLater.extendedDueAt == request.responseDueAt.addingTimeInterval(1))
    }

    @Test("a request is extended at most once")
    func extensionOnce() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .acknowledged)
        let first = request.responseDueAt.addingTimeInterval(10 * Self.day)
        try env.requests.extend(reference: request.reference, to: first, reason: "volume", actor: .support)
        #expect(throws: RequestError.alreadyExtended(reference: request.reference, until: first)) {
            try env.requests.extend(
                reference: request.reference, to: first.addingTimeInterval(10 * Self.day), reason: "again",
                actor: .support)
        }
        #expect(try env.eventCount(request) == 3)
        #expect(try env.requests.require(reference: request.reference).extendedDueAt == first)
    }

    @Test("an extension needs a reason")
    func extensionReason() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .submitted)
        #expect(throws: RequestError.extensionReasonRequired) {
            try env.requests.extend(
                reference: request.reference, to: request.responseDueAt.addingTimeInterval(Self.day), reason: " ",
                actor: .system)
        }
        #expect(try env.eventCount(request) == 1)
    }

    @Test("a closed request cannot be extended", arguments: [RequestStatus.completed, .denied, .cancelled])
    func extensionClosed(status: RequestStatus) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: status)
        let events = try env.eventCount(request)
        #expect(throws: RequestError.notOpen(reference: request.reference, status: status)) {
            try env.requests.extend(
                reference: request.reference, to: request.responseDueAt.addingTimeInterval(Self.day), reason: "late",
                actor: .support)
        }
        #expect(try env.eventCount(request) == events)
    }

    static let daysLeftCases: [(TimeInterval, Int, Bool)] = [
        (0, 30, false),  // at filing
        (5, 30, false),  // filed a moment ago: the due day is still 30 days away
        (15 * 3600, 29, false),  // the next day (00:00 UTC) has begun
        (29 * day, 1, false),
        (30 * day - 1, 0, false),  // one second before the due instant
        (30 * day, 0, false),  // the due instant itself is on time
        (30 * day + 1, -1, true),  // one second late
        (31 * day, -1, true),
        (31 * day + 1, -1, true),  // still the first day after the due day
        (32 * day, -2, true),
    ]

    @Test(
        "days left count calendar days to the due day shown and go negative exactly when the request is overdue",
        arguments: daysLeftCases)
    func daysLeft(elapsed: TimeInterval, days: Int, overdue: Bool) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .inProgress)
        env.clock.advance(by: elapsed)
        #expect(env.requests.daysLeft(request) == days)
        #expect(env.requests.isOverdue(request) == overdue)
        #expect(request.daysLeft(at: env.context.now) == days)
    }

    @Test("days left count from the extended due date once there is one; closed requests are never overdue")
    func daysLeftAfterExtension() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .inProgress)
        let extended = try env.requests.extend(
            reference: request.reference, to: request.responseDueAt.addingTimeInterval(10 * Self.day),
            reason: "volume", actor: .support)
        env.clock.advance(by: 31 * Self.day)
        #expect(!env.requests.isOverdue(extended))
        #expect(env.requests.daysLeft(extended) == 9)
        #expect(env.requests.isOverdue(request))  // the stale copy still has only the original date
        env.clock.advance(by: 10 * Self.day)
        #expect(env.requests.isOverdue(extended))
        let completed = try env.requests.complete(reference: request.reference, actor: .support, note: "late but done")
        #expect(!env.requests.isOverdue(completed))
        #expect(env.requests.daysLeft(completed) < 0)
    }

    @Test("receipt is overdue only while unacknowledged after 48 hours; a late acknowledgement is remembered")
    func receiptOverdue() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let onTime = try env.requests.file(accountId: account.id, type: .access, scope: .all)
        let late = try env.requests.file(accountId: account.id, type: .access, scope: .category("viewing"))
        env.clock.advance(by: 48 * 3600)
        #expect(!env.requests.isReceiptOverdue(onTime))
        let acknowledged = try env.requests.acknowledge(reference: onTime.reference, actor: .support)
        #expect(!acknowledged.wasAcknowledgedLate)
        env.clock.advance(by: 1)
        #expect(env.requests.isReceiptOverdue(late))
        #expect(!env.requests.isReceiptOverdue(acknowledged))
        let lateAck = try env.requests.acknowledge(reference: late.reference, actor: .system)
        #expect(!env.requests.isReceiptOverdue(lateAck))
        #expect(lateAck.wasAcknowledgedLate)
        let cancelled = try env.requests.cancel(
            reference: try env.requests.file(accountId: account.id, type: .access, scope: .category("device")).reference
        )
        env.clock.advance(by: 3 * Self.day)
        #expect(!env.requests.isReceiptOverdue(cancelled))
    }

    @Test("open requests are listed soonest due first, counting extensions")
    func openRequestsByDue() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let first = try env.requests.file(accountId: account.id, type: .access, scope: .all)
        env.clock.advance(by: Self.day)
        let second = try env.requests.file(accountId: account.id, type: .access, scope: .category("viewing"))
        let closed = try env.request(for: account, in: .denied, scope: .category("device"))
        #expect(try env.requests.openRequests().map(\.reference) == [first.reference, second.reference])
        try env.requests.extend(
            reference: first.reference, to: first.responseDueAt.addingTimeInterval(2 * Self.day), reason: "volume",
            actor: .support)
        #expect(try env.requests.openRequests().map(\.reference) == [second.reference, first.reference])
        #expect(!(try env.requests.openRequests().map(\.reference).contains(closed.reference)))
    }
}
