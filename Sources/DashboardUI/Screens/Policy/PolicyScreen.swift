import Foundation
import PrivacyModel
import TerminalKit

/// Screen 6: the policy in our words, its version and date, our promises, and `a` to acknowledge it.
///
/// The text scrolls with Up/Down, PgUp/PgDn, Home/End; Left/Right jump to the previous or next
/// section. From 100 columns a list of sections on the left marks the one in view.
struct PolicyScreen: DashboardScreen {
    let id = ScreenID.policy
    var contexts: [BindingContext] { [.policy] }
    var hintActions: [Action] { [.acknowledgePolicy, .pageDown, .pageUp] }

    private var offset = 0
    private var acknowledgement: PolicyAcknowledgement?

    /// Columns from which the section list is shown beside the text.
    static let sectionListFrom = 100
    /// Rows above the text: title, version line, acknowledgement line, rule.
    static let headerRows = 4

    mutating func activate(session: Session) {
        loadAcknowledgement(session: session)
    }

    private mutating func loadAcknowledgement(session: Session) {
        do {
            acknowledgement = try session.accounts.policyAcknowledgement(accountId: session.account.id)
        } catch {
            acknowledgement = nil
            session.show(error: error)
        }
    }

    mutating func update(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        let layout = Self.layout(area: input.area)
        let document = PolicyDocument(session: session, width: layout.text.width, bullet: "•")
        let visible = max(1, layout.text.height)
        let last = document.maxOffset(visible: visible)
        switch input.action {
        case .up: offset -= 1
        case .down: offset += 1
        case .pageUp: offset -= max(1, visible - 1)
        case .pageDown: offset += max(1, visible - 1)
        case .first: offset = 0
        case .last: offset = last
        case .right:
            offset = document.headingRows.first { $0 > offset } ?? last
        case .left:
            offset = document.headingRows.last { $0 < offset } ?? 0
        case .acknowledgePolicy:
            acknowledge(session: session)
            return .handled
        default:
            return .ignored
        }
        offset = min(max(0, offset), last)
        return .handled
    }

    private mutating func acknowledge(session: Session) {
        let version = session.catalogue.version
        do {
            let stored = try session.accounts.acknowledgePolicy(accountId: session.account.id, version: version)
            session.reloadAccount()
            loadAcknowledgement(session: session)
            if stored {
                session.show(session.strings("policy.ack.saved", ["version": version]), .success)
            } else {
                session.show(session.strings("policy.ack.already", ["version": version]), .info)
            }
        } catch {
            session.show(error: error)
        }
    }

    /// Where the header, the section list (possibly empty) and the text go.
    private static func layout(area: Rect) -> (header: Rect, list: Rect, text: Rect) {
        let inner = Rect(x: area.x + 1, y: area.y, width: max(0, area.width - 2), height: area.height)
        let (header, body) = inner.splitTop(headerRows)
        guard area.width >= sectionListFrom else {
            return (header, Rect(x: body.x, y: body.y, width: 0, height: 0), body)
        }
        let (list, rest) = body.splitLeft(min(30, body.width / 3))
        let text = Rect(x: rest.x + 2, y: rest.y, width: max(0, rest.width - 2), height: rest.height)
        return (header, list, text)
    }

    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let layout = Self.layout(area: area)
        guard layout.text.width > 4 else { return }
        renderHeader(into: &canvas, area: layout.header, session: session)
        let document = PolicyDocument(session: session, width: layout.text.width, bullet: canvas.glyphs.bullet)
        let visible = max(1, layout.text.height)
        let top = min(max(0, offset), document.maxOffset(visible: visible))
        for row in 0..<layout.text.height {
            let index = top + row
            guard index < document.lines.count else { break }
            let line = document.lines[index]
            canvas.write(
                line.text, x: layout.text.x, y: layout.text.y + row, width: layout.text.width, style: line.style)
        }
        renderScrollMarks(into: &canvas, text: layout.text, top: top, document: document)
        if layout.list.width > 0 {
            canvas.verticalRule(x: layout.list.maxX, y: layout.list.y, height: layout.list.height)
            let current = document.part(at: top)
            for (index, heading) in document.headings.enumerated() {
                guard index < layout.list.height else { break }
                let y = layout.list.y + index
                let isCurrent = index == current
                let marker = isCurrent ? String(canvas.glyphs.pointer) + " " : "  "
                canvas.writePadded(
                    marker + heading, x: layout.list.x, y: y, width: layout.list.width,
                    style: isCurrent ? .selectedInactive : .normal)
            }
        }
    }

    private func renderHeader(into canvas: inout Canvas, area: Rect, session: Session) {
        guard area.height >= 3 else { return }
        let strings = session.strings
        let catalogue = session.catalogue
        canvas.write(
            strings("policy.title", ["service": catalogue.service]), x: area.x, y: area.y, width: area.width,
            style: .title)
        let effective = catalogue.effectiveDay.map(session.formats.date) ?? catalogue.effectiveDate
        canvas.write(
            strings("policy.version", ["version": catalogue.version, "date": effective]), x: area.x, y: area.y + 1,
            width: area.width)
        let (text, kind) = acknowledgementLine(session: session)
        canvas.write(
            kind.mark(canvas.glyphs) + " " + text, x: area.x, y: area.y + 2, width: area.width,
            style: kind.style)
        if area.height >= 4 { canvas.horizontalRule(x: area.x, y: area.y + 3, width: area.width) }
    }

    private func acknowledgementLine(session: Session) -> (String, Flash.Kind) {
        let strings = session.strings
        let current = session.catalogue.version
        guard let acknowledged = session.account.acknowledgedPolicyVersion else {
            return (strings["policy.ack.pending"], .warning)
        }
        guard acknowledged == current else {
            return (strings("policy.ack.older", ["version": acknowledged]), .warning)
        }
        if let at = acknowledgement?.at, acknowledgement?.version == current {
            return (strings("policy.ack.done", ["date": session.formats.date(at)]), .success)
        }
        return (strings["policy.ack.doneUndated"], .success)
    }

    /// Arrows at the right edge saying there is more above or below.
    private func renderScrollMarks(into canvas: inout Canvas, text: Rect, top: Int, document: PolicyDocument) {
        guard text.height > 1 else { return }
        let x = text.maxX
        if top > 0 { canvas.write(String(canvas.glyphs.arrowUp), x: x, y: text.y, width: 1, style: .muted) }
        if top + text.height < document.lines.count {
            canvas.write(String(canvas.glyphs.arrowDown), x: x, y: text.maxY - 1, width: 1, style: .muted)
        }
    }
}
