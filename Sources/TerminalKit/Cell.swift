/// One character cell of a canvas.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown here; empty for the right half of a wide character.
    public var grapheme: String
    /// Columns the grapheme covers: 1, 2 for wide characters, 0 for the cell a wide one spills into.
    public var width: UInt8
    /// What the cell means; the theme decides how it looks.
    public var style: Style
    /// Part of a panel border: text writes never overwrite it.
    public var isBorder: Bool

    /// A blank cell in a style.
    public static func blank(_ style: Style = .normal) -> Cell {
        Cell(grapheme: " ", width: 1, style: style, isBorder: false)
    }
}
