import Foundation
import PrivacyModel
import TerminalKit

/// Screen 5: the profile with each field's correctability, and the dialogs to correct a field,
/// change the password, sign out and delete the account.
struct AccountScreen: DashboardScreen {
    /// The dialog on show, if any.
    enum OpenDialog: Sendable, Equatable {
        /// Correcting one field.
        case correction(CorrectionDialog)
        /// Changing the password.
        case password(PasswordDialog)
        /// The deletion dry run and confirmation.
        case deletion(DeletionDialog)
        /// Choosing the dashboard's language.
        case language(LanguageDialog)
    }

    let id = ScreenID.account
    private(set) var rows: [ProfileRow] = []
    private(set) var list = ListState()
    private(set) var dialog: OpenDialog?
    private var passwordChangedAt: Date?
    private var loadError: String?

    var contexts: [BindingContext] { [.account] }

    var hintActions: [Action] {
        switch dialog {
        case nil: return [.editProfile, .changePassword, .signOut, .deleteAccount]
        case .deletion(let deletion) where !deletion.capturesText: return [.select, .back, .pageDown, .pageUp]
        case .password, .deletion: return [.select, .nextFocus, .back]
        case .correction, .language: return [.select, .back]
        }
    }

    func hintLabels(strings: Strings) -> [Action: String] {
        switch dialog {
        case nil: return [:]
        case .correction, .language:
            return [.select: strings["account.hint.save"], .back: strings["account.hint.cancel"]]
        case .password(let password):
            return [.select: password.enterLabel(strings: strings), .back: strings["account.hint.cancel"]]
        case .deletion(let deletion): return deletion.hintLabels(strings: strings)
        }
    }

    var hasPendingWork: Bool {
        switch dialog {
        case .password(let password): return password.isChecking
        case .deletion(let deletion): return deletion.isChecking
        case nil, .correction, .language: return false
        }
    }

    var capturesText: Bool {
        switch dialog {
        case nil, .language: return false
        case .correction, .password: return true
        case .deletion(let deletion): return deletion.capturesText
        }
    }

    var hasUnsavedInput: Bool {
        switch dialog {
        case nil, .language: return false
        case .correction(let correction): return correction.hasUnsavedInput
        case .password(let password): return password.hasUnsavedInput
        case .deletion(let deletion): return deletion.hasUnsavedInput
        }
    }

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
        if let open = dialog { return updateDialog(open, input: input, session: session) }
        switch input.action {
        case .editProfile, .select:
            startCorrection(session: session)
            return .handled
        case .changePassword:
            dialog = .password(PasswordDialog())
            return .handled
        case .signOut:
            return .signOut(message: session.strings["signin.signedOut"])
        case .deleteAccount:
            startDeletion(session: session)
            return .handled
        default:
            let page = max(1, input.area.height - 8)
            return list.apply(input.action, count: rows.count, page: page) ? .handled : .ignored
        }
    }

    private mutating func updateDialog(_ open: OpenDialog, input: ScreenInput, session: Session) -> ScreenOutcome {
        let outcome: DialogOutcome
        switch open {
        case .correction(var correction):
            outcome = correction.update(input, session: session)
            dialog = .correction(correction)
        case .password(var password):
            outcome = password.update(input, session: session)
            dialog = .password(password)
        case .deletion(var deletion):
            outcome = deletion.update(input, session: session)
            dialog = .deletion(deletion)
        case .language(var language):
            outcome = language.update(input, session: session)
            dialog = .language(language)
        }
        return finish(outcome, session: session)
    }

    /// The password check of the dialog on show, once the frame saying "checking" is on screen.
    mutating func performPendingWork(session: Session) -> ScreenOutcome {
        let outcome: DialogOutcome
        switch dialog {
        case .password(var password):
            outcome = password.submit(session: session)
            dialog = .password(password)
        case .deletion(var deletion):
            outcome = deletion.submit(session: session)
            dialog = .deletion(deletion)
        case nil, .correction, .language:
            return .handled
        }
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
            dialog = .language(LanguageDialog(current: session.language))
            return
        }
        dialog = .correction(CorrectionDialog(field: field, current: row.rawValue))
    }

    private mutating func startDeletion(session: Session) {
        do {
            let plan = try AccountDeletionService(context: session.context).dryRun(accountId: session.account.id)
            dialog = .deletion(DeletionDialog(plan: plan))
        } catch {
            session.show(error: error)
        }
    }

    // MARK: - Rendering

    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        renderProfile(into: &canvas, area: area, session: session)
        if dialog != nil { canvas.restyle(area, style: .muted) }
        switch dialog {
        case nil: break
        case .correction(let correction):
            correction.render(into: &canvas, area: area, session: session, labels: hintLabels(strings: session.strings))
        case .password(let password):
            password.render(into: &canvas, area: area, session: session, labels: hintLabels(strings: session.strings))
        case .deletion(let deletion): deletion.render(into: &canvas, area: area, session: session)
        case .language(let language):
            language.render(into: &canvas, area: area, session: session, labels: hintLabels(strings: session.strings))
        }
    }

    /// The rows below the profile box: the selected field's explanation and the password date.
    private static let footerRows = 5

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
