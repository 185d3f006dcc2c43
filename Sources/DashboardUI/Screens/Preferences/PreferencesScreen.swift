import Foundation
import PrivacyModel
import TerminalKit

/// Screen 3: the preferences in their catalogue groups as "[x]"/"[ ]" rows, saved at once with a consent receipt.
///
/// Space or t switches the selected preference; locked ones refuse with their reason, and one an objection
/// covers asks first whether to withdraw the objection. `h` opens the consent history with the receipt-chain
/// check; Esc closes it.
struct PreferencesScreen: DashboardScreen {
    let id = ScreenID.preferences
    var contexts: [BindingContext] { withdrawing == nil ? [.preferences] : [] }
    var hintActions: [Action] {
        if withdrawing != nil { return [] }
        return history == nil ? [.toggle, .history, .down] : [.back, .down, .pageDown]
    }

    func hintLabels(strings: Strings) -> [Action: String] {
        history == nil ? [:] : [.back: strings["prefs.hint.close"]]
    }

    /// One row of the list: a group heading or a preference (index into `states`).
    enum Row: Equatable {
        case group(String)
        case item(Int)
    }

    private var states: [PreferenceState] = []
    private var rows: [Row] = []
    private var selected = 0
    private var offset = 0
    private var history: ConsentHistory?
    /// The preference waiting for a y/n answer: switching it on withdraws the objection that covers it.
    private var withdrawing: PreferenceState?

    /// Rows under the list for the selected preference's details (a rule and three lines).
    static let detailRows = 4

    mutating func activate(session: Session) {
        history = nil
        withdrawing = nil
        reload(session: session)
    }

    private mutating func reload(session: Session) {
        do {
            let current = try session.preferences.preferences(accountId: session.account.id)
            let selectedId = states.indices.contains(selected) ? states[selected].id : nil
            var ordered: [PreferenceState] = []
            var rows: [Row] = []
            for group in session.catalogue.preferenceGroups {
                let members = current.filter { $0.group == group.id }
                guard !members.isEmpty else { continue }
                rows.append(.group(group.name))
                for state in members {
                    rows.append(.item(ordered.count))
                    ordered.append(state)
                }
            }
            let known = Set(session.catalogue.preferenceGroups.map(\.id))
            for state in current where !known.contains(state.group) {
                rows.append(.item(ordered.count))
                ordered.append(state)
            }
            states = ordered
            self.rows = rows
            selected =
                selectedId.flatMap { id in ordered.firstIndex { $0.id == id } }
                ?? min(selected, max(0, ordered.count - 1))
        } catch {
            session.show(error: error)
        }
    }

    mutating func update(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        if let state = withdrawing {
            withdrawing = nil
            if KeyBindings.isYes(input.key, language: session.strings.language) {
                withdrawObjection(state, session: session)
            } else {
                session.show(session.strings("prefs.withdraw.kept", ["name": state.definition.name]), .info)
            }
            return .handled
        }
        if var open = history {
            switch input.action {
            case .back, .history:
                history = nil
            case .up, .down, .pageUp, .pageDown, .first, .last:
                open.scroll(input.action, area: input.area)
                history = open
            case .toggle, .select, .left, .right:
                break
            default:
                return .ignored
            }
            return .handled
        }
        let visible = Self.listHeight(in: input.area)
        switch input.action {
        case .up, .down, .pageUp, .pageDown, .first, .last:
            var list = ListState(selected: selected)
            _ = list.apply(input.action, count: states.count, page: max(1, visible - 1))
            selected = list.selected
            offset = Self.scrolled(offset: offset, selectedRow: rowIndex(of: selected), visible: visible)
            return .handled
        case .toggle:
            toggle(session: session)
            return .handled
        case .select:
            // Enter never switches a preference by accident: switching writes a consent receipt.
            return .handled
        case .history:
            do {
                history = try ConsentHistory.load(session: session)
            } catch {
                session.show(error: error)
            }
            return .handled
        default:
            return .ignored
        }
    }

