import Foundation
import TerminalKit
import Testing

@testable import DashboardUI
@testable import PrivacyModel

/// Keys that arrive together (a paste, a burst of control characters) do bounded work where no field takes them:
/// the first few act, the rest is dropped at once with a message, and the next key after the burst acts again.
@Suite("bounded bursts of keys")
@MainActor
struct InputBurstTests {
    /// Hands over the events as they come, without a frame between them (one burst), then draws a frame.
    private func burst(_ events: [TerminalEvent], to harness: DashboardHarness) -> Canvas {
        for event in events where !harness.dashboard.isFinished { harness.dashboard.handle(event) }
        return harness.dashboard.render(size: harness.terminal.size, glyphs: harness.terminal.glyphs)
    }

    @Test("a 100 KB paste onto a screen without a field acts on its first keys only and says the rest was dropped")
    func pasteWithoutFieldIsDropped() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        #expect(harness.dashboard.currentScreen == .overview)
        // "3" would open Preferences: it comes after the typeahead, so it must not act.
        let paste = String(repeating: "x", count: InputBurst.typeahead) + "3" + String(repeating: "y", count: 100_000)
        let started = ContinuousClock.now
        let frame = burst([.key(.text(paste))], to: harness)
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(harness.dashboard.currentScreen == .overview)
        #expect(frame.plainText.contains(harness.strings["input.dropped"].prefix(30)))
        // The burst is over: the next key acts.
        harness.dashboard.inputPaused()
        try harness.press("3")
        #expect(harness.dashboard.currentScreen == .preferences)
    }

    @Test("typed-ahead commands still act, and a field one of them opens takes the rest of the run at once")
    func typeaheadOpensField() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        let frame = burst([.key(.text("2/" + String(repeating: "z", count: 500)))], to: harness)
        #expect(harness.dashboard.currentScreen == .myData)
        #expect(frame.plainText.contains("zzzzzzzzzz"))
        #expect(!frame.plainText.contains(harness.strings["input.dropped"].prefix(30)))
    }

    @Test("a burst of keys acts on at most a frame's worth of keys, and F10 still quits")
    func keyBurstIsBounded() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        // Keys one by one (not joined into a text run), alternating Preferences and Policy: had all of them acted,
        // the last ("3", at an even index) would leave Preferences on show; bounded, the 256th ("6") leaves Policy.
        let keys = (0...(InputBurst.keysPerFrame + 44)).map { TerminalEvent.key(.character($0 % 2 == 0 ? "3" : "6")) }
        let frame = burst(keys, to: harness)
        #expect(harness.dashboard.currentScreen == .policy)
        #expect(frame.plainText.contains(harness.strings["input.dropped"].prefix(30)))
        // Still dropping until the input pauses, even after a frame; quitting is never dropped.
        _ = burst([.key(.character("3"))], to: harness)
        #expect(harness.dashboard.currentScreen == .policy)
        _ = burst([.key(.tab), .key(.function(10))], to: harness)
        #expect(harness.dashboard.isFinished)
    }

    @Test("keys typed one at a time, each followed by a frame, are never dropped")
    func typingIsNeverDropped() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        for index in 0...(InputBurst.keysPerFrame + 10) { try harness.press(index % 2 == 0 ? "3" : "6") }
        #expect(harness.dashboard.currentScreen == .preferences)
    }
}
