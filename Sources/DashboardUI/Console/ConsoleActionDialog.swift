import TerminalKit

/// A dialog the request view opens over itself for an action on the subscriber's account (a password reset, an
/// under-age closure), so the view holds and routes either the same way.
@MainActor
protocol ConsoleActionDialog {
    /// Whether leaving now would lose something the member of staff has not seen through.
    var hasUnsavedInput: Bool { get }
    /// Handles one key.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> ConsoleStepDialog.Outcome
    /// Draws the dialog centred in `area`.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession)
}

extension ConsoleActionDialog {
    /// Writes wrapped paragraphs from `y` down, in `style`, and returns the row after the last one written.
    func paragraphs(
        _ texts: [String], into canvas: inout Canvas, inner: Rect, y: Int, style: Style = .normal
    ) -> Int {
        var y = y
        for text in texts {
            for line in TextWrap.lines(text, width: inner.width) where y < inner.maxY - 1 {
                canvas.write(line, x: inner.x, y: y, width: inner.width, style: style)
                y += 1
            }
            y += 1
        }
        return y
    }
}
