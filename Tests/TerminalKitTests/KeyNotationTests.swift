import Testing

@testable import TerminalKit

@Suite("Key notation and rendering")
struct KeyNotationTests {
    @Test("key scripts mix literal text and named keys")
    func parse() throws {
        let events = try KeyNotation.parse("ab<Tab><s-tab><Enter><PgDn><C-l><F1><Space><lt><Resize:80x24><Tick>")
        #expect(
            events == [
                .key(.character("a")), .key(.character("b")), .key(.tab), .key(.backTab), .key(.enter),
                .key(.pageDown), .key(.control("l")), .key(.function(1)), .key(.character(" ")),
                .key(.character("<")), .resize(Size(width: 80, height: 24)), .tick,
            ])
    }

    @Test("an unknown name is refused with a message naming it")
    func unknown() {
        #expect(throws: KeyNotation.ParseError(name: "Bogus")) { try KeyNotation.parse("<Bogus>") }
        #expect(
            (try? KeyNotation.parse("a<b")) == [.key(.character("a")), .key(.character("<")), .key(.character("b"))])
    }

    @Test("ANSI rendering emits SGR per style change and ends lines with a reset")
    func ansi() {
        var canvas = Canvas(size: Size(width: 4, height: 1))
        canvas.write("ab", x: 0, y: 0, style: .danger)
        let text = ANSIRenderer.render(canvas, theme: Theme(kind: .color8))
        #expect(text.hasPrefix("\u{1B}[0;1;31mab\u{1B}[0m  ") || text.hasPrefix("\u{1B}[0;1;31mab"))
        #expect(text.hasSuffix("\u{1B}[0m\n"))
    }

    @Test("the monochrome theme keeps selection, danger and headings distinct without colour")
    func monochrome() {
        let theme = Theme.choose(noColor: true, colors: 256)
        #expect(theme.kind == .monochrome)
        let looks = [Style.normal, .selected, .danger, .heading].map { theme.attributes($0) }
        #expect(Set(looks).count == 4)
        #expect(looks.allSatisfy { $0.foreground == nil && $0.background == nil })
        #expect(Theme.choose(noColor: false, colors: 8).kind == .color8)
    }

    @Test("NO_COLOR in the environment means no colour")
    func noColorEnvironment() {
        #expect(TerminalOptions.from(environment: ["NO_COLOR": "1"], ascii: false, noColor: false).noColor)
        #expect(!TerminalOptions.from(environment: ["NO_COLOR": ""], ascii: false, noColor: false).noColor)
        #expect(TerminalOptions.from(environment: ["ESCDELAY": "100"], ascii: false, noColor: false).userEscDelay)
    }
}
