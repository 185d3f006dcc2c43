/// Line-drawing characters and symbols, in Unicode or plain ASCII.
///
/// ASCII is used when the locale's codeset is not UTF-8 or `--ascii` is given, so borders and
/// markers still read correctly on any terminal.
public struct Glyphs: Sendable, Hashable {
    /// Horizontal border.
    public let horizontal: Character
    /// Vertical border.
    public let vertical: Character
    /// Corners: top left, top right, bottom left, bottom right.
    public let topLeft: Character, topRight: Character, bottomLeft: Character, bottomRight: Character
    /// Marks text cut short.
    public let ellipsis: Character
    /// A full block for bars.
    public let fullBlock: Character
    /// Eighth-width blocks for bar ends, narrowest first (empty in ASCII).
    public let partialBlocks: [Character]
    /// Sparkline levels, lowest first.
    public let sparkLevels: [Character]
    /// Marks the selected row in addition to its style.
    public let pointer: Character
    /// Separates items in the bottom bar and breadcrumbs.
    public let separator: String
    /// Up and down arrows for "more above/below".
    public let arrowUp: Character, arrowDown: Character
    /// Right arrow, for "old → new".
    public let arrowRight: String
    /// A bullet for lists.
    public let bullet: Character
    /// A password mask character.
    public let mask: Character
    /// Marks that go with a message's tone, so meaning never rests on colour alone: done, needs
    /// attention, failed, for information.
    public let successMark: String, warningMark: String, dangerMark: String, infoMark: String
    /// Whether these are the ASCII glyphs (`--ascii` or a non-UTF-8 codeset), so key names avoid arrows too.
    public let isASCII: Bool
    /// Whether only ASCII may be written (the codeset is not UTF-8).
    public let asciiText: Bool

    /// Unicode box drawing and block elements.
    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        ellipsis: "…", fullBlock: "█", partialBlocks: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"],
        sparkLevels: ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], pointer: "▶", separator: " · ",
        arrowUp: "↑", arrowDown: "↓", arrowRight: "→", bullet: "•", mask: "•", successMark: "✓",
        warningMark: "!", dangerMark: "✗", infoMark: "i", isASCII: false, asciiText: false)

    /// Plain ASCII; `asciiText` also keeps stored text to ASCII (for non-UTF-8 codesets).
    public static func ascii(asciiText: Bool) -> Glyphs {
        Glyphs(
            horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
            ellipsis: "~", fullBlock: "#", partialBlocks: [], sparkLevels: ["_", ".", "-", "~", "=", "*", "%", "#"],
            pointer: ">", separator: " | ", arrowUp: "^", arrowDown: "v", arrowRight: "->", bullet: "*", mask: "*",
            successMark: "OK", warningMark: "!", dangerMark: "x", infoMark: "i", isASCII: true, asciiText: asciiText)
    }

    /// A key's name as these glyphs write it: "↑" or "Up", "Enter", "^A".
    public func label(of key: Key) -> String {
        isASCII ? key.asciiLabel : key.label
    }
}
