import TerminalKit
import Testing

/// Characters waiting together (a paste) arrive as one text event, so a long paste is handled at once.
@Suite("text runs")
@MainActor
struct TextRunTests {
    @Test("characters queued together arrive as one text; other keys and single characters as they are")
    func joinsWaitingCharacters() throws {
        let terminal = InMemoryTerminal(
            size: Size(width: 80, height: 24), events: try KeyNotation.parse("ab<Tab>c<Enter>"))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.text("ab")))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.tab))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.character("c")))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.enter))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .closed(signal: nil))
    }

    @Test("a paste longer than the longest run arrives in several runs, none of them lost")
    func splitsLongRuns() {
        let count = Key.longestTextRun + 10
        let terminal = InMemoryTerminal(
            size: Size(width: 80, height: 24), events: Array(repeating: .key(.character("x")), count: count))
        var lengths: [Int] = []
        while terminal.hasPendingEvents {
            switch terminal.nextEvent(timeoutMilliseconds: 0) {
            case .key(.text(let text)): lengths.append(text.count)
            case .key(.character): lengths.append(1)
            default: break
            }
        }
        #expect(lengths == [Key.longestTextRun, 10])
    }
}
