import Foundation
import PrivacyModel
import TerminalKit

/// Screen 6: the policy in our words, its version and date, our promises, and `a` to acknowledge it.
///
/// The text scrolls with Up/Down, PgUp/PgDn, Home/End; Left/Right jump to the previous or next
/// section. From 100 columns a list of sections on the left marks the one in view. A published version the
/// subscriber has not acknowledged is shown first (`c` shows it again): what changes, section by section, the
/// days left, and keys to object to a purpose, delete the account or acknowledge it. `v` lists every version.
struct PolicyScreen: DashboardScreen {
    /// What the screen shows.
    enum Mode {
        /// The policy in force.
        case document
        /// The oldest version waiting for acknowledgement and what it changes.
        case change
        /// Every version.
        case history
    }

    let id = ScreenID.policy
    var contexts: [BindingContext] { [.policy] }
    var hintActions: [Action] {
        switch mode {
        case .document:
            return change == nil
                ? [.acknowledgePolicy, .policyHistory, .pageDown]
                : [.policyChanges, .acknowledgePolicy, .policyHistory, .pageDown]
        case .change: return [.acknowledgePolicy, .objectToPurpose, .deleteAccount, .back, .pageDown]
        case .history: return [.back, .policyChanges]
        }
    }

    private var offset = 0
    private var acknowledgement: PolicyAcknowledgement?
    private(set) var mode = Mode.document
    private var change: PolicyChangeView?
    private var changeOffset = 0
    private var history: PolicyHistoryView?
    private var historyOffset = 0

    /// Columns from which the section list is shown beside the text.
    static let sectionListFrom = 100
    /// Rows above the text: title, version line, acknowledgement line, rule.
    static let headerRows = 4

    mutating func activate(session: Session) {
        loadAcknowledgement(session: session)
        loadVersions(session: session)
        mode = change == nil ? .document : .change
        changeOffset = 0
    }

