import DashboardUI
import Foundation
import GRDB
import TerminalKit
import Testing

@testable import PrivacyModel

/// What a hostile client can send: absurd window sizes, huge pastes, stored text full of controls.
@Suite("hostile input")
@MainActor
struct HostileInputTests {
    @Test("a window far above the ceiling is drawn within the maximum, and the dashboard keeps working")
    func hugeWindow() throws {
        let harness = try DashboardHarness()
        try harness.press("<Resize:100000x100000>")
        #expect(harness.frame.size == Size.maximum)
        try harness.signIn()
        #expect(harness.dashboard.currentScreen == .overview)
        try harness.press("<Resize:4611686018427387904x2><Resize:80x24>")
        #expect(harness.frame.size == Size(width: 80, height: 24))
    }

    /// Text of `count` scalars cycling through every C0 control, DEL, C1 controls, bidi overrides and letters.
    static func controlText(count: Int) -> String {
        let pool: [UInt32] =
            Array(0x00...0x1F) + [0x7F] + Array(0x80...0x9F) + [0x202E, 0x2066, 0x200F] + [0x61, 0xE9]
        var text = String.UnicodeScalarView()
        for index in 0..<count { text.append(Unicode.Scalar(pool[index % pool.count]) ?? "?") }
        return String(text)
    }

    @Test("a field takes its limit of a long paste, drops the rest at once and shows that it is full")
    func pasteBeyondLimit() throws {
        var field = TextField(maxLength: 2000)
        for _ in 0..<5000 { _ = field.handle(.character("x")) }
        #expect(field.count == 2000 && field.text.count == 2000)
        #expect(field.refusedInput)
        var canvas = Canvas(size: Size(width: 40, height: 1))
        field.render(into: &canvas, x: 0, y: 0, width: 40, focused: true)
        #expect(canvas.line(0).hasSuffix("2000/2000"))
        _ = field.handle(.backspace)
        #expect(!field.refusedInput && field.count == 1999)
        _ = field.handle(.backspace)
        _ = field.handle(.character("e"))
        _ = field.handle(.character("\u{301}"))
        #expect(field.count == 1999 && field.cursor == 1999 && field.text.hasSuffix("é"))
    }

