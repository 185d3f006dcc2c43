import DashboardUI
import Foundation
import TerminalKit
import Testing

@Suite("Golden frames at 72×22")
@MainActor
struct GoldenFrameTests {
    /// The smallest size the dashboard draws at: every row and column of it is compared.
    private static let size = Size(width: 72, height: 22)

    /// A dashboard at 72×22 on the seeded store, in English, signed in as Lena unless `signedIn` is false.
    private func harness(signedIn: Bool = true) throws -> DashboardHarness {
        let harness = try DashboardHarness(size: Self.size)
        if signedIn { try harness.signIn() }
        return harness
    }

    @Test("the sign-in form")
    func signIn() throws {
        try GoldenFrame.expect(harness(signedIn: false).text, matches: "sign-in")
    }

    @Test(
        "each signed-in screen as its tab key opens it",
        arguments: [
            ("1", "overview"), ("2", "my-data"), ("3", "preferences"), ("4", "requests"), ("5", "account"),
            ("6", "policy"),
        ])
    func screen(key: String, name: String) throws {
        let harness = try harness()
        try GoldenFrame.expect(harness.press(key), matches: name)
    }

    @Test("the first request's detail")
    func requestDetail() throws {
        let harness = try harness()
        try harness.press("4")
        try GoldenFrame.expect(harness.press("<Enter>"), matches: "request-detail")
    }

    @Test("the request wizard's first step")
    func wizardFirstStep() throws {
        let harness = try harness()
        try harness.press("4")
        try GoldenFrame.expect(harness.press("n"), matches: "wizard-first-step")
    }

    @Test("the help overlay")
    func help() throws {
        let harness = try harness()
        try GoldenFrame.expect(harness.press("?"), matches: "help")
    }

    @Test("the too-small notice below 72×22")
    func tooSmall() throws {
        let harness = try harness()
        try GoldenFrame.expect(harness.press("<Resize:60x16>"), matches: "too-small")
    }

    @Test("a changed row fails with both versions of it")
    func diffShowsRows() {
        let diff = GoldenFrame.diff(expected: "same\nold\nsame", actual: "same\nnew\nsame")
        #expect(diff == "row 2 - |old|\nrow 2 + |new|")
    }
}
