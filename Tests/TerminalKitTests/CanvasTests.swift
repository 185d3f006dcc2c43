import Testing

@testable import TerminalKit

@Suite("Canvas")
struct CanvasTests {
    @Test("text is clipped by display width, ending in an ellipsis, and never wraps")
    func clipping() {
        var canvas = Canvas(size: Size(width: 12, height: 2))
        let used = canvas.write("Datenübertragbarkeit", x: 1, y: 0, width: 8)
        #expect(used == 8)
        #expect(canvas.line(0) == " Datenüb…")
        #expect(canvas.line(1) == "")
    }

    @Test("wide CJK characters take two columns and are not split at the edge")
    func wideCharacters() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        canvas.write("佐藤陽翔さん", x: 0, y: 0, width: 7, ellipsis: false)
        #expect(canvas.line(0) == "佐藤陽")
        #expect(canvas[0, 0].width == 2 && canvas[1, 0].width == 0)
        var withEllipsis = Canvas(size: Size(width: 10, height: 1))
        withEllipsis.write("佐藤陽翔さん", x: 0, y: 0, width: 6)
        #expect(withEllipsis.line(0) == "佐藤…")
    }

    @Test("combining marks take no column")
    func combining() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.write("e\u{301}te\u{301}", x: 0, y: 0)
        #expect(TextWidth.columns(of: "e\u{301}te\u{301}") == 3)
        #expect(canvas.line(0) == "e\u{301}te\u{301}")
        #expect(canvas[3, 0].grapheme == " ")
    }

    @Test("text stops at a border instead of overwriting it")
    func bordersHold() {
        var canvas = Canvas(size: Size(width: 10, height: 3))
        canvas.box(Rect(x: 0, y: 0, width: 10, height: 3))
        canvas.write("a long line of text", x: 1, y: 1)
        #expect(canvas.line(1) == "│a long l~│" || canvas.line(1).hasSuffix("│"))
        #expect(canvas[9, 1].grapheme == "│")
        canvas.write("over the top", x: 0, y: 0)
        #expect(canvas.line(0) == "┌────────┐")
    }

    @Test("a box title sits on the top border and stays a border")
    func boxTitle() {
        var canvas = Canvas(size: Size(width: 20, height: 3))
        canvas.box(Rect(x: 0, y: 0, width: 20, height: 3), title: "Sign in")
        #expect(canvas.line(0) == "┌─ Sign in ────────┐")
        canvas.write("xxxx", x: 3, y: 0)
        #expect(canvas.line(0) == "┌─ Sign in ────────┐")
    }

    @Test("escape sequences and control characters become visible placeholders")
    func sanitised() {
        var canvas = Canvas(size: Size(width: 40, height: 1))
        canvas.write("\u{1B}[31mred\u{1B}]0;pwned\u{07}\r", x: 0, y: 0)
        let line = canvas.line(0)
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(line.hasPrefix("␛[31mred␛]0;pwned␇␍"))
    }

    @Test("bidirectional overrides and C1 controls are replaced")
    func bidi() {
        #expect(TextSanitizer.visible("abc\u{202E}def\u{9B}") == "abc\u{FFFD}def\u{FFFD}")
        #expect(TextSanitizer.visible("Müller\u{1B}", asciiOnly: true) == "M?ller^[")
    }

    @Test("overwriting half of a wide character blanks the other half")
    func halfOverwrite() {
        var canvas = Canvas(size: Size(width: 6, height: 1))
        canvas.write("日本", x: 0, y: 0)
        canvas.write("x", x: 1, y: 0)
        #expect(canvas.line(0) == " x本")
    }

    @Test("padded writes align right and fill the width")
    func padded() {
        var canvas = Canvas(size: Size(width: 10, height: 1))
        canvas.writePadded("1,234", x: 0, y: 0, width: 8, alignRight: true)
        #expect(canvas.line(0) == "   1,234")
    }

    @Test("ASCII glyphs draw borders with plus, minus and bar")
    func asciiBorders() {
        var canvas = Canvas(size: Size(width: 6, height: 3), glyphs: .ascii(asciiText: false))
        canvas.box(Rect(x: 0, y: 0, width: 6, height: 3))
        #expect(canvas.lines == ["+----+", "|    |", "+----+"])
    }
}
