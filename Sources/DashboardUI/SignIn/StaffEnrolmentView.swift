import PrivacyModel
import TerminalKit

/// The staff door's authenticator set-up on screen: the secret in groups of four, the `otpauth://` URI, the QR code
/// beside them when the terminal has room (else a line saying how big it must be), and the check-code field; then
/// the recovery codes, shown this once.
enum StaffEnrolmentView {
    /// The narrowest the text column beside the QR code may get.
    static let textWidth = 40

    /// Draws the set-up of `enrolment` with the check-code field into `area`.
    static func render(
        _ enrolment: StaffEnrolment, code: TextField, message: FieldForm.Message?, into canvas: inout Canvas,
        area: Rect, strings: Strings
    ) {
        canvas.fill(area)
        canvas.box(area, title: strings["staffSignIn.enrol.title"], style: .borderFocused)
        let inner = Rect(x: area.x + 2, y: area.y + 1, width: area.width - 4, height: area.height - 2)
        guard inner.width > 8, inner.height > 2 else { return }
        let qr = QRCodeText.lines(encoding: enrolment.uri, ascii: canvas.glyphs.isASCII) ?? []
        let qrWidth = qr.first.map { TextWidth.columns(of: $0) } ?? 0
        let fits = !qr.isEmpty && inner.width >= qrWidth + 2 + textWidth && inner.height >= qr.count
        let width = fits ? inner.width - qrWidth - 2 : inner.width
        var y = inner.y
        func line(_ text: String, _ style: Style) {
            guard y < inner.maxY else { return }
            canvas.write(text, x: inner.x, y: y, width: width, style: style)
            y += 1
        }
        for text in TextWrap.lines(strings["staffSignIn.enrol.intro"], width: width, maxLines: 4) { line(text, .muted) }
        y += 1
        line(strings["staffSignIn.enrol.secret"], .heading)
        line(enrolment.groupedSecret, .accent)
        y += 1
        line(strings["staffSignIn.enrol.uri"], .heading)
        // The URI has no spaces to wrap at: cut it into rows of the column's width.
        var rest = Substring(enrolment.uri)
        while !rest.isEmpty {
            line(String(rest.prefix(width)), .normal)
            rest = rest.dropFirst(width)
        }
        if !fits {
            // The terminal's size for which the text column and the code fit inside the box.
            let needed = Size(
                width: canvas.size.width - inner.width + qrWidth + 2 + textWidth,
                height: canvas.size.height - inner.height + qr.count)
            for text in TextWrap.lines(
                strings("staffSignIn.enrol.qrTooSmall", ["size": "\(needed.width)x\(needed.height)"]), width: width,
                maxLines: 2)
            {
                line(text, .warning)
            }
        }
        y += 1
        if y < inner.maxY {
            FieldForm.render(
                into: &canvas, x: inner.x, y: y, width: width, labelWidth: min(18, width / 3),
                labels: [strings["staffSignIn.enrol.check"]], fields: [code], focus: 0, message: message)
        }
        guard fits else { return }
        let qrX = inner.maxX - qrWidth
        for (row, text) in qr.enumerated() {
            canvas.write(text, x: qrX, y: inner.y + row, width: qrWidth, style: .normal)
        }
    }

    /// Draws the recovery codes, two to a row, with what to do with them.
    static func render(recoveryCodes: [String], into canvas: inout Canvas, area: Rect, strings: Strings) {
        let inner = Dialog.frame(
            into: &canvas, area: area, width: min(66, area.width - 2),
            height: min(area.height, 9 + (recoveryCodes.count + 1) / 2), title: strings["staffSignIn.recovery.title"])
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
        for text in TextWrap.lines(strings["staffSignIn.recovery.intro"], width: inner.width, maxLines: 3) {
            canvas.write(text, x: inner.x, y: y, width: inner.width, style: .warning)
            y += 1
        }
        y += 1
        let column = max(1, inner.width / 2)
        for (index, code) in recoveryCodes.enumerated() {
            canvas.write(
                code, x: inner.x + (index % 2) * column, y: y + index / 2, width: column, style: .accent)
        }
        y += (recoveryCodes.count + 1) / 2 + 1
        canvas.write(strings["staffSignIn.recovery.once"], x: inner.x, y: y, width: inner.width, style: .muted)
    }
}
