import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import TestSupport
import Testing

@Suite("Account screen")
@MainActor
struct AccountScreenTests {
    /// Signs Lena in and opens the Account screen.
    private func accountScreen(size: Size = Size(width: 80, height: 24)) throws -> DashboardHarness {
        let harness = try DashboardHarness(size: size)
        try harness.signIn()
        try harness.press("5")
        #expect(harness.dashboard.currentScreen == .account)
        return harness
    }

    @Test("the profile lists every field with the selected one highlighted and says what can be corrected")
    func profile() throws {
        let harness = try accountScreen()
        let text = harness.text
        for label in [
            "Sign-in email", "Username", "Full name", "Contact email", "Phone", "Country", "Language",
            "Date of birth", "Member since", "Last sign-in",
        ] {
            #expect(text.contains(label), "missing \(label)")
        }
        #expect(text.contains("lena.mueller"))
        #expect(text.contains("Lena Müller"))
        #expect(text.contains("correctable"))
        #expect(text.contains("by request"))
        #expect(harness.lines.contains { $0.contains("▶") && $0.contains("Sign-in email") })
        try harness.press("<Down><Down>")
        #expect(harness.lines.contains { $0.contains("▶") && $0.contains("Full name") })
    }

    @Test("correcting the full name changes the profile and files a completed correction with both values")
    func correctFullName() throws {
        let harness = try accountScreen()
        let account = try harness.account("lena.mueller")
        try harness.press("<Down><Down>e")
        #expect(harness.text.contains("Correct: Full name"))
        #expect(harness.text.contains("Lena Müller"))
        let text = try harness.press("Lena Marie Müller<Enter>")
        let profile = try AccountService(context: harness.context).profile(accountId: account.id)
        #expect(profile?.fullName == "Lena Marie Müller")
        let requests = try RequestService(context: harness.context).requests(accountId: account.id)
        let correction = try #require(requests.first { $0.type == .correction })
        #expect(correction.status == .completed)
        #expect(correction.scope == .field("fullName"))
        #expect(correction.details.field == "fullName")
        #expect(correction.details.currentValue == "Lena Müller")
        #expect(correction.details.requestedValue == "Lena Marie Müller")
        let events = try RequestService(context: harness.context).events(requestId: correction.id)
        #expect(events.last?.actor == .system)
        #expect(text.contains(correction.reference))
        #expect(text.contains("Full name corrected"))
        #expect(!text.contains("Correct: Full name"))
        #expect(text.contains("Lena Marie Müller"))
    }

    @Test("an invalid email is refused: nothing changes and no request is filed")
    func invalidEmail() throws {
        let harness = try accountScreen()
        let account = try harness.account("lena.mueller")
        let before = try RequestService(context: harness.context).requests(accountId: account.id).count
        let text = try harness.press("enot-an-email<Enter>")
        #expect(text.contains("is not a valid email address"))
        #expect(text.contains("Correct: Sign-in email"))
        #expect(try harness.account("lena.mueller").email == account.email)
        #expect(try RequestService(context: harness.context).requests(accountId: account.id).count == before)
    }

    @Test("the date of birth cannot be self-corrected, and the screen says why")
    func birthdateIsByRequest() throws {
        let harness = try accountScreen()
        try harness.press("<Down><Down><Down><Down><Down><Down><Down>")
        #expect(harness.text.contains("minimum age of \(harness.context.catalogue.minimumAge)"))
        let text = try harness.press("e")
        #expect(!text.contains("Correct:"))
        #expect(text.contains("Date of birth cannot be corrected here"))
    }

