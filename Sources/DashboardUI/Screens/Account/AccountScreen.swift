import Foundation
import PrivacyModel
import TerminalKit

/// Screen 5: the profile with each field's correctability, and the dialogs to correct a field,
/// change the password, see who has seen the data, sign out and delete the account.
struct AccountScreen: DashboardScreen {
    let id = ScreenID.account
    private(set) var rows: [ProfileRow] = []
    private(set) var list = ListState()
    /// The dialog on show, if any: the screen forwards keys, hints and drawing to it.
    private(set) var dialog: (any AccountDialog)?
    private var passwordChangedAt: Date?
    private var loadError: String?

    var contexts: [BindingContext] { [.account] }

    var hintActions: [Action] {
        dialog?.hintActions ?? [.editProfile, .changePassword, .signOut, .deleteAccount, .accessLog]
    }

    func hintLabels(strings: Strings) -> [Action: String] { dialog?.hintLabels(strings: strings) ?? [:] }

    var hasPendingWork: Bool { dialog?.hasPendingWork ?? false }

    var capturesText: Bool { dialog?.capturesText ?? false }

    var hasUnsavedInput: Bool { dialog?.hasUnsavedInput ?? false }

    mutating func activate(session: Session) {
        if !hasUnsavedInput { dialog = nil }
        reload(session: session)
    }

    private mutating func reload(session: Session) {
        session.reloadAccount()
        let account = session.account
        do {
            let profile = try session.accounts.profile(accountId: account.id)
            rows = ProfileRow.rows(account: account, profile: profile, session: session)
            loadError = nil
        } catch {
            rows = ProfileRow.rows(account: account, profile: nil, session: session)
            loadError = DialogMessage.text(for: error, strings: session.strings)
        }
        passwordChangedAt = Date(epochSeconds: account.passwordChangedAt)
        list.clamp(count: rows.count)
    }

    mutating func update(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        if var open = dialog {
            let outcome = open.update(input, session: session)
            dialog = open
            return finish(outcome, session: session)
        }
        switch input.action {
        case .editProfile, .select:
            startCorrection(session: session)
            return .handled
        case .changePassword:
            dialog = PasswordDialog()
            return .handled
        case .signOut:
            return .signOut(message: session.strings["signin.signedOut"])
        case .deleteAccount:
            startDeletion(session: session)
            return .handled
        case .accessLog:
            do { dialog = try AccessLogDialog.load(session: session) } catch { session.show(error: error) }
            return .handled
        default:
            let page = max(1, input.area.height - 8)
            return list.apply(input.action, count: rows.count, page: page) ? .handled : .ignored
        }
    }

    /// The check of the dialog on show, once the frame saying "checking" is on screen.
    mutating func performPendingWork(session: Session) -> ScreenOutcome {
        guard var open = dialog else { return .handled }
        let outcome = open.performPendingWork(session: session)
        dialog = open
        return finish(outcome, session: session)
    }

    /// What a dialog's outcome means for the screen.
    private mutating func finish(_ outcome: DialogOutcome, session: Session) -> ScreenOutcome {
        switch outcome {
        case .stay: return .handled
        case .passThrough: return .ignored
        case .close:
            dialog = nil
            reload(session: session)
            return .handled
        case .signOut(let message):
            dialog = nil
            return .signOut(message: message)
        }
    }

    private mutating func startCorrection(session: Session) {
        guard rows.indices.contains(list.selected) else { return }
        let row = rows[list.selected]
        let strings = session.strings
        guard row.correction == .selfService, let field = row.field else {
            session.show(strings("account.notCorrectable", ["field": strings[row.labelKey]]), .warning)
            return
        }
        if field == .language {
            dialog = LanguageDialog(current: session.language)
            return
        }
        dialog = CorrectionDialog(field: field, current: row.rawValue)
    }

    /// The item another screen reveals to start deleting the account (the Policy screen, before a change applies).
    static let deletionItem = "delete-account"

    /// Starts the deletion dry run when pointed at `deletionItem`, unless a dialog holds typed input.
    mutating func reveal(_ item: String, session: Session) {
        guard item == Self.deletionItem, !hasUnsavedInput else { return }
        startDeletion(session: session)
    }

    private mutating func startDeletion(session: Session) {
        do {
            let plan = try AccountDeletionService(context: session.context).dryRun(accountId: session.account.id)
            dialog = DeletionDialog(plan: plan)
        } catch {
            session.show(error: error)
        }
    }

