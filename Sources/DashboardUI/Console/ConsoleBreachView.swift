import Foundation
import PrivacyModel
import TerminalKit

/// The breach register in the staff console: per breach its status, the notify-by time counting down or
/// OVERDUE, notices by channel and acknowledgements, the same words as `breach list`. Approvers publish a draft
/// or close a published breach here after a yes/no question; auditors read it only.
@MainActor
struct ConsoleBreachView {
    private(set) var entries: [BreachRegisterEntry] = []
    private(set) var list = ListState()
    private var loadError: String?
    /// The question on show: publish or close the breach with this reference.
    private var asking: Question?

    private enum Question {
        case publish(reference: String, count: Int)
        case close(reference: String)
    }

    /// The register for a member of staff who may see it, read at once; nil for any other role.
    static func open(session: ConsoleSession) -> ConsoleBreachView? {
        guard session.staff.may(.viewBreaches) else { return nil }
        var view = ConsoleBreachView()
        view.reload(session: session)
        return view
    }

    /// The member of staff as the register checks them (no subscriber is read, so no reason).
    private func staff(_ session: ConsoleSession) -> StaffAccess { StaffAccess(staff: session.staff, reason: nil) }

    /// Reads the register again.
    mutating func reload(session: ConsoleSession) {
        do {
            entries = try BreachRegister(context: session.context).entries(staff: staff(session))
            loadError = nil
        } catch {
            entries = []
            loadError = session.message(for: error)
        }
        list.clamp(count: entries.count)
    }

    var contexts: [BindingContext] { asking == nil ? [.consoleBreaches] : [.confirmation] }

    /// The keys offered: publish or close for approvers (as the selected breach allows), back for everyone.
    func hintActions(session: ConsoleSession) -> [Action] {
        guard asking == nil else { return [] }
        var actions: [Action] = []
        if session.staff.may(.manageBreaches), let selected {
            if selected.breach.status == .draft { actions.append(.publishBreach) }
            if selected.breach.status == .published { actions.append(.closeBreach) }
        }
        return actions + [.down, .back]
    }

    private var selected: BreachRegisterEntry? {
        entries.indices.contains(list.selected) ? entries[list.selected] : nil
    }

    /// Handles one key: the question first, else scrolling, publish, close and back.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> ConsoleOutcome {
        if let question = asking {
            asking = nil
            if KeyBindings.isYes(input.key, language: session.strings.language) { answer(question, session: session) }
            return .handled
        }
        if list.apply(input.action, count: entries.count, page: max(1, input.area.height - 8)) { return .handled }
        switch input.action {
        case .publishBreach:
            guard let selected, selected.breach.status == .draft else { return .handled }
            guard session.staff.may(.manageBreaches) else {
                session.show(error: StaffError.notPermitted(role: session.staff.role, action: .manageBreaches))
                return .handled
            }
            do {
                let count = try BreachRegister(context: session.context).affectedCount(selected.breach.audience)
                asking = .publish(reference: selected.breach.reference, count: count)
            } catch {
                session.show(error: error)
            }
        case .closeBreach:
            guard let selected, selected.breach.status == .published else { return .handled }
            guard session.staff.may(.manageBreaches) else {
                session.show(error: StaffError.notPermitted(role: session.staff.role, action: .manageBreaches))
                return .handled
            }
            asking = .close(reference: selected.breach.reference)
        case .back: return .back
        default: return .ignored
        }
        return .handled
    }

    private mutating func answer(_ question: Question, session: ConsoleSession) {
        let register = BreachRegister(context: session.context)
        let formats = session.formats
        do {
            switch question {
            case .publish(let reference, _):
                let result = try register.publish(reference: reference, staff: staff(session))
                session.show(
                    session.strings(
                        "register.done.published",
                        [
                            "reference": reference, "version": formats.number(result.breach.version),
                            "notified": formats.number(result.notified), "mails": formats.number(result.mailsQueued),
                        ]), .success)
            case .close(let reference):
                try register.close(reference: reference, staff: staff(session))
                session.show(session.strings("register.done.closed", ["reference": reference]), .success)
            }
        } catch {
            session.show(error: error)
        }
        reload(session: session)
    }

    // MARK: Rendering

    /// Draws the register into `area`: the table, the selected breach's figures under it, and any question.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession) {
        let strings = session.strings
        let wording = BreachRegisterWording(strings: strings)
        let x = area.x + 1
        let width = area.width - 2
        canvas.write(strings["register.title"], x: x, y: area.y, width: width, style: .heading)
        let body = area.splitTop(2).rest
        if let loadError {
            canvas.write(loadError, x: x, y: body.y, width: width, style: .danger)
            return
        }
        guard !entries.isEmpty else {
            canvas.write(strings["register.empty"], x: x, y: body.y, width: width, style: .muted)
            return
        }
        let now = session.now
        let detailRows = 5
        let table = Rect(x: body.x, y: body.y, width: body.width, height: max(2, body.height - detailRows))
        TableView.render(
            into: &canvas, area: table, columns: Self.columns(strings: strings),
            rows: entries.map { entry in
                [
                    entry.breach.reference, wording.status(entry.breach.status),
                    session.formats.dateTime(entry.notifyBy), wording.countdown(entry, at: now),
                    wording.acknowledged(entry),
                ]
            }, selected: list.selected, offset: list.visibleOffset(visible: table.height - 1), focused: asking == nil,
            styles: entries.map { $0.isOverdue(at: now) ? .danger : nil })
        if let selected {
            var y = table.maxY + 1
            let lines = [
                strings["register.field.categories"] + ": "
                    + wording.categories(selected.breach.categories, catalogue: session.catalogue),
                strings["register.field.audience"] + ": "
                    + wording.audience(selected.breach.audience, catalogue: session.catalogue),
                strings["register.column.notices"] + ": " + wording.channels(selected),
                strings["register.column.discovered"] + ": " + wording.instant(selected.breach.discoveredAt),
            ]
            for line in lines where y < area.maxY {
                canvas.write(line, x: x, y: y, width: width, style: .muted)
                y += 1
            }
        }
        if let asking { renderQuestion(asking, into: &canvas, area: area, strings: strings, formats: session.formats) }
    }

    private func renderQuestion(
        _ question: Question, into canvas: inout Canvas, area: Rect, strings: Strings, formats: Formats
    ) {
        let title: String
        let text: String
        switch question {
        case .publish(let reference, let count):
            title = strings["register.console.publishTitle"]
            text = strings(
                "register.console.publishQuestion", ["reference": reference, "count": formats.number(count)])
        case .close(let reference):
            title = strings["register.console.closeTitle"]
            text = strings("register.console.closeQuestion", ["reference": reference])
        }
        let inner = Dialog.frame(into: &canvas, area: area, width: 64, height: 8, title: title)
        guard inner.width > 0, inner.height > 0 else { return }
        Dialog.paragraphs([text], into: &canvas, area: inner)
        canvas.write(
            KeyHints.yesNo(strings: strings, glyphs: canvas.glyphs), x: inner.x, y: inner.maxY - 1, width: inner.width,
            style: .muted)
    }

    private static func columns(strings: Strings) -> [TableColumn] {
        func title(_ key: String) -> String { strings["register.column.\(key)"] }
        return [
            TableColumn(title("reference"), width: 9), TableColumn(title("status"), minWidth: 9),
            TableColumn(title("notifyBy"), width: 16), TableColumn(title("deadline"), minWidth: 14),
            TableColumn(title("acknowledged"), minWidth: 10),
        ]
    }
}