    private mutating func toggle(session: Session) {
        guard states.indices.contains(selected) else { return }
        let state = states[selected]
        let strings = session.strings
        let name = state.definition.name
        if let reason = state.lockedReason {
            let word = strings[state.value ? "prefs.on" : "prefs.off"]
            session.show(strings("prefs.lockedRefused", ["name": name, "state": word, "reason": reason]), .warning)
            return
        }
        let newValue = !state.value
        if newValue, state.objection != nil {
            // Switching on what an objection covers is a withdrawal of the objection: asked, never silent.
            withdrawing = state
            return
        }
        do {
            let receipt = try session.preferences.set(
                state.id, to: newValue, accountId: session.account.id, channel: session.context.settings.channel)
            reload(session: session)
            let word = strings[newValue ? "prefs.on" : "prefs.off"]
            if let receipt {
                session.show(
                    strings("prefs.saved", ["name": name, "state": word, "sequence": String(receipt.sequence)]),
                    .success)
            } else {
                session.show(strings("prefs.unchanged", ["name": name, "state": word]), .info)
            }
        } catch {
            reload(session: session)
            session.show(error: error)
        }
    }

    private mutating func withdrawObjection(_ state: PreferenceState, session: Session) {
        guard let objection = state.objection else { return }
        let strings = session.strings
        do {
            let withdrawal = try ObjectionService(context: session.context).withdraw(
                accountId: session.account.id, purposeId: objection.purposeId, switchingOn: state.id, actor: .subscriber
            )
            reload(session: session)
            let purpose = session.catalogue.purpose(objection.purposeId)?.name ?? objection.purposeId
            let sequence = withdrawal.receipt.map { String($0.sequence) } ?? "–"
            session.show(
                strings(
                    "prefs.withdraw.done",
                    [
                        "purpose": purpose, "reference": withdrawal.reference, "name": state.definition.name,
                        "sequence": sequence,
                    ]), .success)
        } catch {
            reload(session: session)
            session.show(error: error)
        }
    }

    // MARK: - Layout

    private func rowIndex(of item: Int) -> Int { rows.firstIndex(of: .item(item)) ?? 0 }

    /// Rows the list gets in a content area.
    static func listHeight(in area: Rect) -> Int { max(1, area.height - detailRows) }

    /// The first row to show so the selected row (and, at the top, its group heading) is visible.
    static func scrolled(offset: Int, selectedRow: Int, visible: Int) -> Int {
        var offset = offset
        if selectedRow - 1 < offset { offset = max(0, selectedRow - 1) }
        if selectedRow >= offset + visible { offset = selectedRow - visible + 1 }
        return max(0, offset)
    }

