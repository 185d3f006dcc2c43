import Testing

@testable import TerminalKit

@Suite("size ceiling")
@MainActor
struct SizeCeilingTests {
    @Test("a canvas asked for a huge or overflowing size holds at most the maximum")
    func canvasCeiling() {
        let huge = Canvas(size: Size(width: 65535, height: 65535))
        #expect(huge.size == Size.maximum)
        #expect(huge.cells.count == Size.maximum.width * Size.maximum.height)
        let overflowing = Canvas(size: Size(width: 4_611_686_018_427_387_904, height: 2))
        #expect(overflowing.size == Size(width: Size.maximum.width, height: 2))
    }

    @Test("an in-memory terminal resized beyond the maximum reports the maximum")
    func terminalCeiling() throws {
        let terminal = InMemoryTerminal(
            size: Size(width: 80, height: 24), events: try KeyNotation.parse("<Resize:100000x100000>"))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .resize(Size.maximum))
        #expect(terminal.size == Size.maximum)
    }
}
