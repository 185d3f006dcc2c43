import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import Testing

@Suite("Sign-in: the failed attempts since the last visit")
@MainActor
struct SignInFailureNoticeTests {
    @Test("after two wrong passwords, the next sign-in says how many and when; the one after says nothing")
    func toldOnce() throws {
        let harness = try DashboardHarness()
        for _ in 0..<2 {
            try harness.press("<C-u>lena.mueller<Tab><C-u>nope<Enter><S-Tab>")
            harness.clock.advance(by: 60)
        }
        let latest = harness.clock.now().addingTimeInterval(-60)
        let text = try harness.press("<C-u>lena.mueller<Tab>\(DashboardHarness.password)<Enter>")
        #expect(harness.dashboard.currentScreen == .overview)
        let formats = Formats(language: "en")
        #expect(
            text.contains(
                "2 failed sign-ins since your last visit, the latest on \(formats.date(latest)) at "
                    + "\(formats.time(latest))."))

        let again = try DashboardHarness()
        let first = try again.signIn()
        #expect(!first.contains("failed sign-in"))
    }
}
