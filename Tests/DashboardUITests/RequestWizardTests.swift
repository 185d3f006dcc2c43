import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import Testing

@Suite("Requests screen: the filing wizard")
@MainActor
struct RequestWizardTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40)]

    /// A harness signed in as `user` with the Requests screen on show.
    static func requests(_ user: String, size: Size) throws -> DashboardHarness {
        let harness = try DashboardHarness(size: size)
        try harness.signIn(user)
        try harness.press("4")
        return harness
    }

    /// Down presses that reach a correctable field in the scope list (catalogue order).
    static func downs(toField field: String, harness: DashboardHarness) throws -> String {
        let fields = harness.context.catalogue.categories.flatMap { $0.correctableFields ?? [] }
        let index = try #require(fields.firstIndex(of: field))
        return String(repeating: "<Down>", count: index)
    }

    /// Down presses that reach a right in the first step.
    static func downs(toRight right: RightKind, harness: DashboardHarness) throws -> String {
        let index = try #require(harness.context.catalogue.rights.firstIndex { $0.id == right.rawValue })
        return String(repeating: "<Down>", count: index)
    }

    /// Keys from the list to the identity step of a request support handles (closing the whole account),
    /// so a right password files it without carrying anything out.
    static let supportRequest = "n<Down><Down><Enter><End><Enter><Enter>"

    static func reference(in text: String) -> String? {
        text.firstMatch(of: /PD-[0-9A-Z]{4}-[0-9A-Z]{4}/).map { String($0.output) }
    }

    /// Presses keys one at a time and checks that no frame on the way shows a missing string.
    @discardableResult
    static func press(
        _ keys: String, _ harness: DashboardHarness, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        var last = harness.text
        var token = ""
        for character in keys {
            if token.isEmpty && character != "<" {
                token = String(character)
            } else {
                token.append(character)
                if character != ">" { continue }
            }
            last = try harness.press(token)
            #expect(!last.contains("⟦"), "missing string after \(token):\n\(last)", sourceLocation: sourceLocation)
            token = ""
        }
        return last
    }

    @Test("the wizard files a correction with the field, the held value and the new value", arguments: sizes)
    func filesCorrection(size: Size) throws {
        let harness = try Self.requests("siobhan_oc", size: size)
        let account = try harness.account("siobhan_oc")
        let profile = try #require(try AccountService(context: harness.context).profile(accountId: account.id))
        let held = try #require(profile.contactEmail)
        let first = try Self.press("n", harness)
        #expect(first.contains("step 1 of 5"))
        #expect(first.contains("Correction"))
        #expect(first.contains("Have wrong or incomplete data put right."))
        try Self.press(try Self.downs(toRight: .correction, harness: harness) + "<Enter>", harness)
        #expect(harness.text.contains("step 2 of 5"))
        #expect(harness.text.contains("Contact email (Contact details)"))
        let details = try Self.press(try Self.downs(toField: "contactEmail", harness: harness) + "<Enter>", harness)
        #expect(details.contains("step 3 of 5"))
        #expect(details.contains("Correct: Contact email"))
        #expect(details.contains(held))
        try Self.press("siobhan@example.ie<Enter>old address<Enter>", harness)
        let identity = harness.text
        #expect(identity.contains("step 4 of 5"))
        #expect(identity.contains("siobhan@example.ie"))
        #expect(!identity.contains(DashboardHarness.password))
        try Self.press(DashboardHarness.password, harness)
        #expect(!harness.text.contains(DashboardHarness.password), "the password is masked")
        let receipt = try Self.press("<Enter>", harness)
        #expect(receipt.contains("step 5 of 5"))
        #expect(receipt.contains("Request filed"))
        let reference = try #require(Self.reference(in: receipt))
        let stored = try RequestService(context: harness.context).require(reference: reference)
        #expect(stored.accountId == account.id)
        #expect(stored.type == .correction)
        #expect(stored.scope == .field("contactEmail"))
        #expect(stored.details.currentValue == held)
        #expect(stored.details.requestedValue == "siobhan@example.ie")
        #expect(stored.details.note == "old address")
        #expect(stored.status == .submitted)
        #expect(receipt.contains(harness.dashboard.session?.formats.dateTime(stored.receiptDueAt) ?? "?"))
        #expect(receipt.contains(harness.dashboard.session?.formats.date(stored.responseDueAt) ?? "?"))
        let list = try Self.press("<Enter>", harness)
        let row = try #require(harness.lines.first { $0.contains(reference) })
        #expect(row.contains("Correction"))
        #expect(row.contains("submitted"))
        #expect(row.contains("30 days"))
        #expect(!list.contains("step 5 of 5"))
    }

    @Test("the wizard files a request for support; the receipt shows 48 h and 30 days", arguments: sizes)
    func filesForSupport(size: Size) throws {
        let harness = try Self.requests("lena.mueller", size: size)
        try Self.press("n<Down><Down><Enter><End>", harness)
        #expect(harness.text.contains("Your whole account"))
        try Self.press("<Enter>", harness)
        #expect(harness.text.contains("step 3 of 5"))
        try Self.press("<Enter>", harness)
        #expect(harness.text.contains("step 4 of 5"))
        let receipt = try Self.press(DashboardHarness.password + "<Enter>", harness)
        #expect(receipt.contains("Request filed"))
        // Filed at 2026-11-29 09:00 UTC: receipt by 2026-12-01 09:00, answer by 2026-12-29.
        #expect(receipt.contains("2026-12-01 09:00"))
        #expect(receipt.contains("2026-12-29"))
        let reference = try #require(Self.reference(in: receipt))
        let stored = try RequestService(context: harness.context).require(reference: reference)
        #expect(stored.type == .deletion)
        #expect(stored.scope == .account)
        #expect(stored.details == .empty)
        #expect(stored.channel == "dashboard")
        #expect(stored.status == .submitted)
        let events = try RequestService(context: harness.context).events(requestId: stored.id)
        #expect(events.map(\.actor) == [.subscriber])
        let list = try Self.press("<Esc>", harness)
        #expect(list.contains("3 requests"))
        #expect(list.contains("1 open"))
        let row = try #require(harness.lines.first { $0.contains(reference) })
        #expect(row.contains("Deletion"))
        #expect(row.contains("▶"), "the new request is selected")
    }

    @Test("a wrong password at the identity step is refused and the wizard stays there", arguments: sizes)
    func wrongPassword(size: Size) throws {
        let harness = try Self.requests("lena.mueller", size: size)
        let service = RequestService(context: harness.context)
        let accountId = try harness.account("lena.mueller").id
        try Self.press(Self.supportRequest + "not-my-password<Enter>", harness)
        let text = harness.text
        #expect(text.contains("That is not your password"))
        #expect(text.contains("step 4 of 5"))
        #expect(try service.requests(accountId: accountId).count == 2)
        #expect(try SignInService(context: harness.context).lockedUntil(accountId: accountId) == nil)
        let empty = try Self.press("<Enter>", harness)
        #expect(empty.contains("Enter your password."))
        let receipt = try Self.press(DashboardHarness.password + "<Enter>", harness)
        #expect(receipt.contains("Request filed"))
        #expect(try service.requests(accountId: accountId).count == 3)
    }

    @Test("guessing at the identity step locks the account as guessing at sign-in does")
    func identityGuessingLocks() throws {
        let harness = try Self.requests("lena.mueller", size: Size(width: 80, height: 24))
        let accountId = try harness.account("lena.mueller").id
        try Self.press(Self.supportRequest, harness)
        // Failures count from after the last sign-in, which happened at the harness's fixed instant.
        harness.clock.advance(by: 60)
        for attempt in 1...5 { try Self.press("guess-\(attempt)<Enter>", harness) }
        #expect(try SignInService(context: harness.context).lockedUntil(accountId: accountId) != nil)
        let locked = try Self.press(DashboardHarness.password + "<Enter>", harness)
        #expect(locked.contains("locked until 09:16"))
        #expect(try RequestService(context: harness.context).requests(accountId: accountId).count == 2)
    }

    @Test("Enter at the identity step shows that the password is being checked before the check runs")
    func checkingFrame() throws {
        let harness = try Self.requests("lena.mueller", size: Size(width: 80, height: 24))
        let service = RequestService(context: harness.context)
        let accountId = try harness.account("lena.mueller").id
        let size = harness.terminal.size
        try Self.press(Self.supportRequest + "not-my-password", harness)
        harness.dashboard.handle(.key(.enter))
        #expect(harness.dashboard.hasPendingWork)
        var frame = harness.dashboard.render(size: size, glyphs: .unicode).plainText
        #expect(frame.contains("Checking your password…"))
        #expect(frame.contains("step 4 of 5"))
        harness.dashboard.performPendingWork()
        #expect(!harness.dashboard.hasPendingWork)
        frame = harness.dashboard.render(size: size, glyphs: .unicode).plainText
        #expect(frame.contains("That is not your password"))
        #expect(!frame.contains("Checking"))
        #expect(try service.requests(accountId: accountId).count == 2)

        try Self.press(DashboardHarness.password, harness)
        harness.dashboard.handle(.key(.enter))
        frame = harness.dashboard.render(size: size, glyphs: .unicode).plainText
        #expect(frame.contains("Checking your password…"))
        #expect(try service.requests(accountId: accountId).count == 2, "nothing is filed before the check")
        harness.dashboard.performPendingWork()
        frame = harness.dashboard.render(size: size, glyphs: .unicode).plainText
        #expect(frame.contains("step 5 of 5"))
        #expect(frame.contains("Request filed"))
        #expect(try service.requests(accountId: accountId).count == 3)
    }

    @Test("the hint bar names what Enter and Esc do at each step")
    func hintLabels() throws {
        let harness = try Self.requests("lena.mueller", size: Size(width: 80, height: 24))
        try Self.press("n", harness)
        var bar = try #require(harness.lines.last)
        #expect(bar.contains("Enter next"))
        #expect(bar.contains("Esc close"))
        try Self.press("<Down><Down><Enter>", harness)
        bar = try #require(harness.lines.last)
        #expect(bar.contains("Enter next"))
        #expect(bar.contains("Esc back"))
        try Self.press("<End><Enter><Enter>", harness)
        #expect(harness.text.contains("step 4 of 5"))
        bar = try #require(harness.lines.last)
        #expect(bar.contains("Enter file request"))
        #expect(bar.contains("Esc back"))
        try Self.press(DashboardHarness.password + "<Enter>", harness)
        bar = try #require(harness.lines.last)
        #expect(bar.contains("Enter done"))
        #expect(!bar.contains("Enter open"))
    }

    @Test("an open request for the same right and scope is shown instead of filing twice", arguments: sizes)
    func duplicateWarning(size: Size) throws {
        let harness = try Self.requests("elodie.fournier", size: size)
        let service = RequestService(context: harness.context)
        let accountId = try harness.account("elodie.fournier").id
        let existing = try #require(try service.requests(accountId: accountId).first)
        let downs = try Self.downs(toRight: .correction, harness: harness)
        let text = try Self.press(
            "n" + downs + "<Enter>" + (try Self.downs(toField: "phone", harness: harness)) + "<Enter>", harness)
        let date = try #require(harness.dashboard.session?.formats.date(existing.filedAt))
        #expect(text.contains("You already have \(existing.reference) open for this, filed on \(date)."))
        #expect(!text.contains("step 3 of 5"))
        #expect(try service.requests(accountId: accountId).count == 1)
        // Esc goes back to the scope list; Enter on the warning closes the wizard and selects that request.
        let back = try Self.press("<Esc>", harness)
        #expect(back.contains("step 2 of 5"))
        #expect(!back.contains("You already have"))
        try Self.press("<Enter>", harness)
        let list = try Self.press("<Enter>", harness)
        #expect(!list.contains("step 2 of 5"))
        let row = try #require(harness.lines.first { $0.contains(existing.reference) })
        #expect(row.contains("▶"))
    }

    @Test("filing the same request for support twice shows the first one's reference")
    func duplicateAfterFiling() throws {
        let harness = try Self.requests("haruto.sato", size: Size(width: 80, height: 24))
        let receipt = try Self.press(Self.supportRequest + DashboardHarness.password + "<Enter>", harness)
        let reference = try #require(Self.reference(in: receipt))
        try Self.press("<Enter>", harness)
        let again = try Self.press("n<Down><Down><Enter><End><Enter>", harness)
        #expect(again.contains("You already have \(reference) open for this"))
        let service = RequestService(context: harness.context)
        #expect(try service.requests(accountId: harness.account("haruto.sato").id).count == 2)
    }

    @Test("a resize in the middle of the wizard keeps the step and the typed text")
    func resizeKeepsState() throws {
        let harness = try Self.requests("siobhan_oc", size: Size(width: 80, height: 24))
        let downs = try Self.downs(toRight: .correction, harness: harness)
        try Self.press(
            "n" + downs + "<Enter>" + (try Self.downs(toField: "fullName", harness: harness)) + "<Enter>", harness)
        try Self.press("Siobhan O'Connor-Lee", harness)
        let small = try Self.press("<Resize:72x22>", harness)
        #expect(small.contains("step 3 of 5"))
        #expect(small.contains("Siobhan O'Connor-Lee"))
        #expect(small.contains("Correct: Full name"))
        let large = try Self.press("<Resize:120x40>", harness)
        #expect(large.contains("step 3 of 5"))
        #expect(large.contains("Siobhan O'Connor-Lee"))
        try Self.press("<Resize:80x24>", harness)
        try Self.press("y<Enter><Enter>", harness)
        let identity = harness.text
        #expect(identity.contains("step 4 of 5"))
        #expect(identity.contains("Siobhan O'Connor-Leey"))
        try Self.press("demo-", harness)
        let resized = try Self.press("<Resize:72x22>", harness)
        #expect(resized.contains("step 4 of 5"))
        let receipt = try Self.press("privacy-2026<Enter>", harness)
        #expect(receipt.contains("Request filed"), "the password typed before and after the resize is whole")
        let stored = try RequestService(context: harness.context).require(
            reference: try #require(Self.reference(in: receipt)))
        #expect(stored.details.requestedValue == "Siobhan O'Connor-Leey")
    }

    @Test("Esc goes back one step, keeps what was typed, and closes the wizard at the first step")
    func escapeStepsBack() throws {
        let harness = try Self.requests("siobhan_oc", size: Size(width: 80, height: 24))
        try Self.press("n<Down><Down><Down><Enter>", harness)
        #expect(harness.text.contains("step 2 of 5"))
        #expect(harness.text.contains("What should the Portability request cover?"))
        try Self.press("<Down><Enter>", harness)
        #expect(harness.text.contains("step 3 of 5"))
        try Self.press("for my new provider<Enter>", harness)
        #expect(harness.text.contains("step 4 of 5"))
        let details = try Self.press("<Esc>", harness)
        #expect(details.contains("step 3 of 5"))
        #expect(details.contains("for my new provider"))
        let scope = try Self.press("<Esc>", harness)
        #expect(scope.contains("step 2 of 5"))
        #expect(harness.dashboard.currentScreen == .requests)
        // Typed text would be lost by quitting now, so q asks first.
        let asked = try Self.press("q", harness)
        #expect(asked.contains("Quit?"))
        try Self.press("n", harness)
        #expect(!harness.dashboard.isFinished)
        let forward = try Self.press("<Enter>", harness)
        #expect(forward.contains("for my new provider"), "the same scope keeps the note")
        try Self.press("<Esc><Esc>", harness)
        #expect(harness.text.contains("step 1 of 5"))
        let closed = try Self.press("<Esc>", harness)
        #expect(!closed.contains("step 1 of 5"))
        #expect(closed.contains("Days left"))
        // Without typed text, q quits at once.
        try Self.press("n", harness)
        try Self.press("q", harness)
        #expect(harness.dashboard.isFinished)
    }

    @Test("a password typed at the identity step counts as typed input, and stepping back forgets it")
    func identityPasswordIsStepLocal() throws {
        let harness = try Self.requests("lena.mueller", size: Size(width: 80, height: 24))
        let accountId = try harness.account("lena.mueller").id
        let service = RequestService(context: harness.context)
        try Self.press(Self.supportRequest + "half-typed", harness)
        // Only the password is typed, and quitting would lose it, so F10 asks first.
        let asked = try Self.press("<F10>", harness)
        #expect(asked.contains("Quit?"))
        try Self.press("n", harness)
        #expect(!harness.dashboard.isFinished)
        #expect(harness.text.contains("step 4 of 5"))
        // Back to the details and on again: the password field starts empty, so the password typed once files.
        try Self.press("<Esc>", harness)
        #expect(harness.text.contains("step 3 of 5"))
        let identity = try Self.press("<Enter>", harness)
        #expect(identity.contains("step 4 of 5"))
        let receipt = try Self.press(DashboardHarness.password + "<Enter>", harness)
        #expect(receipt.contains("Request filed"))
        #expect(try service.requests(accountId: accountId).count == 3)
    }

    @Test("choosing another scope clears the details typed for the first one")
    func otherScopeClearsDetails() throws {
        let harness = try Self.requests("siobhan_oc", size: Size(width: 80, height: 24))
        let downs = try Self.downs(toRight: .correction, harness: harness)
        try Self.press("n" + downs + "<Enter><Enter>typed for email<Esc><Down><Enter>", harness)
        #expect(harness.text.contains("Correct: Username"))
        #expect(!harness.text.contains("typed for email"))
    }

    @Test("a correction needs a new value, and 'other data' needs a note")
    func correctionNeedsValue() throws {
        let harness = try Self.requests("siobhan_oc", size: Size(width: 80, height: 24))
        let downs = try Self.downs(toRight: .correction, harness: harness)
        try Self.press("n" + downs + "<Enter><Enter><Enter>", harness)
        #expect(harness.text.contains("step 3 of 5"))
        try Self.press("<Down><Enter>", harness)
        #expect(harness.text.contains("Type what Sign-in email should be."))
        #expect(harness.text.contains("step 3 of 5"))
        try Self.press("<Esc><End><Enter>", harness)
        #expect(harness.text.contains("(required)"))
        try Self.press("<Enter>", harness)
        #expect(harness.text.contains("Say in the note which data is wrong"))
        try Self.press(
            "a film I never watched is in my history<Enter>" + DashboardHarness.password + "<Enter>", harness)
        let reference = try #require(Self.reference(in: harness.text))
        let stored = try RequestService(context: harness.context).require(reference: reference)
        #expect(stored.scope == .field(RequestScope.otherField))
        #expect(stored.details.note == "a film I never watched is in my history")
    }

    @Test("the wizard offers the catalogue's rights and only scopes the model accepts")
    func offersCatalogueChoices() throws {
        let harness = try Self.requests("lena.mueller", size: Size(width: 120, height: 40))
        let first = try Self.press("n", harness)
        for right in harness.context.catalogue.rights { #expect(first.contains(right.name)) }
        let downs = try Self.downs(toRight: .objection, harness: harness)
        let objection = try Self.press(downs + "<Enter>", harness)
        for purpose in harness.context.catalogue.purposes {
            #expect(objection.contains(purpose.name) == (purpose.objectable == true), "\(purpose.id)")
        }
        let deletion = try Self.press("<Esc><Up><Up><Enter>", harness)
        #expect(deletion.contains("Your whole account"))
        #expect(deletion.contains("Payment"))
    }

    @Test("a field the service holds no value for says so at the details step")
    func emptyHeldValue() throws {
        let harness = try Self.requests("siobhan_oc", size: Size(width: 80, height: 24))
        let downs = try Self.downs(toRight: .correction, harness: harness)
        let text = try Self.press(
            "n" + downs + "<Enter>" + (try Self.downs(toField: "phone", harness: harness)) + "<Enter>", harness)
        #expect(text.contains("Correct: Phone"))
        let held = try #require(harness.lines.first { $0.contains("Held now") })
        #expect(held.contains("(none)"))
    }
}
