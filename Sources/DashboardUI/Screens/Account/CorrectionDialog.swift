import PrivacyModel
import TerminalKit

/// Corrects one profile field: shows the value held, takes the new one, and applies it on Enter.
@MainActor
struct CorrectionDialog: AccountDialog, Equatable {
    let field: ProfileField
    let current: String?
    private(set) var input = TextField(maxLength: 254)
    private(set) var error: String?

    /// Opens the dialog for a field and the value held now.
    init(field: ProfileField, current: String?) {
        self.field = field
        self.current = current
    }

    /// The new value is typed.
    var capturesText: Bool { true }

    /// Whether anything has been typed.
    var hasUnsavedInput: Bool { !input.isEmpty }

    /// Handles a key: editing, Enter to apply, Esc to cancel.
    mutating func update(_ key: ScreenInput, session: Session) -> DialogOutcome {
        switch key.action {
        case .select: return apply(session: session)
        case .back: return .close
        case .quit: return .passThrough
        case .some: return .stay
        case nil:
            _ = input.handle(key.key)
            return .stay
        }
    }

    private mutating func apply(session: Session) -> DialogOutcome {
        let strings = session.strings
        do {
            let receipt = try ProfileCorrectionService(context: session.context).correct(
                accountId: session.account.id, field: field, newValue: input.text)
            session.reloadAccount()
            session.show(
                strings(
                    "account.correct.done",
                    ["field": strings["account.field.\(field.rawValue)"], "reference": receipt.reference]),
                .success)
            return .close
        } catch {
            self.error = DialogMessage.text(for: error, strings: strings)
            return .stay
        }
    }

    /// Draws the dialog centred in `area`.
    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let label = strings["account.field.\(field.rawValue)"]
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 66, height: 13, title: strings("account.correct.title", ["field": label]))
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
        for line in TextWrap.lines(strings["account.correct.intro"], width: inner.width).prefix(2) {
            canvas.write(line, x: inner.x, y: y, width: inner.width, style: .muted)
            y += 1
        }
        y += 1
        let labelWidth = min(10, inner.width / 3)
        let valueX = inner.x + labelWidth + 1
        let valueWidth = inner.width - labelWidth - 1
        canvas.write(strings["account.correct.now"], x: inner.x, y: y, width: labelWidth, style: .heading)
        if let current {
            canvas.write(current, x: valueX, y: y, width: valueWidth)
        } else {
            canvas.write(strings["account.value.none"], x: valueX, y: y, width: valueWidth, style: .muted)
        }
        y += 2
        canvas.write(strings["account.correct.new"], x: inner.x, y: y, width: labelWidth, style: .heading)
        input.render(into: &canvas, x: valueX, y: y, width: valueWidth, focused: true)
        y += 1
        canvas.write(
            strings["account.correct.format.\(field.rawValue)"], x: valueX, y: y, width: valueWidth, style: .muted)
        y += 1
        if let error {
            for line in TextWrap.lines(error, width: inner.width).prefix(2) {
                canvas.write(line, x: inner.x, y: y, width: inner.width, style: .danger)
                y += 1
            }
        }
        let keys = KeyHints.footer(
            [KeyHint(.select), KeyHint(.back)], labels: hintLabels(strings: strings), strings: strings,
            glyphs: canvas.glyphs)
        canvas.write(
            keys, x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
    }
}
