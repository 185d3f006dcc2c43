import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import Testing

@Suite("Sign-in screen")
@MainActor
struct SignInScreenTests {
    @Test("signing in with a username shows the overview tab with the person's name")
    func signIn() throws {
        let harness = try DashboardHarness()
        #expect(harness.text.contains("Sign in"))
        let screen = try harness.signIn()
        #expect(harness.dashboard.currentScreen == .overview)
        #expect(screen.contains("Lena Müller"))
        #expect(screen.contains("[1 Overview]"))
    }

    @Test("a wrong password and an unknown email get the same message, and the password is masked")
    func noEnumeration() throws {
        let harness = try DashboardHarness()
        try harness.press("lena.mueller<Tab>wrong-secret")
        #expect(!harness.text.contains("wrong-secret"))
        #expect(harness.text.contains("••••••••••••"))
        let wrongPassword = try harness.press("<Enter>")
        let message = harness.strings["signin.invalid"]
        #expect(wrongPassword.contains(String(message.prefix(40))))
        try harness.press("<S-Tab><C-u>nobody@example.com<Tab>wrong-secret<Enter>")
        #expect(harness.text.contains(String(message.prefix(40))))
        #expect(harness.dashboard.session == nil)
    }

    @Test("five failures lock the account with the time left, even with the right password")
    func lockout() throws {
        let harness = try DashboardHarness()
        for _ in 0..<5 { try harness.press("<C-u>lena.mueller<Tab><C-u>nope<Enter><S-Tab>") }
        let text = try harness.press("<C-u>lena.mueller<Tab>\(DashboardHarness.password)<Enter>")
        #expect(text.contains("locked for 15 more"))
        #expect(text.contains("(until 09:15)"))
        #expect(harness.dashboard.session == nil)
    }

    @Test("typing q or digits into a field is text, not a command")
    func lettersAreText() throws {
        let harness = try DashboardHarness()
        try harness.press("q17")
        #expect(!harness.dashboard.isFinished)
        #expect(harness.text.contains("q17"))
    }

    @Test("F10 with typed input asks before quitting; y quits")
    func quitAsks() throws {
        let harness = try DashboardHarness()
        try harness.press("lena<F10>")
        #expect(harness.text.contains("Quit?"))
        #expect(!harness.dashboard.isFinished)
        try harness.press("y")
        #expect(harness.dashboard.isFinished)
    }

    @Test("the idle timer signs a session out and says why")
    func idleSignOut() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        harness.clock.advance(by: 601)
        let text = try harness.press("<Tick>")
        #expect(harness.dashboard.session == nil)
        #expect(text.contains("Signed out after 10 minutes without activity"))
    }

    @Test("the demo accounts are listed on a demo store's sign-in screen")
    func demoCredentials() throws {
        let harness = try DashboardHarness(
            configuration: DashboardConfiguration(demoCredentials: [
                DemoCredential(identifier: "lena.mueller", password: DashboardHarness.password),
                DemoCredential(identifier: "siobhan_oc", password: "another-password"),
            ]))
        #expect(harness.text.contains("lena.mueller  password: demo-privacy-2026"))
    }

    @Test("demo accounts sharing one password show it once and list the names in columns")
    func demoSharedPassword() throws {
        let names = ["lena.mueller", "elodie.fournier", "haruto.sato", "siobhan_oc"]
        let harness = try DashboardHarness(
            configuration: DashboardConfiguration(
                demoCredentials: names.map { DemoCredential(identifier: $0, password: DashboardHarness.password) }))
        #expect(harness.text.contains("password demo-privacy-2026"))
        for name in names { #expect(harness.text.contains(name)) }
        #expect(!harness.text.contains("password: "))
    }

    @Test("Ctrl-C and F10 quit even while a text field has focus, asking first when something is typed")
    func controlCFromAField() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        try harness.press("4n<Enter><Enter><Enter>secret")
        try harness.press("<C-c>")
        #expect(harness.text.contains("Quit?"))
        try harness.press("n")
        #expect(!harness.dashboard.isFinished)
        try harness.press("<F10>y")
        #expect(harness.dashboard.isFinished)
    }
}