    /// Reads the history and the oldest version waiting for this account's acknowledgement (one in force or
    /// coming; a version already superseded is not shown as a change).
    private mutating func loadVersions(session: Session) {
        do {
            let service = PolicyVersionService(context: session.context)
            let versions = try service.history()
            let inForce = try service.versionInForce(on: session.now).version
            let current = versions.firstIndex { $0.version == inForce } ?? 0
            let relevant = Set(versions[current...].map(\.version))
            let pending = try service.pending(accountId: session.account.id).filter { relevant.contains($0.version) }
            change = try PolicyChangeView.load(pending: pending, history: versions, session: session)
            history = try PolicyHistoryView.load(session: session)
        } catch {
            change = nil
            history = nil
            session.show(error: error)
        }
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
        switch mode {
        case .document: break
        case .change: return updateChange(input, session: session)
        case .history: return updateHistory(input, session: session)
        }
        if input.action == .policyChanges || input.action == .policyHistory {
            return open(input.action, session: session)
        }
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

    /// Opens the change view (when a version waits) or the history.
    private mutating func open(_ action: Action?, session: Session) -> ScreenOutcome {
        if action == .policyHistory {
            mode = .history
            historyOffset = 0
        } else if change != nil {
            mode = .change
            changeOffset = 0
        } else {
            session.show(session.strings["policy.change.nonePending"], .info)
        }
        return .handled
    }

    private mutating func updateChange(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        guard let change else {
            mode = .document
            return .ignored
        }
        let area = Self.changeArea(input.area)
        let lines = change.lines(width: area.width, session: session, bullet: "•", glyphs: input.glyphs)
        let visible = max(1, area.height)
        let last = max(0, lines.count - visible)
        switch input.action {
        case .up: changeOffset -= 1
        case .down: changeOffset += 1
        case .pageUp: changeOffset -= max(1, visible - 1)
        case .pageDown: changeOffset += max(1, visible - 1)
        case .first: changeOffset = 0
        case .last: changeOffset = last
        case .back: mode = .document
        case .policyHistory, .policyChanges: return open(input.action, session: session)
        case .objectToPurpose: return .reveal(.requests, item: RequestsScreen.newRequestItem(.objection))
        case .deleteAccount: return .reveal(.account, item: AccountScreen.deletionItem)
        case .acknowledgePolicy:
            acknowledge(change.version.version, session: session)
            return .handled
        default: return .ignored
        }
        changeOffset = min(max(0, changeOffset), last)
        return .handled
    }

    private mutating func updateHistory(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        let count = history?.entries.count ?? 0
        switch input.action {
        case .up: historyOffset -= 1
        case .down: historyOffset += 1
        case .first: historyOffset = 0
        case .last: historyOffset = count
        case .back: mode = .document
        case .policyChanges: return open(input.action, session: session)
        default: return .ignored
        }
        historyOffset = min(max(0, historyOffset), max(0, count - 1))
        return .handled
    }

    /// Acknowledges the version on show in the change view, then shows the next one waiting, or the policy.
    private mutating func acknowledge(_ version: String, session: Session) {
        do {
            let stored = try PolicyVersionService(context: session.context).acknowledge(
                accountId: session.account.id, version: version)
            session.reloadAccount()
            loadAcknowledgement(session: session)
            loadVersions(session: session)
            mode = change == nil ? .document : .change
            changeOffset = 0
            session.show(
                session.strings(stored ? "policy.ack.saved" : "policy.ack.already", ["version": version]),
                stored ? .success : .info)
        } catch {
            session.show(error: error)
        }
    }

    /// Where the change view's text goes: the screen less a margin, at most 100 columns wide.
    private static func changeArea(_ area: Rect) -> Rect {
        Rect(x: area.x + 1, y: area.y, width: max(0, min(100, area.width - 3)), height: area.height)
    }

    private mutating func acknowledge(session: Session) {
        let version = session.catalogue.version
        do {
            let stored = try session.accounts.acknowledgePolicy(accountId: session.account.id, version: version)
            session.reloadAccount()
            loadAcknowledgement(session: session)
            loadVersions(session: session)
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
        switch mode {
        case .document: break
        case .change:
            if let change { return renderChange(change, into: &canvas, area: area, session: session) }
        case .history:
            let inner = Rect(x: area.x + 1, y: area.y, width: max(0, area.width - 2), height: area.height)
            history?.render(into: &canvas, area: inner, offset: historyOffset, session: session)
            return
        }
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
        guard let acknowledgement else { return (strings["policy.ack.pending"], .warning) }
        guard acknowledgement.version == current else {
            return (strings("policy.ack.older", ["version": acknowledgement.version]), .warning)
        }
        if let at = acknowledgement.at {
            return (strings("policy.ack.done", ["date": session.formats.date(at)]), .success)
        }
        return (strings["policy.ack.doneUndated"], .success)
    }

    private func renderChange(_ change: PolicyChangeView, into canvas: inout Canvas, area: Rect, session: Session) {
        let text = Self.changeArea(area)
        guard text.width > 4, text.height > 0 else { return }
        let lines = change.lines(
            width: text.width, session: session, bullet: canvas.glyphs.bullet, glyphs: canvas.glyphs)
        let top = min(max(0, changeOffset), max(0, lines.count - text.height))
        for row in 0..<text.height {
            guard top + row < lines.count else { break }
            let line = lines[top + row]
            canvas.write(line.text, x: text.x, y: text.y + row, width: text.width, style: line.style)
        }
        guard text.height > 1 else { return }
        let x = text.maxX
        if top > 0 { canvas.write(String(canvas.glyphs.arrowUp), x: x, y: text.y, width: 1, style: .muted) }
        if top + text.height < lines.count {
            canvas.write(String(canvas.glyphs.arrowDown), x: x, y: text.maxY - 1, width: 1, style: .muted)
        }
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
