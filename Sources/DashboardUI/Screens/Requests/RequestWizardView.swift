import PrivacyModel
import TerminalKit

/// Draws the wizard's current step as a dialog over the request list, from the wizard's state alone.
@MainActor
enum RequestWizardView {
    /// Draws the dialog for the wizard's step inside the screen `area`.
    static func render(_ wizard: RequestWizard, into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let step = wizard.step
        let title = strings(
            "requests.wizard.title",
            [
                "step": String(step.rawValue), "count": String(RequestWizard.Step.allCases.count),
                "name": wizard.hasWorkRunning
                    ? strings["requests.wizard.step.working"] : strings["requests.wizard.step.\(step)"],
            ])
        let inner = Dialog.frame(
            into: &canvas, area: area, width: RequestWizardLayout.width(in: area),
            height: RequestWizardLayout.height(in: area), title: title)
        guard inner.height > 2, inner.width > 8 else { return }
        let (body, footer) = inner.splitBottom(2)
        var keysShown = true
        if let message = wizard.message {
            let text = message.kind.mark(canvas.glyphs) + " " + message.text
            // A failure too long for one row takes the key line's row too, so it is read whole.
            let wrapped = TextWrap.lines(text, width: footer.width)
            let rows = message.kind == .danger && wrapped.count > 1 ? Array(wrapped.prefix(3)) : [text]
            // A third row, if needed, takes the body's last row (cleared first).
            let top = footer.y - max(0, rows.count - 2)
            canvas.fill(Rect(x: footer.x, y: top, width: footer.width, height: footer.y - top))
            for (index, row) in rows.enumerated() {
                canvas.write(row, x: footer.x, y: top + index, width: footer.width, style: message.kind.style)
            }
            keysShown = rows.count < 2
        }
        if keysShown {
            let keys =
                wizard.hasWorkRunning && !wizard.showsProgress
                ? strings["requests.wizard.keys.working"]
                : KeyHints.footer(
                    footerHints(wizard, step: step, session: session), labels: wizard.hintLabels(strings: strings),
                    contexts: [.form, .checklist], strings: strings, glyphs: canvas.glyphs)
            canvas.write(keys, x: footer.x, y: footer.maxY - 1, width: footer.width, style: .muted)
        }
        switch wizard.stage {
        case .right: renderRights(wizard, into: &canvas, body: body, area: area, session: session)
        case .scope(let duplicate?):
            renderDuplicate(
                duplicate.request, resumable: duplicate.carriesOut, into: &canvas, body: body, session: session)
        case .scope: renderScopes(wizard, into: &canvas, body: body, area: area, session: session)
        case .details:
            if let form = wizard.form { renderDetails(wizard, form: form, into: &canvas, body: body, session: session) }
        case .identity(let password, _):
            renderIdentity(wizard, password: password, into: &canvas, body: body, session: session)
        case .working(let work, let effect):
            if effect.exports {
                RequestFulfilmentPanels.renderProgress(work, into: &canvas, body: body, session: session)
            } else {
                RequestFulfilmentPanels.renderWorking(into: &canvas, body: body, session: session)
            }
        case .receipt(let request, let outcome):
            renderReceipt(request, outcome: outcome, into: &canvas, body: body, session: session)
        }
    }

    // MARK: Steps

    private static func renderRights(
        _ wizard: RequestWizard, into canvas: inout Canvas, body: Rect, area: Rect, session: Session
    ) {
        let rights = RequestWizard.rights(session: session)
        let items = rights.map { (label: $0.name, summary: $0.summary) }
        renderChoice(
            prompt: session.strings["requests.wizard.right.prompt"], items: items, list: wizard.rightList,
            explanation: wizard.chosenRight(session: session)?.summary ?? "", into: &canvas, body: body, area: area)
    }

    private static func renderScopes(
        _ wizard: RequestWizard, into canvas: inout Canvas, body: Rect, area: Rect, session: Session
    ) {
        let options = wizard.scopeOptions(session: session)
        let rightName = wizard.chosenRight(session: session)?.name ?? ""
        renderChoice(
            prompt: session.strings("requests.wizard.scope.prompt", ["right": rightName]),
            items: options.map { (label: $0.label, summary: $0.summary) }, list: wizard.scopeList,
            explanation: wizard.chosenScope(session: session)?.explanation ?? "", into: &canvas, body: body, area: area)
    }

