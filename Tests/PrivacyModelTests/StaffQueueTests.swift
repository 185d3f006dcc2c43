import Foundation
import Testing

@testable import PrivacyModel

/// The staff queue: what falls due first, the marks, filters, search, paging and the counts on top.
@Suite("Staff queue: order, marks, filters, search, counts")
struct StaffQueueTests {
    /// Four subscribers' requests: A acknowledged (answer due in 30 days), B submitted at the start (receipt due
    /// after 48 hours), C submitted a day later, D cancelled; the clock then stands a day after the start.
    struct Queue {
        let env: TestEnvironment
        let a: RightsRequest
        let b: RightsRequest
        let c: RightsRequest
        var queue: StaffQueue { StaffQueue(context: env.context) }

        init() throws {
            env = try TestEnvironment()
            let ada = try env.makeAccount(email: "ada@example.com", username: "ada")
            let bob = try env.makeAccount(email: "bob@example.org", username: "bobby")
            let cleo = try env.makeAccount(email: "cleo@example.com", username: "cleo")
            let dan = try env.makeAccount(email: "dan@example.com", username: "dan")
            a = try env.request(for: ada, in: .acknowledged)
            b = try env.request(for: bob, in: .submitted)
            env.clock.advance(by: 86_400)
            c = try env.request(for: cleo, in: .submitted)
            _ = try env.request(for: dan, in: .cancelled)
        }

        func references(_ filter: StaffQueueFilter = StaffQueueFilter(), limit: Int = 50) throws -> [String] {
            try queue.page(filter: filter, limit: limit).map(\.request.reference)
        }
    }

    @Test("open requests only, what falls due first first: receipt while unacknowledged, else the answer")
    func order() throws {
        let fixture = try Queue()
        #expect(try fixture.references() == [fixture.b.reference, fixture.c.reference, fixture.a.reference])
        let entries = try fixture.queue.page(limit: 10)
        #expect(entries[0].nextDueAt == fixture.b.receiptDueAt)
        #expect(entries[2].nextDueAt == fixture.a.responseDueAt)
        #expect(entries[2].answerDueAt == fixture.a.responseDueAt)
        #expect(entries[0].receiptDueAt == fixture.b.filedAt.addingTimeInterval(48 * 3600))
    }

    @Test("an extension moves the answer due date, and the order with it")
    func extensionMovesOrder() throws {
        let fixture = try Queue()
        // C's receipt is confirmed: it is now due in 30 days, one day after A; A's extension puts it last.
        try fixture.env.requests.acknowledge(reference: fixture.c.reference, actor: .support)
        #expect(try fixture.references() == [fixture.b.reference, fixture.a.reference, fixture.c.reference])
        let extended = fixture.a.responseDueAt.addingTimeInterval(10 * 86_400)
        try fixture.env.requests.extend(reference: fixture.a.reference, to: extended, reason: "busy", actor: .support)
        #expect(try fixture.references() == [fixture.b.reference, fixture.c.reference, fixture.a.reference])
        let a = try #require(try fixture.queue.page(limit: 10).last)
        #expect(a.answerDueAt == extended)
        #expect(a.daysLeft == 39)
    }

    @Test("marks: receipt overdue past 48 hours unacknowledged, OVERDUE past the answer due date")
    func marks() throws {
        let fixture = try Queue()
        var entries = try fixture.queue.page(limit: 10)
        #expect(entries.allSatisfy { !$0.isOverdue && !$0.isReceiptOverdue && !$0.isPastDue })
        fixture.env.clock.advance(by: 86_400 + 1)
        entries = try fixture.queue.page(limit: 10)
        #expect(entries[0].request.reference == fixture.b.reference)
        #expect(entries[0].isReceiptOverdue && !entries[0].isOverdue && entries[0].isPastDue)
        #expect(!entries[1].isReceiptOverdue)
        fixture.env.clock.set(fixture.a.responseDueAt.addingTimeInterval(1))
        let a = try #require(try fixture.queue.page(limit: 10).first { $0.request.id == fixture.a.id })
        #expect(a.isOverdue && !a.isReceiptOverdue)
        #expect(a.daysLeft == -1)
    }

    @Test("counts: open, due within the catalogue's 48 hours, overdue; and how many the filter lists")
    func counts() throws {
        let fixture = try Queue()
        #expect(fixture.queue.dueSoonWindow == 48 * 3600)
        // B is due tomorrow and C the day after: both within 48 hours; A is a month away.
        #expect(try fixture.queue.counts() == StaffQueueCounts(open: 3, dueSoon: 2, overdue: 0, matching: 3))
        fixture.env.clock.advance(by: 86_400 + 1)
        #expect(try fixture.queue.counts() == StaffQueueCounts(open: 3, dueSoon: 1, overdue: 1, matching: 3))
        let submitted = StaffQueueFilter(status: .submitted)
        #expect(try fixture.queue.counts(filter: submitted).matching == 2)
    }

    @Test("filters by status, right and overdue")
    func filters() throws {
        let fixture = try Queue()
        #expect(
            try fixture.references(StaffQueueFilter(status: .submitted)) == [fixture.b.reference, fixture.c.reference])
        #expect(try fixture.references(StaffQueueFilter(status: .acknowledged)) == [fixture.a.reference])
        #expect(try fixture.references(StaffQueueFilter(right: .deletion)).isEmpty)
        #expect(try fixture.references(StaffQueueFilter(right: .access)).count == 3)
        #expect(try fixture.references(StaffQueueFilter(overdueOnly: true)).isEmpty)
        fixture.env.clock.advance(by: 86_400 + 1)
        #expect(try fixture.references(StaffQueueFilter(overdueOnly: true)) == [fixture.b.reference])
    }

    @Test("search by reference (as typed), email or username, wildcards matching themselves")
    func search() throws {
        let fixture = try Queue()
        let typed = fixture.c.reference.lowercased().replacingOccurrences(of: "-", with: " ")
        #expect(try fixture.references(StaffQueueFilter(search: typed)) == [fixture.c.reference])
        #expect(try fixture.references(StaffQueueFilter(search: "EXAMPLE.ORG")) == [fixture.b.reference])
        #expect(try fixture.references(StaffQueueFilter(search: "bobb")) == [fixture.b.reference])
        #expect(try fixture.references(StaffQueueFilter(search: "dan")).isEmpty, "a closed request is not listed")
        #expect(try fixture.references(StaffQueueFilter(search: "%")).isEmpty)
        #expect(try fixture.references(StaffQueueFilter(status: .acknowledged, search: "cleo")).isEmpty)
    }

    @Test("pages follow on from a cursor without repeating or skipping")
    func paging() throws {
        let fixture = try Queue()
        let first = try fixture.queue.page(limit: 2)
        #expect(first.map(\.request.reference) == [fixture.b.reference, fixture.c.reference])
        let last = try #require(first.last)
        let next = try fixture.queue.page(after: StaffQueueCursor(after: last), limit: 2)
        #expect(next.map(\.request.reference) == [fixture.a.reference])
    }
}