    @Test("a headless paste of 100 KB is handled without a frame per key")
    func pasteCoalesced() throws {
        let harness = try DashboardHarness()
        let paste = String(repeating: "p", count: 100_000)
        let events = try KeyNotation.parse(paste + "<Tab>")
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), events: events)
        let dashboard = Dashboard(context: harness.context, strings: harness.strings)
        let frame = DashboardRunner.runHeadless(dashboard, terminal: terminal)
        #expect(terminal.frameCount < 10)
        #expect(frame.contains("254/254"))
    }

    @Test("a pasted run is inserted at once: what fits is kept, line breaks are skipped, the rest is dropped")
    func pasteAsOneText() {
        var field = TextField(maxLength: 10)
        let handled = field.handle(.text("abc\u{2028}def"))
        #expect(handled)
        #expect(field.text == "abcdef" && field.cursor == 6 && !field.refusedInput)
        _ = field.handle(.left)
        _ = field.handle(.left)
        _ = field.handle(.text("XYZW\u{1B}Q"))
        #expect(field.text == "abcdXYZWef" && field.cursor == 8 && field.count == 10 && field.refusedInput)
        var merged = TextField(maxLength: 3)
        _ = merged.handle(.text("ab"))
        _ = merged.handle(.text("\u{301}cd"))
        #expect(merged.text == "ab\u{301}c" && merged.count == 3 && merged.refusedInput)
    }

    @Test("a pasted run is split into keys where they are commands, and a field one of them opens takes the rest")
    func pasteSplitIntoCommands() throws {
        let harness = try DashboardHarness()
        let events = try KeyNotation.parse("lena.mueller<Tab>\(DashboardHarness.password)<Enter>2/xyz")
        let terminal = InMemoryTerminal(size: Size(width: 80, height: 24), events: events)
        let dashboard = Dashboard(context: harness.context, strings: harness.strings)
        let frame = DashboardRunner.runHeadless(dashboard, terminal: terminal)
        #expect(dashboard.currentScreen == .myData)
        #expect(frame.plainText.contains("xyz"))
    }

    @Test("a 1 MB paste into the wizard's note is handled and drawn in bounded time")
    func megabytePasteBounded() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        try harness.signIn()
        try harness.press("4n<Enter><Enter>")
        let megabyte = 1_000_000
        let words = String(String(repeating: "lorem ipsum dolor sit amet ", count: megabyte / 27 + 1).prefix(megabyte))
        let terminal = InMemoryTerminal(size: Size(width: 120, height: 40), events: words.map { .key(.character($0)) })
        let started = ContinuousClock.now
        while terminal.hasPendingEvents { harness.dashboard.handle(terminal.nextEvent(timeoutMilliseconds: 0)) }
        let frame = harness.dashboard.render(size: terminal.size, glyphs: terminal.glyphs)
        // Generous for a debug build on a busy machine; key by key it took 31 s.
        #expect(ContinuousClock.now - started < .seconds(10))
        let limit = RequestDetails.maximumLength
        #expect(frame.plainText.contains("\(limit)/\(limit)"))
    }

    @Test("wrapping a megabyte of control characters is bounded, visible and fits the width")
    func wrapControls() {
        let text = Self.controlText(count: 1_000_000)
        let lines = TextWrap.lines(text, width: 60)
        #expect(lines.count == TextWrap.maximumLines)
        #expect(lines.last?.hasSuffix("…") == true)
        for line in lines.prefix(50) {
            #expect(TextWidth.columns(of: line) <= 60)
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        }
        #expect(TextWrap.lines("short words\nnext", width: 60) == ["short words", "next"])
        #expect(TextWrap.lines(String(repeating: "w", count: 130), width: 60).map(\.count) == [60, 60, 10])
    }

    @Test("a request whose stored note is a megabyte of controls shows its detail")
    func hugeStoredNote() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        let account = try harness.account("lena.mueller")
        let details = try JSONEncoder().encode(["note": Self.controlText(count: 1_000_000)])
        try harness.context.store.write { db in
            try db.execute(
                sql: "UPDATE rights_request SET details = ? WHERE accountId = ?",
                arguments: [String(decoding: details, as: UTF8.self), account.id])
        }
        try harness.signIn()
        let text = try harness.press("4<Enter>")
        #expect(text.contains("␛"))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("the Account screen refuses a name with a control character and says so, like the CLI")
    func nameWithControls() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        try harness.signIn()
        try harness.press("5<Down><Down>e<C-u>Lena\u{9B}31m<Enter>")
        #expect(harness.text.contains("control characters"))
        #expect(!harness.text.contains("between 1 and 200"))
        let account = try harness.account("lena.mueller")
        let profile = try AccountService(context: harness.context).profile(accountId: account.id)
        #expect(profile?.fullName == "Lena Müller")
    }

    @Test("the wizard refuses a note with a direction override at the details step, with the model's message")
    func noteWithControls() throws {
        let harness = try RequestWizardTests.requests("siobhan_oc", size: Size(width: 120, height: 40))
        let account = try harness.account("siobhan_oc")
        let before = try RequestService(context: harness.context).requests(accountId: account.id).count
        try RequestWizardTests.press(
            "n" + (try RequestWizardTests.downs(toRight: .correction, harness: harness)) + "<Enter>", harness)
        try RequestWizardTests.press(
            (try RequestWizardTests.downs(toField: "contactEmail", harness: harness)) + "<Enter>", harness)
        try harness.press("siobhan@example.ie<Enter>old\u{202E}txt.exe<Enter>")
        #expect(harness.text.contains("holds a control character"), "\(harness.text)")
        #expect(harness.text.contains("step 3 of 5"))
        #expect(try RequestService(context: harness.context).requests(accountId: account.id).count == before)
    }

    @Test("a record correction with a control character says so, and files nothing")
    func correctionWithControls() throws {
        let harness = try MyDataCorrectionTests.records("viewing")
        let account = try harness.account("lena.mueller")
        let before = try RequestService(context: harness.context).requests(accountId: account.id).count
        try harness.press("e<Down>")
        let refused = try harness.press("Film\u{9B}2J<Enter>")
        #expect(refused.contains("Correct a record"))
        #expect(refused.contains("holds a control character"), "\(refused)")
        #expect(try RequestService(context: harness.context).requests(accountId: account.id).count == before)
    }
}
