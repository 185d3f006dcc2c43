import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import TestSupport
import Testing

@Suite("Requests screen: list, detail and cancelling")
@MainActor
struct RequestListTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// A harness signed in as `user` with the Requests screen on show; the idle timeout is long so the clock can move.
    static func requests(_ user: String, size: Size) throws -> DashboardHarness {
        let harness = try DashboardHarness(
            size: size, configuration: DashboardConfiguration(idleTimeout: 1_000_000_000))
        try harness.signIn(user)
        try harness.press("4")
        return harness
    }

    static func expectNoMissingStrings(_ harness: DashboardHarness, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!harness.text.contains("⟦"), "missing string in:\n\(harness.text)", sourceLocation: sourceLocation)
    }

    @Test("the list shows the demo requests newest first with right, status and days left", arguments: sizes)
    func listShowsDemoRequests(size: Size) throws {
        let harness = try Self.requests("lena.mueller", size: size)
        let stored = try RequestService(context: harness.context).requests(
            accountId: harness.account("lena.mueller").id)
        #expect(stored.count == 2)
        let text = harness.text
        #expect(text.contains("[4 Requests]"))
        #expect(text.contains("2 requests"))
        #expect(text.contains("0 open"))
        for request in stored { #expect(text.contains(request.reference)) }
        let access = try #require(harness.lines.firstIndex { $0.contains("Access") && $0.contains("completed") })
        let deletion = try #require(harness.lines.firstIndex { $0.contains("Deletion") && $0.contains("refused") })
        #expect(access < deletion, "newest first")
        #expect(harness.lines[access].contains("–"), "a closed request has no days left")
        Self.expectNoMissingStrings(harness)
    }

    @Test("an open request past its due date is marked overdue with a word", arguments: sizes)
    func overdueMarked(size: Size) throws {
        let harness = try Self.requests("haruto.sato", size: size)
        let row = try #require(harness.lines.first { $0.contains("Deletion") })
        #expect(row.contains("in progress"))
        #expect(row.contains("! overdue"))
        #expect(row.contains("days"))
        Self.expectNoMissingStrings(harness)
    }

    @Test("days left count down, turn into overdue as the clock moves, and extended due dates are marked")
    func daysLeftAndExtension() throws {
        let harness = try Self.requests("siobhan_oc", size: Size(width: 80, height: 24))
        let service = RequestService(context: harness.context)
        let request = try #require(try service.requests(accountId: harness.account("siobhan_oc").id).first)
        let left = request.daysLeft(at: harness.clock.now())
        #expect(left > 0)
        var row = try #require(harness.lines.first { $0.contains(request.reference) })
        #expect(row.contains("\(left) days"))
        #expect(row.contains("ext."))
        #expect(!row.contains("overdue"))
        harness.clock.advance(by: TimeInterval(left + 3) * 86_400)
        try harness.press("1")
        try harness.press("4")
        row = try #require(harness.lines.first { $0.contains(request.reference) })
        #expect(row.contains("! overdue"))
        Self.expectNoMissingStrings(harness)
    }

    @Test("a request not acknowledged within 48 hours shows receipt overdue", arguments: sizes)
    func receiptOverdue(size: Size) throws {
        let harness = try DashboardHarness(
            size: size, configuration: DashboardConfiguration(idleTimeout: 1_000_000_000))
        let account = try harness.account("siobhan_oc")
        let filed = try RequestService(context: harness.context).file(
            accountId: account.id, type: .access, scope: .all)
        try harness.signIn("siobhan_oc")
        try harness.press("4")
        var row = try #require(harness.lines.first { $0.contains(filed.reference) })
        #expect(row.contains("30 days"))
        #expect(row.contains("submitted"))
        harness.clock.advance(by: 49 * 3600)
        try harness.press("1")
        try harness.press("4")
        row = try #require(harness.lines.first { $0.contains(filed.reference) })
        #expect(row.contains("! receipt overdue"))
        Self.expectNoMissingStrings(harness)
    }

    @Test(
        "Enter opens the detail with scope, details, deadlines, resolution and timeline; Esc goes back",
        arguments: sizes)
    func detailShowsTimeline(size: Size) throws {
        let harness = try Self.requests("siobhan_oc", size: size)
        var seen = try harness.press("<Enter>")
        for _ in 0..<4 { seen += try harness.press("<PgDn>") }
        #expect(seen.contains("Portability"))
        #expect(seen.contains("Format: Zip archive"))
        #expect(seen.contains("Deadlines"))
        #expect(seen.contains("Receipt due"))
        #expect(seen.contains("Answer due"))
        #expect(seen.contains("Extended to"))
        #expect(seen.contains("more time is needed"))
        #expect(seen.contains("Resolution"))
        #expect(seen.contains("Timeline"))
        #expect(seen.contains("new → submitted"))
        #expect(seen.contains("submitted → received"))
        #expect(seen.contains("by support staff"))
        #expect(seen.contains("Receipt confirmed by email."))
        #expect(seen.contains("due date extended"))
        Self.expectNoMissingStrings(harness)
        let back = try harness.press("<Esc>")
        #expect(back.contains("Days left"))
        #expect(!back.contains("Timeline"))
    }

    @Test("the detail of a finished request shows its resolution and the correction's values")
    func detailResolutionAndValues() throws {
        let lena = try Self.requests("lena.mueller", size: Size(width: 120, height: 40))
        let lines = try lena.press("<Down><Enter>")
        #expect(lines.contains("Zahlungsbelege müssen"))
        #expect(lines.contains("refused"))
        #expect(lines.contains("Bitte alle Zahlungsdaten löschen."))
        Self.expectNoMissingStrings(lena)
        let elodie = try Self.requests("elodie.fournier", size: Size(width: 120, height: 40))
        let text = try elodie.press("<Enter>")
        #expect(text.contains("Field: Phone"))
        #expect(text.contains("+33 6 39 98 42 17"))
        #expect(text.contains("+33 6 39 98 42 71"))
        Self.expectNoMissingStrings(elodie)
    }

    @Test("x asks before cancelling; any other key keeps the request, y cancels it", arguments: sizes)
    func cancelWithConfirmation(size: Size) throws {
        let harness = try Self.requests("elodie.fournier", size: size)
        let service = RequestService(context: harness.context)
        let reference = try #require(try service.requests(accountId: harness.account("elodie.fournier").id).first)
            .reference
        let asked = try harness.press("x")
        #expect(asked.contains("Cancel request?"))
        #expect(asked.contains(reference))
        Self.expectNoMissingStrings(harness)
        try harness.press("n")
        #expect(try service.require(reference: reference).status == .identityVerified)
        #expect(!harness.text.contains("Cancel request?"))
        try harness.press("x")
        let done = try harness.press("y")
        #expect(try service.require(reference: reference).status == .cancelled)
        #expect(done.contains("Cancelled \(reference)."))
        let row = try #require(harness.lines.first { $0.contains(reference) })
        #expect(row.contains("cancelled"))
        let events = try service.events(requestId: try service.require(reference: reference).id)
        #expect(events.last?.actor == .subscriber)
        #expect(events.last?.toStatus == .cancelled)
        Self.expectNoMissingStrings(harness)
    }

    @Test("cancelling from the detail view works too and the timeline shows it")
    func cancelFromDetail() throws {
        let harness = try Self.requests("haruto.sato", size: Size(width: 120, height: 40))
        try harness.press("<Enter>x")
        let text = try harness.press("y")
        #expect(text.contains("in progress → cancelled"))
        #expect(text.contains("by you"))
    }

    @Test("a closed request cannot be cancelled, and the screen says why", arguments: sizes)
    func cancelRefusedWhenClosed(size: Size) throws {
        let harness = try Self.requests("lena.mueller", size: size)
        let text = try harness.press("x")
        #expect(!text.contains("Cancel request?"))
        #expect(text.contains("only open requests can be cancelled"))
        Self.expectNoMissingStrings(harness)
    }

    @Test("an account without requests is told how to file one")
    func emptyList() throws {
        let harness = try DashboardHarness()
        _ = try AccountService(context: harness.context).create(
            NewAccount(
                email: "new.person@example.com", username: "new.person", fullName: "New Person", birthdate: "1990-01-01"
            ),
            password: DashboardHarness.password)
        try harness.signIn("new.person")
        let text = try harness.press("4")
        #expect(text.contains("0 requests"))
        #expect(text.contains("Press n to file one"))
        let refused = try harness.press("x")
        #expect(refused.contains("There is no request to cancel."))
        Self.expectNoMissingStrings(harness)
    }

    @Test("revealing a request closes a detail or an empty wizard; a wizard with typed text stays as it was")
    func revealFromOverview() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        let service = RequestService(context: harness.context)
        harness.clock.set(TestDefaults.start.addingTimeInterval(-3 * 86_400))
        let older = try service.file(accountId: account.id, type: .access, scope: .all)
        harness.clock.set(TestDefaults.start.addingTimeInterval(-86_400))
        let newer = try service.file(accountId: account.id, type: .restriction, scope: .category("viewing"))
        harness.clock.set(TestDefaults.start)
        try harness.signIn()
        func selected(_ reference: String) -> Bool {
            harness.lines.first { $0.contains(reference) }?.contains("▶") == true
        }

        // A detail view closes and the list shows the revealed request selected.
        let detail = try harness.press("4<Enter>")
        #expect(detail.contains("\(newer.reference) · "))
        try harness.press("1<End><Up><Enter>")
        #expect(harness.dashboard.currentScreen == .requests)
        #expect(!harness.text.contains("\(newer.reference) · "))
        #expect(selected(older.reference))

        // A wizard with nothing typed closes too.
        try harness.press("n")
        #expect(harness.text.contains("step 1 of 5"))
        try harness.press("1<End><Enter>")
        #expect(!harness.text.contains("step 1 of 5"))
        #expect(selected(newer.reference))

        // A wizard holding typed text stays, and the list selection is left alone.
        try harness.press("n<Down><Down><Down><Enter><Down><Enter>keep this note<Esc>")
        #expect(harness.text.contains("step 2 of 5"))
        try harness.press("1<Up><Enter>")
        #expect(harness.dashboard.currentScreen == .requests)
        #expect(harness.text.contains("step 2 of 5"))
        #expect(harness.text.contains("stays open"))
        #expect(harness.text.contains(older.reference))
        #expect(try harness.press("<Enter>").contains("keep this note"))
        try harness.press("<Esc><Esc><Esc>")
        #expect(!harness.text.contains("step "))
        #expect(selected(newer.reference))
        #expect(!selected(older.reference))
        Self.expectNoMissingStrings(harness)
    }

    @Test("a long list scrolls: End reaches the oldest request, Home the newest")
    func longListScrolls() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("siobhan_oc")
        let service = RequestService(context: harness.context)
        var newest = ""
        let scopes = RightScopes(catalogue: harness.context.catalogue)
        for category in harness.context.catalogue.categories {
            for right in [RightKind.deletion, .restriction]
            where scopes.categories(for: right).contains(where: { $0.id == category.id }) {
                harness.clock.advance(by: 60)
                newest = try service.file(accountId: account.id, type: right, scope: .category(category.id)).reference
            }
        }
        let all = try service.requests(accountId: account.id)
        #expect(all.count > 16)
        try harness.signIn("siobhan_oc")
        let top = try harness.press("4")
        let oldest = try #require(all.last).reference
        #expect(top.contains(newest))
        #expect(!top.contains(oldest))
        let bottom = try harness.press("<End>")
        #expect(bottom.contains(oldest))
        #expect(!bottom.contains(newest))
        #expect(harness.lines.first { $0.contains(oldest) }?.contains("▶") == true)
        let back = try harness.press("<Home>")
        #expect(back.contains(newest))
        Self.expectNoMissingStrings(harness)
    }
}