    // MARK: - Rendering

    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let inner = Rect(x: area.x + 1, y: area.y, width: max(0, area.width - 2), height: area.height)
        guard inner.width > 10, inner.height > Self.detailRows else { return }
        let visible = Self.listHeight(in: area)
        let list = Rect(x: inner.x, y: inner.y, width: inner.width, height: visible)
        let top = Self.scrolled(offset: offset, selectedRow: rowIndex(of: selected), visible: visible)
        renderList(into: &canvas, area: list, top: top, session: session)
        renderDetail(
            into: &canvas, area: Rect(x: inner.x, y: list.maxY, width: inner.width, height: Self.detailRows),
            session: session)
        history?.render(into: &canvas, area: area, session: session)
        if let withdrawing { renderWithdrawal(withdrawing, into: &canvas, area: area, session: session) }
    }

    /// The question before an objection is withdrawn: what it covers, what switching on does, what is recorded.
    private func renderWithdrawal(_ state: PreferenceState, into canvas: inout Canvas, area: Rect, session: Session) {
        guard let objection = state.objection else { return }
        let strings = session.strings
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 66, height: 12, title: strings["prefs.withdraw.title"])
        let (body, keys) = inner.splitBottom(1)
        let purpose = session.catalogue.purpose(objection.purposeId)?.name ?? objection.purposeId
        let question = strings(
            "prefs.withdraw.question",
            [
                "purpose": purpose, "date": session.formats.date(objection.objectedAt),
                "reference": objection.requestReference, "name": state.definition.name,
            ])
        Dialog.paragraphs([question], into: &canvas, area: body)
        canvas.write(
            KeyHints.yesNo(strings: strings, glyphs: canvas.glyphs), x: keys.x, y: keys.y, width: keys.width,
            style: .accent)
    }

    private func renderList(into canvas: inout Canvas, area: Rect, top: Int, session: Session) {
        let strings = session.strings
        let sideWidth = min(24, max(10, area.width / 3))
        for line in 0..<area.height {
            let index = top + line
            guard index < rows.count else { break }
            let y = area.y + line
            switch rows[index] {
            case .group(let name):
                canvas.write(name, x: area.x, y: y, width: area.width, style: .heading)
            case .item(let item):
                let state = states[item]
                let isSelected = item == selected
                let style: Style = isSelected ? .selected : (state.isLocked ? .muted : .normal)
                if isSelected {
                    canvas.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
                    canvas.write(String(canvas.glyphs.pointer), x: area.x, y: y, width: 1, style: style)
                }
                let box = state.value ? "[x]" : "[ ]"
                let nameWidth = max(0, area.width - 2 - sideWidth - 1)
                canvas.write("\(box) \(state.definition.name)", x: area.x + 2, y: y, width: nameWidth, style: style)
                let side: String
                if state.isLocked {
                    side = strings["prefs.lockedMark"]
                } else if state.objection != nil {
                    side = strings["prefs.objectedMark"]
                } else if let changed = state.changedAt {
                    side = strings("prefs.changedShort", ["date": session.formats.date(changed)])
                } else {
                    side = strings["prefs.defaultShort"]
                }
                canvas.writePadded(
                    side, x: area.maxX - sideWidth, y: y, width: sideWidth,
                    style: isSelected ? style : (state.isLocked || state.objection != nil ? .warning : .muted),
                    alignRight: true)
            }
        }
        if top > 0 { canvas.write(String(canvas.glyphs.arrowUp), x: area.maxX, y: area.y, width: 1, style: .muted) }
        if top + area.height < rows.count {
            canvas.write(String(canvas.glyphs.arrowDown), x: area.maxX, y: area.maxY - 1, width: 1, style: .muted)
        }
    }

    private func renderDetail(into canvas: inout Canvas, area: Rect, session: Session) {
        guard states.indices.contains(selected), area.height >= 4 else { return }
        let strings = session.strings
        let state = states[selected]
        canvas.horizontalRule(x: area.x, y: area.y, width: area.width)
        canvas.write(state.definition.summary, x: area.x, y: area.y + 1, width: area.width)
        let word = strings[state.value ? "prefs.on" : "prefs.off"]
        let when =
            state.changedAt.map { strings("prefs.changed", ["state": word, "date": session.formats.dateTime($0)]) }
            ?? strings("prefs.neverChanged", ["state": word])
        canvas.write(when, x: area.x, y: area.y + 2, width: area.width, style: .muted)
        if let reason = state.lockedReason {
            canvas.write(
                strings("prefs.lockedWhy", ["reason": reason]), x: area.x, y: area.y + 3, width: area.width,
                style: .warning)
        } else if let objection = state.objection {
            let purpose = session.catalogue.purpose(objection.purposeId)?.name ?? objection.purposeId
            canvas.write(
                strings("prefs.objectionWhy", ["purpose": purpose]),
                x: area.x, y: area.y + 3, width: area.width, style: .warning)
        } else {
            canvas.write(strings["prefs.howTo"], x: area.x, y: area.y + 3, width: area.width, style: .muted)
        }
    }
}