    @Test("a correction while a correction request for the field is open is refused with its reference")
    func duplicateCorrection() throws {
        let harness = try DashboardHarness()
        try harness.signIn("elodie.fournier")
        try harness.press("5<Down><Down><Down><Down>e+33 6 39 98 42 71<Enter>")
        let account = try harness.account("elodie.fournier")
        let open = try RequestService(context: harness.context).requests(accountId: account.id).first {
            $0.type == .correction && $0.isOpen
        }
        let reference = try #require(open?.reference)
        #expect(harness.text.contains(reference))
        #expect(
            try AccountService(context: harness.context).profile(accountId: account.id)?.phone != "+33 6 39 98 42 71")
    }

    @Test("changing the password: the new one signs in, the old one no longer does")
    func changePassword() throws {
        let harness = try accountScreen()
        let newPassword = "a-new-secret-2026"
        try harness.press("p")
        #expect(harness.text.contains("Change password"))
        try harness.press("\(DashboardHarness.password)<Tab>\(newPassword)<Tab>\(newPassword)")
        #expect(!harness.text.contains(newPassword))
        let text = try harness.press("<Enter>")
        #expect(text.contains("Password changed"))
        try harness.press("s")
        #expect(harness.dashboard.session == nil)
        try harness.signIn()
        #expect(harness.dashboard.session == nil)
        #expect(harness.text.contains(String(harness.strings["signin.invalid"].prefix(40))))
        try harness.press("<S-Tab><C-u>lena.mueller<Tab>\(newPassword)<Enter>")
        #expect(harness.dashboard.session != nil)
    }

    /// The dashboard's frame right now, rendered without running pending work.
    private func frame(_ harness: DashboardHarness) -> String {
        harness.dashboard.render(size: harness.terminal.size, glyphs: .unicode).plainText
    }

    @Test("changing the password shows that it is being checked before the check runs")
    func passwordCheckingFrame() throws {
        let harness = try accountScreen()
        let before = try harness.account("lena.mueller").passwordHash
        let newPassword = "a-new-secret-2026"
        try harness.press("p\(DashboardHarness.password)<Tab>\(newPassword)<Tab>\(newPassword)")
        harness.dashboard.handle(.key(.enter))
        #expect(harness.dashboard.hasPendingWork)
        let checking = frame(harness)
        #expect(checking.contains("Checking your password…"))
        #expect(checking.contains("Change password"))
        #expect(try harness.account("lena.mueller").passwordHash == before, "nothing changes before the check")
        harness.dashboard.performPendingWork()
        #expect(!harness.dashboard.hasPendingWork)
        let done = frame(harness)
        #expect(done.contains("Password changed"))
        #expect(!done.contains("Checking"))
        #expect(try harness.account("lena.mueller").passwordHash != before)
    }

    @Test("confirming the deletion shows that the password is being checked, then the session ends")
    func deletionCheckingFrame() throws {
        let harness = try accountScreen()
        let account = try harness.account("lena.mueller")
        try harness.press("D<Enter>\(account.email)<Tab>\(DashboardHarness.password)")
        harness.dashboard.handle(.key(.enter))
        #expect(harness.dashboard.hasPendingWork)
        let checking = frame(harness)
        #expect(checking.contains("Checking your password…"))
        #expect(checking.contains("Delete account: confirm"))
        #expect(harness.dashboard.session != nil)
        #expect(try harness.account("lena.mueller").status == .active, "nothing is deleted before the check")
        harness.dashboard.performPendingWork()
        #expect(harness.dashboard.session == nil)
        let signIn = frame(harness)
        #expect(signIn.contains("Your account is closed"))
        #expect(try harness.account("lena.mueller").status == .deletionPending)
    }

    @Test("a wrong password at the deletion check keeps the dialog with the reason")
    func deletionCheckWrongPassword() throws {
        let harness = try accountScreen()
        let account = try harness.account("lena.mueller")
        try harness.press("D<Enter>\(account.email)<Tab>not-my-password")
        harness.dashboard.handle(.key(.enter))
        #expect(frame(harness).contains("Checking your password…"))
        harness.dashboard.performPendingWork()
        let text = frame(harness)
        #expect(text.contains("The password is wrong"))
        #expect(!text.contains("Checking"))
        #expect(harness.dashboard.session != nil)
    }

    @Test("the hint bar names what Enter and Esc do in each dialog")
    func dialogHints() throws {
        let harness = try accountScreen()
        try harness.press("<Down><Down>e")
        var bar = try #require(harness.lines.last)
        #expect(bar.contains("Enter save"))
        #expect(bar.contains("Esc cancel"))
        try harness.press("<Esc>p")
        bar = try #require(harness.lines.last)
        #expect(bar.contains("Enter next field"))
        #expect(bar.contains("Esc cancel"))
        try harness.press("<Tab><Tab>")
        bar = try #require(harness.lines.last)
        #expect(bar.contains("Enter change password"))
        try harness.press("<Esc>D")
        bar = try #require(harness.lines.last)
        #expect(bar.contains("Enter continue"))
        #expect(bar.contains("Esc cancel"))
        try harness.press("<Enter><Tab>")
        bar = try #require(harness.lines.last)
        #expect(bar.contains("Enter delete account"))
        #expect(bar.contains("Esc back to dry run"))
        for size in ["72x22", "120x40"] {
            try harness.press("<Resize:\(size)>")
            #expect(harness.lines.last?.contains("Enter delete account") == true, "at \(size)")
            #expect(harness.lines.last?.contains("F1 help") == true, "at \(size)")
        }
    }

    @Test("a wrong current password, a mismatch and a short password are refused")
    func passwordRefusals() throws {
        let harness = try accountScreen()
        let account = try harness.account("lena.mueller")
        try harness.press("pwrong-password<Tab>a-new-secret-2026<Tab>a-new-secret-2026<Enter>")
        #expect(harness.text.contains("current password is wrong"))
        try harness.press("\(DashboardHarness.password)<Tab><Tab><C-u>something-else-1<Enter>")
        #expect(harness.text.contains("differ"))
        try harness.press("<Up><C-u>short<Tab>short<Enter>")
        #expect(harness.text.contains("too short"))
        #expect(harness.text.contains("Change password"))
        #expect(try harness.account("lena.mueller").passwordHash == account.passwordHash)
    }

    @Test("s signs out to the sign-in screen")
    func signOut() throws {
        let harness = try accountScreen()
        let text = try harness.press("s")
        #expect(harness.dashboard.session == nil)
        #expect(text.contains("Sign in"))
        #expect(text.contains("Signed out."))
    }

    @Test("deleting the account: dry run, wrong email refused, then the session ends with the purge date")
    func deleteAccount() throws {
        let harness = try accountScreen(size: Size(width: 120, height: 40))
        let account = try harness.account("lena.mueller")
        let purge = Formats(language: "en").date(TestDefaults.start.addingTimeInterval(30 * 86_400))
        try harness.press("D")
        var plan = harness.text
        try harness.press("<End>")
        plan += harness.text
        #expect(plan.contains("dry run"))
        #expect(plan.contains(purge))
        #expect(plan.contains("Payments:"))
        #expect(plan.contains("kept until"))
        #expect(plan.contains("7 years"))
        #expect(try harness.account("lena.mueller").status == .active)

        try harness.press("<Enter>")
        #expect(harness.text.contains("Delete account: confirm"))
        try harness.press("someone@example.com<Tab>\(DashboardHarness.password)<Enter>")
        #expect(harness.text.contains("not this account's sign-in email"))
        #expect(harness.dashboard.session != nil)

        try harness.press("<C-u>\(account.email)<Tab><C-u>wrong-password<Enter>")
        #expect(harness.text.contains("The password is wrong"))
        #expect(harness.dashboard.session != nil)
        #expect(try harness.account("lena.mueller").status == .active)

        let text = try harness.press("<S-Tab><C-u>\(account.email)<Tab>\(DashboardHarness.password)<Enter>")
        #expect(harness.dashboard.session == nil)
        #expect(text.contains("will be purged on"))
        #expect(text.contains(purge))
        #expect(try harness.account("lena.mueller").status == .deletionPending)

        try harness.signIn()
        #expect(harness.dashboard.session == nil)
        #expect(harness.text.contains("being deleted"))
        let outcome = try SignInService(context: harness.context).signIn(
            "lena.mueller", password: DashboardHarness.password)
        guard case .deletionPending(let purgeOn) = outcome else {
            Issue.record("expected deletion pending, got \(outcome)")
            return
        }
        #expect(Formats(language: "en").date(purgeOn) == purge)
    }

    @Test("the dry run scrolls and Esc cancels without deleting")
    func dryRunScrolls() throws {
        let harness = try accountScreen(size: Size(width: 72, height: 22))
        try harness.press("D")
        let top = harness.text
        #expect(top.contains("Lines 1–"))
        try harness.press("<PgDn>")
        #expect(harness.text != top)
        try harness.press("<Esc>")
        #expect(!harness.text.contains("dry run"))
        #expect(try harness.account("lena.mueller").status == .active)
    }

    @Test("typed input in a dialog makes quit ask, and q is text there")
    func unsavedInputAsks() throws {
        let harness = try accountScreen()
        try harness.press("<Down><Down>eq")
        #expect(!harness.dashboard.isFinished)
        #expect(harness.text.contains("Quit?") == false)
        try harness.press("<F10>")
        #expect(harness.text.contains("Quit?"))
        try harness.press("n")
        #expect(!harness.dashboard.isFinished)
        try harness.press("<Esc><F10>")
        #expect(harness.dashboard.isFinished)
    }

    @Test("resizing mid-dialog keeps the typed text")
    func resizeKeepsText() throws {
        let harness = try accountScreen()
        try harness.press("<Down><Down>eLena Resized")
        try harness.press("<Resize:72x22>")
        #expect(harness.text.contains("Lena Resized"))
        try harness.press("<Resize:120x40>")
        #expect(harness.text.contains("Lena Resized"))
        try harness.press("<Enter>")
        let account = try harness.account("lena.mueller")
        #expect(try AccountService(context: harness.context).profile(accountId: account.id)?.fullName == "Lena Resized")

        try harness.press("D<Enter>lena")
        try harness.press("<Resize:80x24>")
        #expect(harness.text.contains("lena"))
        #expect(harness.text.contains("Delete account: confirm"))
    }

    @Test("every view fits 72×22, 80×24 and 120×40 with no missing strings")
    func layouts() throws {
        for size in [Size(width: 72, height: 22), Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let harness = try accountScreen(size: size)
            var frames = [harness.text]
            frames.append(try harness.press("<Down><Down>e"))
            frames.append(try harness.press("x<Enter>"))
            frames.append(try harness.press("<Esc>p"))
            frames.append(try harness.press("a<Enter><Enter><Enter>"))
            frames.append(try harness.press("<Esc>D"))
            frames.append(try harness.press("<End>"))
            frames.append(try harness.press("<Enter>"))
            frames.append(try harness.press("x<Enter>"))
            frames.append(try harness.press("<Esc><Esc><End>e"))
            for frame in frames {
                #expect(!frame.contains("⟦"), "missing string at \(size): \(frame)")
            }
            // The footers of every dialog stay visible: their keys show in the dialog as well as in the bottom bar.
            func shown(_ text: String, in frame: String) -> Int { frame.components(separatedBy: text).count - 1 }
            #expect(shown("Enter save", in: frames[1]) == 2)
            #expect(shown("Esc cancel", in: frames[3]) == 2)
            #expect(shown("Esc back to dry run", in: frames[7]) == 2)
        }
    }
}
