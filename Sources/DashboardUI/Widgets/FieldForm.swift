public import TerminalKit

/// Labelled text fields one under another, then a status message: the shape of every form and
/// password dialog, drawn in one place so they all look and clip alike.
public enum FieldForm {
    /// A line under the fields: a notice ("checking…") or an error, wrapped to two lines at most.
    public struct Message: Sendable {
        /// The text.
        public let text: String
        /// How it reads.
        public let style: Style

        /// Makes a message.
        public init(_ text: String, style: Style) {
            self.text = text
            self.style = style
        }
    }

    /// Draws `fields` with their `labels` from row `y` (a blank row between fields), then `message`;
    /// returns the first row below what was drawn.
    @discardableResult
    public static func render(
        into canvas: inout Canvas, x: Int, y: Int, width: Int, labelWidth: Int, labels: [String], fields: [TextField],
        focus: Int, message: Message?
    ) -> Int {
        var row = y
        let fieldX = x + labelWidth + 1
        let fieldWidth = max(0, width - labelWidth - 1)
        for (index, field) in fields.enumerated() {
            let label = index < labels.count ? labels[index] : ""
            canvas.write(label, x: x, y: row, width: labelWidth, style: .heading)
            field.render(into: &canvas, x: fieldX, y: row, width: fieldWidth, focused: focus == index)
            row += 2
        }
        if let message {
            for line in TextWrap.lines(message.text, width: width).prefix(2) {
                canvas.write(line, x: x, y: row, width: width, style: message.style)
                row += 1
            }
        }
        return row
    }
}