    /// A question, a scrolling list of choices with their summaries, and the highlighted one explained.
    private static func renderChoice(
        prompt: String, items: [(label: String, summary: String)], list: ListState, explanation: String,
        into canvas: inout Canvas, body: Rect, area: Rect
    ) {
        canvas.write(prompt, x: body.x, y: body.y, width: body.width, style: .heading)
        let rows = min(RequestWizardLayout.listRows(in: area), max(0, body.height - RequestWizardLayout.rowsAboveList))
        let offset = list.visibleOffset(visible: rows)
        let labelWidth = min(items.map { TextWidth.columns(of: $0.label) }.max() ?? 0, body.width / 2)
        for line in 0..<rows {
            let index = offset + line
            guard index < items.count else { break }
            let y = body.y + RequestWizardLayout.rowsAboveList + line
            let selected = index == list.selected
            let rowStyle: Style = selected ? .selected : .normal
            canvas.fill(Rect(x: body.x, y: y, width: body.width, height: 1), style: selected ? .selected : .normal)
            if selected { canvas.write(String(canvas.glyphs.pointer), x: body.x, y: y, width: 1, style: rowStyle) }
            let textWidth = body.width - 4
            canvas.writePadded(
                items[index].label, x: body.x + 2, y: y, width: min(labelWidth, textWidth), style: rowStyle)
            let summaryX = body.x + 2 + labelWidth + 2
            if summaryX < body.x + textWidth {
                canvas.write(
                    items[index].summary, x: summaryX, y: y, width: body.x + textWidth - summaryX + 2,
                    style: selected ? .selected : .muted)
            }
            if line == 0 && offset > 0 {
                canvas.write(String(canvas.glyphs.arrowUp), x: body.maxX - 1, y: y, width: 1, style: .accent)
            }
            if line == rows - 1 && index < items.count - 1 {
                canvas.write(String(canvas.glyphs.arrowDown), x: body.maxX - 1, y: y, width: 1, style: .accent)
            }
        }
        let explanationY = body.y + RequestWizardLayout.rowsAboveList + rows + 1
        let explanationArea = Rect(
            x: body.x, y: explanationY, width: body.width, height: max(0, body.maxY - explanationY))
        Dialog.paragraphs([explanation], into: &canvas, area: explanationArea, style: .muted)
    }

    private static func renderDuplicate(
        _ duplicate: RightsRequest, resumable: Bool, into canvas: inout Canvas, body: Rect, session: Session
    ) {
        let strings = session.strings
        let formats = session.formats
        var lines = [
            RequestStyledLine(
                Flash.Kind.warning.mark(canvas.glyphs) + " " + strings["requests.duplicate.title"], style: .warning)
        ]
        lines.append(.blank)
        lines += RequestStyledLine.wrapped(
            strings(
                "requests.duplicate.text",
                [
                    "reference": duplicate.reference, "date": formats.date(duplicate.filedAt),
                ]), width: body.width)
        lines.append(.blank)
        let labels = [strings["requests.label.status"], strings["requests.label.due"]]
        let labelWidth = labels.map { TextWidth.columns(of: $0) }.max() ?? 0
        lines += RequestStyledLine.labelled(
            labels[0], RequestText.status(duplicate.status, session: session), labelWidth: labelWidth, width: body.width
        )
        lines += RequestStyledLine.labelled(
            labels[1], RequestText.due(duplicate, session: session), labelWidth: labelWidth, width: body.width)
        lines.append(.blank)
        lines += RequestStyledLine.wrapped(
            strings[resumable ? "requests.duplicate.resume" : "requests.duplicate.hint"], width: body.width,
            style: .muted)
        RequestStyledLine.draw(lines, into: &canvas, area: body)
    }