    // MARK: - Rendering

    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        renderProfile(into: &canvas, area: area, session: session)
        guard let dialog else { return }
        canvas.restyle(area, style: .muted)
        dialog.render(into: &canvas, area: area, session: session)
    }

    /// The rows below the profile box: the selected field's explanation, the password date and the key to see
    /// who has seen the data (the bottom bar may have no room for it).
    private static let footerRows = 6

    private func renderProfile(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        guard area.width > 4, area.height > 3 else { return }
        let boxWidth = min(area.width, 100)
        let boxHeight = max(3, min(rows.count + 2, area.height - Self.footerRows))
        let box = Rect(x: area.x, y: area.y, width: boxWidth, height: boxHeight)
        canvas.box(box, title: strings["account.profile.title"], style: .border)
        let inner = box.inset(dx: 1, dy: 1)
        let visible = inner.height
        let offset = list.visibleOffset(visible: visible)
        let labelWidth = min(18, rows.map { TextWidth.columns(of: strings[$0.labelKey]) }.max() ?? 12, inner.width / 3)
        let tagWidth = min(16, rows.map { TextWidth.columns(of: strings[$0.tagKey]) }.max() ?? 10, inner.width / 4)
        let labelX = inner.x + 2
        let valueX = labelX + labelWidth + 2
        let tagX = inner.maxX - tagWidth - 1
        let valueWidth = max(0, tagX - valueX - 1)
        for (index, row) in rows.enumerated().dropFirst(offset).prefix(visible) {
            let y = inner.y + index - offset
            let selected = index == list.selected
            if selected {
                canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: .selected)
                canvas.write(String(canvas.glyphs.pointer), x: inner.x, y: y, width: 1, style: .selected)
            }
            canvas.write(
                strings[row.labelKey], x: labelX, y: y, width: labelWidth, style: selected ? .selected : .heading)
            if let value = row.value {
                canvas.write(value, x: valueX, y: y, width: valueWidth, style: selected ? .selected : .normal)
            } else {
                canvas.write(
                    strings["account.value.none"], x: valueX, y: y, width: valueWidth,
                    style: selected ? .selected : .muted)
            }
            let tagStyle: Style = selected ? .selected : (row.correction == .selfService ? .accent : .muted)
            canvas.write(strings[row.tagKey], x: tagX, y: y, width: tagWidth, style: tagStyle)
        }
        if offset > 0 {
            canvas.write(String(canvas.glyphs.arrowUp), x: inner.maxX - 1, y: inner.y, width: 1, style: .muted)
        }
        if offset + visible < rows.count {
            canvas.write(String(canvas.glyphs.arrowDown), x: inner.maxX - 1, y: inner.maxY - 1, width: 1, style: .muted)
        }
        var y = box.maxY
        let textWidth = boxWidth - 2
        let explanation = loadError ?? explanation(session: session)
        for line in TextWrap.lines(explanation, width: textWidth).prefix(3) where y < area.maxY {
            canvas.write(line, x: area.x + 1, y: y, width: textWidth, style: loadError == nil ? .muted : .danger)
            y += 1
        }
        y += 1
        if let passwordChangedAt, y < area.maxY {
            canvas.write(
                strings("account.passwordChanged", ["date": session.formats.date(passwordChangedAt)]), x: area.x + 1,
                y: y, width: textWidth, style: .muted)
            y += 1
        }
        if y < area.maxY {
            let key = KeyHints.name(of: .accessLog, contexts: contexts, strings: strings, glyphs: canvas.glyphs)
            canvas.write(
                strings("access.accountHint", ["key": key]), x: area.x + 1, y: y, width: textWidth, style: .muted)
        }
    }

    /// Why the selected row can or cannot be corrected here.
    private func explanation(session: Session) -> String {
        guard rows.indices.contains(list.selected) else { return "" }
        let row = rows[list.selected]
        let strings = session.strings
        let label = strings[row.labelKey]
        switch row.correction {
        case .selfService where row.field == .language:
            return strings("account.explain.language", ["language": session.language.endonym])
        case .selfService:
            var text = strings("account.explain.selfService", ["field": label])
            if let field = row.field, field == .email || field == .username {
                text += " " + strings["account.explain.signInName"]
            }
            return text
        case .byRequest:
            if row.field == .birthdate {
                return strings("account.explain.birthdate", ["age": String(session.catalogue.minimumAge)])
            }
            return strings("account.explain.byRequest", ["field": label])
        case .recorded:
            return strings("account.explain.recorded", ["field": label])
        }
    }
}
