import PrivacyModel
import TerminalKit

/// The y/n question before an open request is cancelled.
@MainActor
enum RequestCancelDialog {
    /// Draws the question for `request` over the screen `area`.
    static func render(_ request: RightsRequest, into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 60, height: 8, title: strings["requests.cancel.title"],
            style: .borderFocused)
        let question = strings(
            "requests.cancel.question",
            [
                "reference": request.reference, "right": RequestText.rightName(request.type, session: session),
                "scope": RequestText.scope(request.scope, session: session),
                "date": session.formats.date(request.filedAt),
            ])
        let (body, keys) = inner.splitBottom(1)
        Dialog.paragraphs([question], into: &canvas, area: body)
        canvas.write(
            KeyHints.yesNo(strings: strings, glyphs: canvas.glyphs), x: keys.x, y: keys.y, width: keys.width,
            style: .accent)
    }
}
