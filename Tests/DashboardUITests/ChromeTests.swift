import DashboardUI
import Foundation
import TerminalKit
import Testing

@testable import PrivacyModel

@Suite("Chrome, help and the too-small screen")
@MainActor
struct ChromeTests {
    @Test("below the minimum size the screen says so with both sizes, and recovers when enlarged")
    func tooSmall() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        let small = try harness.press("<Resize:50x12>")
        #expect(small.contains("Terminal too small"))
        #expect(small.contains("Needs 72×22, now 50×12"))
        let back = try harness.press("<Resize:80x24>")
        #expect(back.contains("[1 Overview]"))
    }

    @Test("q on the too-small screen before sign-in quits, as the notice says")
    func tooSmallQuitsBeforeSignIn() throws {
        let harness = try DashboardHarness()
        let small = try harness.press("<Resize:60x16>")
        #expect(small.contains("Terminal too small"))
        try harness.press("q")
        #expect(harness.dashboard.isFinished)
    }

    @Test("the help overlay lists every binding of the key table but the staff console's")
    func helpListsEveryBinding() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        try harness.signIn()
        try harness.press("?")
        var seen = harness.text
        for _ in 0..<6 { seen += try harness.press("<PgDn>") }
        for binding in KeyBindings.table where !BindingContext.console.contains(binding.context) {
            #expect(seen.contains(harness.strings[binding.help]), "help misses \(binding.action)")
        }
        let closed = try harness.press("<Esc>")
        #expect(!closed.contains(harness.strings["help.title"] + " "))
    }

    @Test("the bottom bar shows the help key at every width from the minimum up")
    func helpHintAtEveryWidth() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        for width in [72, 80, 100, 160] {
            try harness.press("<Resize:\(width)x24>")
            #expect(harness.lines.last?.contains("? help") == true, "no help hint at width \(width)")
        }
    }

    @Test("number keys jump between screens and Tab moves to the next")
    func jumping() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        try harness.press("6")
        #expect(harness.dashboard.currentScreen == .policy)
        try harness.press("1")
        #expect(harness.dashboard.currentScreen == .overview)
    }

    @Test("a name holding escape sequences is shown as placeholders and never reaches the terminal as control codes")
    func hostileName() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        try harness.context.store.write { db in
            try db.execute(
                sql: "UPDATE profile SET fullName = ? WHERE accountId = ?",
                arguments: ["\u{1B}]0;owned\u{07}\u{1B}[2JEve\u{9B}31m", account.id])
        }
        let text = try harness.signIn()
        #expect(text.contains("␛]0;owned␇␛[2JEve"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x80..<0xA0).contains($0.value) })
        let ansi = ANSIRenderer.render(harness.frame, theme: Theme(kind: .color256))
        // The only escapes in the output are the renderer's own SGR sequences.
        let escapes = ansi.components(separatedBy: "\u{1B}").dropFirst()
        #expect(escapes.allSatisfy { $0.hasPrefix("[0") })
    }
}