    private static func renderDetails(
        _ wizard: RequestWizard, form: RequestDetailsForm, into canvas: inout Canvas, body: Rect, session: Session
    ) {
        if let choices = form.exportChoices {
            RequestFulfilmentPanels.renderExportForm(
                wizard, form: form, choices: choices, into: &canvas, body: body, session: session)
            return
        }
        if let plan = form.erasurePlan, form.effect == .erase {
            RequestFulfilmentPanels.renderErasurePlan(form, plan: plan, into: &canvas, body: body, session: session)
            return
        }
        let strings = session.strings
        let scope = form.scope
        var y = body.y
        if form.asksNewValue {
            let field = RequestText.fieldName(scope.value, session: session)
            canvas.write(
                strings("requests.wizard.details.correctPrompt", ["field": field]), x: body.x, y: y, width: body.width,
                style: .heading)
            y += 2
            let labels = [strings["requests.label.heldNow"], strings["requests.label.newValue"]]
            let labelWidth = labels.map { TextWidth.columns(of: $0) }.max() ?? 0
            let held = form.currentValue ?? strings["requests.value.none"]
            for line in RequestStyledLine.labelled(labels[0], held, labelWidth: labelWidth, width: body.width).prefix(2)
            {
                canvas.write(line.text, x: body.x + line.indent, y: y, width: body.width - line.indent)
                y += 1
            }
            y += 1
            canvas.write(labels[1], x: body.x, y: y, width: body.width, style: .heading)
            y += 1
            form.newValue.render(into: &canvas, x: body.x, y: y, width: body.width, focused: form.focus == .newValue)
            y += 2
            canvas.write(strings["requests.label.noteOptional"], x: body.x, y: y, width: body.width, style: .heading)
            y += 1
            form.note.render(into: &canvas, x: body.x, y: y, width: body.width, focused: form.focus == .note)
            y += 2
            let help = Rect(x: body.x, y: y, width: body.width, height: max(0, body.maxY - y))
            Dialog.paragraphs([strings["requests.wizard.details.fieldsHint"]], into: &canvas, area: help, style: .muted)
            return
        }
        let rightName = wizard.chosenRight(session: session)?.name ?? ""
        // A correction of other data is described in the note alone, so the note is asked for, not offered.
        let prompt =
            form.requiresNote
            ? strings["requests.wizard.details.otherPrompt"]
            : strings("requests.wizard.details.prompt", ["right": rightName])
        canvas.write(prompt, x: body.x, y: y, width: body.width, style: .heading)
        y += 2
        let about = strings("requests.wizard.details.about", ["scope": RequestText.scope(scope, session: session)])
        y += Dialog.paragraphs(
            [about], into: &canvas,
            area: Rect(x: body.x, y: y, width: body.width, height: max(0, min(2, body.maxY - y))))
        y += 1
        let noteLabel =
            form.requiresNote
            ? strings["requests.label.noteRequired"] : strings["requests.label.noteOptional"]
        canvas.write(noteLabel, x: body.x, y: y, width: body.width, style: .heading)
        y += 1
        form.note.render(into: &canvas, x: body.x, y: y, width: body.width, focused: true)
        y += 2
        let help = Rect(x: body.x, y: y, width: body.width, height: max(0, body.maxY - y))
        let effectText = RequestFulfilmentPanels.effectText(form.effect, scope: scope, session: session)
        let hint = strings[form.requiresNote ? "requests.wizard.details.otherHint" : "requests.wizard.details.noteHint"]
        Dialog.paragraphs(
            [effectText ?? hint], into: &canvas, area: help,
            style: effectText == nil ? .muted : .warning)
    }

    private static func renderIdentity(
        _ wizard: RequestWizard, password: TextField, into canvas: inout Canvas, body: Rect, session: Session
    ) {
        let strings = session.strings
        canvas.write(
            strings["requests.wizard.identity.prompt"], x: body.x, y: body.y, width: body.width, style: .heading)
        var pairs: [(String, String)] = []
        pairs.append((strings["requests.label.right"], wizard.chosenRight(session: session)?.name ?? ""))
        if let scope = wizard.chosenScope(session: session)?.scope {
            pairs.append((strings["requests.label.scope"], RequestText.scope(scope, session: session)))
        }
        if let form = wizard.form {
            if form.asksNewValue { pairs.append((strings["requests.label.newValue"], form.newValue.text)) }
            if !form.note.isEmpty { pairs.append((strings["requests.label.note"], form.note.text)) }
        }
        let labelWidth = pairs.map { TextWidth.columns(of: $0.0) }.max() ?? 0
        var y = body.y + 2
        for (label, value) in pairs {
            guard let line = RequestStyledLine.labelled(label, value, labelWidth: labelWidth, width: body.width).first
            else { continue }
            canvas.write(line.text, x: body.x, y: y, width: body.width)
            y += 1
        }
        y += 1
        let explain = Rect(x: body.x, y: y, width: body.width, height: max(0, min(2, body.maxY - y)))
        let explainKey =
            wizard.form?.effect.isSelfService == true
            ? "requests.wizard.identity.explainNow" : "requests.wizard.identity.explain"
        y += Dialog.paragraphs([strings[explainKey]], into: &canvas, area: explain, style: .muted)
        y += 1
        canvas.write(strings["requests.label.password"], x: body.x, y: y, width: body.width, style: .heading)
        y += 1
        password.render(into: &canvas, x: body.x, y: y, width: min(body.width, 40), focused: true)
    }

