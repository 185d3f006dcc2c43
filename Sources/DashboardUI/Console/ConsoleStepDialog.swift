import Foundation
import PrivacyModel
import TerminalKit

/// Asks for a step's note or reason (and an extension's new due date), then takes the step through the model as
/// the signed-in member of staff, with the request as the reason (the model refuses what their role or four eyes forbid).
@MainActor
struct ConsoleStepDialog {
    /// The step to take.
    let step: ConsoleStep
    /// The request it is taken on.
    let reference: String
    /// The latest day an extension may reach, shown beside the date field.
    let latestExtension: Date
    private(set) var text = TextField(maxLength: RequestDetails.maximumLength)
    private(set) var date = TextField(maxLength: 10)
    /// Whether the date field (an extension's) has focus rather than the text.
    private(set) var dateFocused = false
    /// The model's refusal of the last attempt, in the console's language.
    private(set) var error: String?

    /// Whether anything has been typed.
    var hasUnsavedInput: Bool { !text.isEmpty || !date.isEmpty }

    /// What the dialog wants after a key.
    enum Outcome: Equatable {
        case stay
        case close
        /// The step was taken; the message says what changed.
        case done(String)
        case passThrough
    }

    /// Handles a key: editing, Tab between an extension's fields, Enter to take the step, Esc to cancel.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> Outcome {
        switch input.action {
        case .select: return perform(session: session)
        case .back: return .close
        case .quit: return .passThrough
        case .nextFocus, .previousFocus, .up, .down:
            if step == .extend { dateFocused.toggle() }
            return .stay
        default:
            if dateFocused { _ = date.handle(input.key) } else { _ = text.handle(input.key) }
            return .stay
        }
    }

    private mutating func perform(session: ConsoleSession) -> Outcome {
        let strings = session.strings
        let service = session.requests
        let staff = session.access(for: reference)
        do {
            let request: RightsRequest
            switch step {
            case .acknowledge:
                request = try service.acknowledge(reference: reference, actor: .support, note: text.text, staff: staff)
            case .verifyIdentity:
                request = try service.verifyIdentity(
                    reference: reference, actor: .support, note: text.text, staff: staff)
            case .start:
                request = try service.start(reference: reference, actor: .support, note: text.text, staff: staff)
            case .complete:
                request = try session.fulfilment.carryOut(
                    reference: reference,
                    options: FulfilmentOptions(actor: .support, note: text.text, reportLanguage: strings.language),
                    staff: staff
                ).request
            case .deny:
                request = try service.deny(reference: reference, actor: .support, reason: text.text, staff: staff)
            case .extend:
                guard let day = UTCCalendar.day(date.text.trimmingCharacters(in: .whitespaces)) else {
                    error = strings("console.step.badDate", ["latest": session.formats.date(latestExtension)])
                    dateFocused = true
                    return .stay
                }
                request = try service.extend(
                    reference: reference, untilEndOf: day, reason: text.text, actor: .support, staff: staff)
                return .done(
                    strings(
                        "console.step.extended",
                        ["reference": request.reference, "date": session.formats.date(request.currentDueAt)]))
            }
            return .done(
                strings(
                    "console.step.done",
                    ["reference": request.reference, "status": RequestText.status(request.status, session: session)]))
        } catch {
            self.error = session.message(for: error)
            return .stay
        }
    }

    /// Draws the dialog centred in `area`.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession) {
        let strings = session.strings
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 70, height: step == .extend ? 14 : 12,
            title: strings("console.step.title.\(step.rawValue)", ["reference": reference]))
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
        for line in TextWrap.lines(strings["console.step.intro.\(step.rawValue)"], width: inner.width).prefix(3) {
            canvas.write(line, x: inner.x, y: y, width: inner.width, style: .muted)
            y += 1
        }
        y += 1
        let label = strings[step.needsReason ? "console.step.reason" : "console.step.note"]
        canvas.write(label, x: inner.x, y: y, width: inner.width, style: .heading)
        text.render(into: &canvas, x: inner.x, y: y + 1, width: inner.width, focused: !dateFocused)
        y += 3
        if step == .extend {
            canvas.write(
                strings("console.step.newDue", ["latest": session.formats.date(latestExtension)]), x: inner.x, y: y,
                width: inner.width, style: .heading)
            date.render(into: &canvas, x: inner.x, y: y + 1, width: min(inner.width, 12), focused: dateFocused)
            y += 3
        }
        if let error {
            for line in TextWrap.lines(error, width: inner.width).prefix(max(1, inner.maxY - 1 - y)) {
                canvas.write(line, x: inner.x, y: y, width: inner.width, style: .danger)
                y += 1
            }
        }
        var hints = [KeyHint(.select, label: "console.step.confirm"), KeyHint(.back)]
        if step == .extend { hints.insert(KeyHint(.nextFocus, label: "console.step.switchField"), at: 1) }
        canvas.write(
            KeyHints.footer(hints, strings: strings, glyphs: canvas.glyphs), x: inner.x, y: inner.maxY - 1,
            width: inner.width, style: .muted)
    }
}
