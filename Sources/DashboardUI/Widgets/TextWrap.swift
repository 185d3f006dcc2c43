import TerminalKit

/// Breaks prose into lines that fit a width in display columns, at spaces where possible.
public enum TextWrap {
    /// The lines of `text` at `width` columns; explicit newlines start new paragraphs.
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var piece = String(word)
                var pieceWidth = TextWidth.columns(of: piece)
                if lineWidth > 0 && lineWidth + 1 + pieceWidth <= width {
                    line += " " + piece
                    lineWidth += 1 + pieceWidth
                    continue
                }
                if lineWidth > 0 {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                // A word longer than the line is split by columns.
                while pieceWidth > width {
                    var head = ""
                    var headWidth = 0
                    for character in piece {
                        let w = TextWidth.columns(of: character)
                        if headWidth + w > width { break }
                        head.append(character)
                        headWidth += w
                    }
                    if head.isEmpty { break }
                    result.append(head)
                    piece = String(piece.dropFirst(head.count))
                    pieceWidth = TextWidth.columns(of: piece)
                }
                line = piece
                lineWidth = pieceWidth
            }
            result.append(line)
        }
        return result
    }
}
