import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

/// The staff console's queue and request views on the in-memory terminal over the demo store.
@Suite("Staff console: queue and a request")
@MainActor
struct StaffConsoleTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 132, height: 40)]

    /// Files an access request for Lena (submitted: its receipt falls due in 48 hours).
    static func fileForLena(_ context: PrivacyContext) throws {
        let lena = try AccountService(context: context).require("lena.mueller")
        try RequestService(context: context).file(accountId: lena.id, type: .access, scope: .all)
    }

    /// The row of the frame that shows `reference`.
    static func row(_ harness: ConsoleHarness, _ reference: String) throws -> String {
        try #require(harness.lines.first { $0.contains(reference) }, "no row for \(reference):\n\(harness.text)")
    }

    @Test("the header names the member of staff and their role; the counts sit on top", arguments: sizes)
    func headerAndCounts(size: Size) throws {
        let harness = try ConsoleHarness(size: size, prepare: Self.fileForLena)
        #expect(harness.lines[0].contains("Sam Okafor (agent)"))
        // Haruto's deletion is overdue; Lena's new request is due within 48 hours; four are open.
        #expect(harness.text.contains("4 open · 1 due within 48 hours · 1 overdue"))
    }

    @Test("rows come in the model's order, what falls due first first, with the marks in words", arguments: sizes)
    func orderAndMarks(size: Size) throws {
        let harness = try ConsoleHarness(size: size, prepare: Self.fileForLena)
        let order = try harness.queueOrder()
        #expect(order.count == 4)
        let rows = try order.map { try #require(harness.lines.firstIndex(of: Self.row(harness, $0.request.reference))) }
        #expect(rows == rows.sorted(), "the frame lists the queue in the model's order")
        let overdue = try Self.row(harness, order[0].request.reference)
        #expect(overdue.contains("OVERDUE") && overdue.contains("in progress"))
        let lena = try Self.row(harness, order[1].request.reference)
        #expect(lena.contains("submitted") && !lena.contains("OVERDUE"))
        // Three days on, Lena's receipt is late.
        harness.clock.advance(by: 3 * 86_400)
        try harness.press("o<Esc>")
        #expect(try Self.row(harness, order[1].request.reference).contains("RECEIPT OVERDUE"))
    }

    @Test("s, r and o filter the queue by status, right and overdue; Esc clears them")
    func filters() throws {
        let harness = try ConsoleHarness(prepare: Self.fileForLena)
        let order = try harness.queueOrder()
        try harness.press("s")
        #expect(harness.text.contains("Status: submitted"))
        #expect(harness.text.contains("1 listed"))
        #expect(order.filter { harness.text.contains($0.request.reference) }.map(\.request.status) == [.submitted])
        try harness.press("<Esc>o")
        #expect(harness.text.contains("Overdue only: yes"))
        #expect(order.filter { harness.text.contains($0.request.reference) }.count == 1)
        #expect(harness.text.contains("OVERDUE"))
        try harness.press("<Esc>rrr")
        #expect(harness.text.contains("Right: Deletion"))
        let listed = order.filter { harness.text.contains($0.request.reference) }
        #expect(listed.map(\.request.type) == [.deletion])
        try harness.press("<Esc>")
        #expect(order.allSatisfy { harness.text.contains($0.request.reference) })
    }

    @Test("/ searches by username, email or reference; Enter applies it")
    func search() throws {
        let harness = try ConsoleHarness(prepare: Self.fileForLena)
        let order = try harness.queueOrder()
        let haruto = try AccountService(context: harness.context).require("haruto.sato")
        let harutos = try #require(order.first { $0.request.accountId == haruto.id })
        try harness.press("/haruto<Enter>")
        #expect(harness.text.contains("Search (reference, email, username): haruto"))
        #expect(order.filter { harness.text.contains($0.request.reference) }.map(\.request.id) == [harutos.request.id])
        try harness.press("/<C-u>\(haruto.email)<Enter>")
        #expect(order.filter { harness.text.contains($0.request.reference) }.map(\.request.id) == [harutos.request.id])
        let typed = harutos.request.reference.lowercased()
        try harness.press("/<C-u>\(typed)<Enter>")
        #expect(order.filter { harness.text.contains($0.request.reference) }.map(\.request.id) == [harutos.request.id])
        try harness.press("/<C-u>nobody-here<Enter>")
        #expect(harness.text.contains("No open request matches"))
    }

    @Test("Enter opens a request: the subscriber's identity details and the timeline", arguments: sizes)
    func requestView(size: Size) throws {
        let harness = try ConsoleHarness(size: Size(width: size.width, height: 60))
        let haruto = try AccountService(context: harness.context).require("haruto.sato")
        let profile = try #require(try AccountService(context: harness.context).profile(accountId: haruto.id))
        let first = try #require(try harness.queueOrder().first)
        #expect(first.request.accountId == haruto.id)
        try harness.press("<Enter>")
        #expect(harness.console.openReference == first.request.reference)
        let text = harness.text
        #expect(text.contains(profile.fullName))
        #expect(text.contains(haruto.email))
        #expect(text.contains(haruto.username))
        let age = AccountService.age(bornOn: try #require(UTCCalendar.day(haruto.birthdate)), at: harness.clock.now())
        #expect(text.contains("(age \(age))"))
        #expect(text.contains("Timeline"))
        #expect(text.contains("ID checked → in progress"))
        #expect(text.contains("by the subscriber"))
        #expect(text.contains("d refuse") && text.contains("e extend"))
        #expect(!text.contains("c complete"), "an erasure needs an approver: the agent is told why instead")
        #expect(!text.contains("a receipt"), "receipt was confirmed long ago")
        try harness.press("<Esc>")
        #expect(harness.console.openReference == nil)
    }

    @Test("a step through its dialog changes the status in the store and shows on the timeline")
    func acknowledgeThroughDialog() throws {
        let harness = try ConsoleHarness(size: Size(width: 100, height: 50), prepare: Self.fileForLena)
        let lena = try #require(try harness.queueOrder().first { $0.request.status == .submitted })
        try harness.press("/\(lena.request.reference)<Enter><Enter>")
        #expect(harness.console.openReference == lena.request.reference)
        try harness.press("a")
        #expect(harness.text.contains("Confirm receipt of \(lena.request.reference)"))
        try harness.press("Received by email too<Enter>")
        let stored = try RequestService(context: harness.context).require(reference: lena.request.reference)
        #expect(stored.status == .acknowledged)
        let events = try RequestService(context: harness.context).events(requestId: stored.id)
        #expect(events.last?.actor == .support)
        #expect(harness.text.contains("\(lena.request.reference) is now: received."))
        #expect(harness.text.contains("submitted → received"))
        #expect(harness.text.contains("v identity"), "the next step is offered")
    }

    @Test("a refused step shows the model's own error in the dialog and changes nothing")
    func refusedStep() throws {
        let harness = try ConsoleHarness(size: Size(width: 100, height: 40))
        let first = try #require(try harness.queueOrder().first)
        try harness.press("<Enter>d<Enter>")
        #expect(harness.text.contains("Give the reason for denying the request"))
        let stored = try RequestService(context: harness.context).require(reference: first.request.reference)
        #expect(stored.status == first.request.status)
        try harness.press("<Esc>e<Tab>2099-01-01<Tab>more time<Enter>")
        #expect(harness.text.contains("The due date can be extended to"))
        #expect(
            try RequestService(context: harness.context).require(reference: first.request.reference).extendedDueAt
                == nil)
    }

    @Test("start, then complete through the model's dispatcher, and extend with a reason and a date")
    func startCompleteAndExtend() throws {
        let harness = try ConsoleHarness(size: Size(width: 100, height: 40))
        let service = RequestService(context: harness.context)
        let verified = try #require(try harness.queueOrder().first { $0.request.status == .identityVerified })
        try harness.press("/\(verified.request.reference)<Enter><Enter>s<Enter>")
        #expect(try service.require(reference: verified.request.reference).status == .inProgress)
        try harness.press("c")
        #expect(harness.text.contains("Complete \(verified.request.reference)"))
        try harness.press("Checked with the subscriber by phone<Enter>")
        let completed = try service.require(reference: verified.request.reference)
        #expect(completed.status == .completed)
        #expect(harness.text.contains("is now: completed."))
        #expect(harness.text.contains("No step is open"))
        let other = try #require(try harness.queueOrder().first { !$0.request.isExtended })
        try harness.press("<Esc>/<C-u>\(other.request.reference)<Enter><Enter>e")
        let day = max(other.request.responseDueAt, harness.clock.now()).addingTimeInterval(5 * 86_400)
        try harness.press("Several systems to search<Tab>\(day.dayUTC)<Enter>")
        let extended = try service.require(reference: other.request.reference)
        #expect(extended.extendedDueAt?.dayUTC == day.dayUTC)
        #expect(harness.text.contains("is now due on"))
        #expect(harness.lines.last?.contains("extend") == false, "an extension is offered once")
    }

    @Test("the console's help lists its own keys and none of the subscriber's screens; the subscriber's, none of its")
    func helpPerSide() throws {
        let harness = try ConsoleHarness(size: Size(width: 100, height: 30))
        var seen = try harness.press("?")
        for _ in 0..<6 { seen += try harness.press("<PgDn>") }
        #expect(!seen.contains("Go to My data"))
        #expect(seen.contains("Staff console: a request"))
        let strings = try Strings.bundled(language: "en")
        for binding in KeyBindings.table where BindingContext.console.contains(binding.context) {
            #expect(seen.contains(strings[binding.help]), "help misses \(binding.action)")
        }
        let subscriber = try DashboardHarness(size: Size(width: 100, height: 30), viewingEvents: 10)
        try subscriber.signIn()
        try subscriber.press("?")
        #expect(subscriber.text.contains("Go to My data"))
        try subscriber.press("<End>")
        #expect(!subscriber.text.contains("Staff console"))
    }

    @Test("an auditor sees the queue's figures and the audit log but no request; an owner only the staff accounts")
    func rolesFromThePermissionTable() throws {
        let auditor = try ConsoleHarness(staff: ConsoleHarness.member(.auditor)) {
            try ConsoleHarness.addStaff(.auditor, to: $0)
            try Self.fileForLena($0)
        }
        #expect(auditor.text.contains("Kim Berger (auditor)"))
        #expect(auditor.text.contains("4 open · 1 due within 48 hours · 1 overdue"))
        #expect(auditor.text.contains("Audit chain: intact"))
        let order = try auditor.queueOrder()
        #expect(!order.contains { auditor.text.contains($0.request.reference) })
        try auditor.press("s<Enter>")
        #expect(!order.contains { auditor.text.contains($0.request.reference) })
        let owner = try ConsoleHarness(staff: ConsoleHarness.member(.owner)) {
            try ConsoleHarness.addStaff(.owner, to: $0)
        }
        #expect(!owner.text.contains(" open · "))
        #expect(owner.text.contains("Staff accounts"))
    }

    @Test("moving down the queue loads the next page after the last one shown, up to the last open request")
    func pagingInTheView() throws {
        let harness = try ConsoleHarness(size: Size(width: 100, height: 30)) {
            try Self.seedOpenRequests(250, context: $0)
        }
        let all = try StaffQueue(context: harness.context).page(limit: 500)
        #expect(all.count == 253)
        let last = try #require(all.last).request.reference
        try harness.press("<End>")
        #expect(!harness.text.contains(last))
        try harness.press("<End><End>")
        #expect(try Self.row(harness, last).contains("▶"))
        #expect(harness.text.contains("253 open"))
    }

    @Test("DashboardRunner runs the console headless, as the screen command runs the dashboard")
    func runsHeadless() throws {
        let harness = try ConsoleHarness(prepare: Self.fileForLena)
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), glyphs: .unicode)
        terminal.feed(try KeyNotation.parse("s"))
        let frame = DashboardRunner.runHeadless(harness.console, terminal: terminal)
        #expect(frame.plainText.contains("Status: submitted"))
        #expect(frame.plainText.contains("Sam Okafor (agent)"))
    }

    @Test("the first frame at 10,000 open requests (timing printed, not asserted)")
    func firstFrameAtTenThousand() throws {
        let harness = try ConsoleHarness(size: Size(width: 132, height: 40))
        try Self.seedOpenRequests(10_000, context: harness.context)
        let strings = try Strings.bundled(language: "en")
        let clock = ContinuousClock()
        var console: StaffConsole?
        var frame: Canvas?
        let elapsed = clock.measure {
            let made = StaffConsole(context: harness.context, staff: ConsoleHarness.agent, strings: strings)
            made.handle(.resize(Size(width: 132, height: 40)))
            frame = made.render(size: Size(width: 132, height: 40), glyphs: .unicode)
            console = made
        }
        print("staff console first frame at 10,000 open requests: \(elapsed)")
        #expect(console != nil)
        #expect(frame?.plainText.contains("10,003 open") == true)
    }

    /// Adds `count` subscribers, each with one submitted access request filed over the last days, by plain SQL.
    static func seedOpenRequests(_ count: Int, context: PrivacyContext) throws {
        let now = context.now.epochSeconds
        try context.store.write { db in
            for index in 0..<count {
                let filed = now - Int64(index % 40) * 86_400 - Int64(index)
                try db.execute(
                    sql: """
                        INSERT INTO account (email, emailKey, username, passwordHash, birthdate, createdAt,
                                             passwordChangedAt)
                        VALUES (?, ?, ?, 'x', '1990-01-01', ?, ?)
                        """,
                    arguments: ["load\(index)@example.com", "load\(index)@example.com", "load\(index)", filed, filed])
                try db.execute(
                    sql: """
                        INSERT INTO rights_request (reference, accountId, type, scopeKind, scopeValue, status, channel,
                                                    filedAt, receiptDueAt, responseDueAt)
                        VALUES (?, ?, 'access', 'all', '', 'submitted', 'ssh', ?, ?, ?)
                        """,
                    arguments: [
                        String(format: "PD-%04d-%04d", index / 10_000, index % 10_000), db.lastInsertedRowID, filed,
                        filed + 48 * 3600, filed + 30 * 86_400,
                    ])
            }
        }
    }
}
