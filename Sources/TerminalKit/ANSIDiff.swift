/// The bytes a terminal is sent to turn one frame into the next: only the cells that changed, each run placed
/// with a cursor move and styled with SGR sequences, as a curses-style front sends them.
///
/// Used to measure and test the output cost of a key (a key that repaints a whole border costs far more than
/// one that moves a selection).
public enum ANSIDiff {
    /// The escape sequences and text that update `old` to `new` (the whole of `new` when the sizes differ).
    public static func render(from old: Canvas, to new: Canvas, theme: Theme) -> String {
        let whole = old.size != new.size
        var output = ""
        var current: Style?
        var cursor: (x: Int, y: Int)?
        for y in 0..<new.size.height {
            for x in 0..<new.size.width {
                let cell = new[x, y]
                let before = old[x, y]
                let changed =
                    cell.grapheme != before.grapheme || cell.style != before.style || cell.width != before.width
                guard cell.width > 0, whole || changed else { continue }
                if cursor.map({ $0.x != x || $0.y != y }) ?? true {
                    output += "\u{1B}[\(y + 1);\(x + 1)H"
                }
                if cell.style != current {
                    output += ANSIRenderer.sequence(theme.attributes(cell.style))
                    current = cell.style
                }
                output += cell.grapheme
                cursor = (x + Int(cell.width), y)
            }
        }
        return output
    }
}