    private static func renderReceipt(
        _ request: RightsRequest, outcome: FulfilmentWork, into canvas: inout Canvas, body: Rect, session: Session
    ) {
        if case .filed = outcome {
        } else {
            let lines = RequestFulfilmentPanels.receiptLines(
                request, outcome: outcome, width: body.width, mark: Flash.Kind.success.mark(canvas.glyphs) + " ",
                bullet: canvas.glyphs.bullet, session: session)
            RequestStyledLine.draw(lines, into: &canvas, area: body)
            return
        }
        let strings = session.strings
        let formats = session.formats
        let deadlines = session.catalogue.deadlines
        var lines = [
            RequestStyledLine(
                Flash.Kind.success.mark(canvas.glyphs) + " " + strings["requests.receipt.title"], style: .success)
        ]
        lines.append(.blank)
        let pairs: [(String, String, Style)] = [
            (strings["requests.label.reference"], request.reference, .title),
            (strings["requests.label.right"], RequestText.rightName(request.type, session: session), .normal),
            (strings["requests.label.scope"], RequestText.scope(request.scope, session: session), .normal),
            (strings["requests.label.filed"], formats.dateTime(request.filedAt), .normal),
            (
                strings["requests.label.receiptDue"],
                strings.plural(
                    "requests.receipt.receiptDue", count: deadlines.receiptHours,
                    ["date": formats.dateTime(request.receiptDueAt)]), .normal
            ),
            (
                strings["requests.label.responseDue"],
                strings.plural(
                    "requests.receipt.responseDue", count: deadlines.responseDays,
                    ["date": formats.date(request.responseDueAt)]), .normal
            ),
        ]
        let labelWidth = pairs.map { TextWidth.columns(of: $0.0) }.max() ?? 0
        for (label, value, style) in pairs {
            lines += RequestStyledLine.labelled(label, value, labelWidth: labelWidth, width: body.width, style: style)
        }
        lines.append(.blank)
        lines += RequestStyledLine.wrapped(strings["requests.receipt.next"], width: body.width, style: .muted)
        RequestStyledLine.draw(lines, into: &canvas, area: body)
    }

    /// The keys a step offers, shown in the footer from the key table with the bottom bar's words for them.
    private static func footerHints(_ wizard: RequestWizard, step: RequestWizard.Step, session: Session) -> [KeyHint] {
        let choose = KeyHint(.up, .down, label: "hint.choose")
        switch step {
        case .right: return [choose, KeyHint(.select), KeyHint(.back)]
        case .scope:
            guard case .scope(_?) = wizard.stage else { return [choose, KeyHint(.select), KeyHint(.back)] }
            return [KeyHint(.select), KeyHint(.back, label: "hint.chooseOther")]
        case .details:
            if wizard.form?.exportChoices?.portability == true {
                return [
                    KeyHint(.select), KeyHint(.nextFocus, .up, .down, label: "hint.field"), KeyHint(.toggleItem),
                    KeyHint(.toggleAll), KeyHint(.back),
                ]
            }
            guard (wizard.form?.fields.count ?? 0) > 1 else { return [KeyHint(.select), KeyHint(.back)] }
            return [KeyHint(.select), KeyHint(.nextFocus, .up, .down, label: "hint.switchField"), KeyHint(.back)]
        case .identity: return wizard.showsProgress ? [KeyHint(.back)] : [KeyHint(.select), KeyHint(.back)]
        case .receipt: return [KeyHint(.select, .back)]
        }
    }
}
