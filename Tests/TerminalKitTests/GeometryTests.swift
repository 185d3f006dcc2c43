import Testing

@testable import TerminalKit

@Suite("Geometry")
struct GeometryTests {
    @Test("sizes parse from the command-line form and refuse nonsense")
    func parseSize() {
        #expect(Size(parsing: "100x30") == Size(width: 100, height: 30))
        #expect(Size(parsing: "80×24") == Size(width: 80, height: 24))
        #expect(Size(parsing: "0x10") == nil)
        #expect(Size(parsing: "wide") == nil)
    }

    @Test("splitting a rectangle never yields negative extents")
    func split() {
        let area = Rect(x: 2, y: 3, width: 10, height: 4)
        let (top, rest) = area.splitTop(6)
        #expect(top.height == 4 && rest.height == 0)
        #expect(area.inset(dx: 6, dy: 0).width == 0)
        #expect(area.centred(width: 4, height: 2) == Rect(x: 5, y: 4, width: 4, height: 2))
    }
}
