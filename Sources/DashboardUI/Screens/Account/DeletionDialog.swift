import Foundation
import PrivacyModel
import TerminalKit

/// Deletes the account in two steps: a scrollable dry run of what goes and what stays, then a
/// confirmation with the account's email typed exactly and the password.
@MainActor
struct DeletionDialog: AccountDialog, Equatable {
    /// Which step is on show.
    enum Step: Sendable, Equatable {
        /// The dry run.
        case plan
        /// Email and password.
        case confirm
    }

    let plan: AccountDeletionPlan
    private(set) var step = Step.plan
    private(set) var scroll = 0
    private(set) var email = TextField(maxLength: 254)
    private(set) var password = TextField(masked: true, maxLength: AccountService.maximumPasswordBytes)
    private(set) var focus = 0
    private(set) var error: String?
    /// Set by Enter on the password: the check runs once the frame saying so is on screen.
    private(set) var isChecking = false

    /// Starts at the dry run.
    init(plan: AccountDeletionPlan) { self.plan = plan }

    /// Whether anything has been typed.
    var hasUnsavedInput: Bool { !email.isEmpty || !password.isEmpty }

    /// Whether a text field has focus.
    var capturesText: Bool { step == .confirm }

    /// Whether the password check waits to run.
    var hasPendingWork: Bool { isChecking }

    /// The dry run pages; the confirmation moves between its fields.
    var hintActions: [Action] {
        step == .plan ? [.select, .back, .pageDown, .pageUp] : [.select, .nextFocus, .back]
    }

    /// Handles a key in either step.
    mutating func update(_ key: ScreenInput, session: Session) -> DialogOutcome {
        switch step {
        case .plan: return updatePlan(key, session: session)
        case .confirm: return updateConfirm(key, session: session)
        }
    }

    private mutating func updatePlan(_ key: ScreenInput, session: Session) -> DialogOutcome {
        let (box, all) = planLayout(in: key.area, session: session)
        let total = all.count
        let visible = max(1, box.height - 4)
        let maximum = max(0, total - visible)
        switch key.action {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= visible
        case .pageDown: scroll += visible
        case .first: scroll = 0
        case .last: scroll = maximum
        case .select, .deleteAccount:
            step = .confirm
            error = nil
        case .back: return .close
        case .quit: return .passThrough
        default: break
        }
        scroll = min(max(0, scroll), maximum)
        return .stay
    }

    private mutating func updateConfirm(_ key: ScreenInput, session: Session) -> DialogOutcome {
        switch key.action {
        case .nextFocus, .down, .previousFocus, .up:
            focus = 1 - focus
        case .select:
            if focus == 0 {
                focus = 1
            } else {
                startChecking(session: session)
            }
        case .back:
            step = .plan
        case .quit: return .passThrough
        case .some: break
        case nil:
            if focus == 0 { _ = email.handle(key.key) } else { _ = password.handle(key.key) }
        }
        return .stay
    }

    /// What Enter and Esc do now, for the bottom bar, where the key table's "open" and "back" read wrong.
    func hintLabels(strings: Strings) -> [Action: String] {
        switch step {
        case .plan:
            return [.select: strings["account.hint.continue"], .back: strings["account.hint.cancel"]]
        case .confirm:
            let enter = focus == 0 ? "account.hint.nextField" : "account.hint.deleteAccount"
            return [.select: strings[enter], .back: strings["account.hint.dryRun"]]
        }
    }

    /// Enter on the password: refuses a wrong email or an empty password at once, otherwise says the
    /// check is running and leaves the slow part (scrypt) to `performPendingWork`, called once that frame is shown.
    private mutating func startChecking(session: Session) {
        let strings = session.strings
        guard email.text.trimmingCharacters(in: .whitespaces) == session.account.email else {
            error = strings["account.delete.emailMismatch"]
            focus = 0
            return
        }
        guard !password.isEmpty else {
            error = strings["account.delete.passwordMissing"]
            focus = 1
            return
        }
        error = nil
        isChecking = true
    }

    /// Checks the password and closes the account (after Enter set `isChecking`).
    mutating func performPendingWork(session: Session) -> DialogOutcome {
        guard isChecking, step == .confirm else {
            isChecking = false
            return .stay
        }
        isChecking = false
        let strings = session.strings
        do {
            let receipt = try AccountDeletionService(context: session.context).requestDeletion(
                accountId: session.account.id, password: password.text)
            return .signOut(
                strings(
                    "account.delete.done",
                    ["date": session.formats.date(receipt.purgeDueAt), "reference": receipt.reference]))
        } catch AccountDeletionError.wrongPassword {
            error = strings["account.delete.wrongPassword"]
        } catch AccountDeletionError.locked(let until) {
            error = strings("account.delete.locked", ["time": session.formats.dateTime(until)])
        } catch {
            self.error = DialogMessage.text(for: error, strings: strings)
        }
        password.set("")
        focus = 1
        return .stay
    }

    // MARK: - The dry run's text

    /// The widest the dry-run box gets.
    private static let planWidth = 100

    /// The dry-run box for a content area and its lines (shared by update, for paging, and render):
    /// as tall as the text needs, at most the whole area.
    func planLayout(in area: Rect, session: Session, bullet: Character = "•") -> (
        box: Rect, lines: [(text: String, style: Style)]
    ) {
        let width = min(area.width, Self.planWidth)
        let all = lines(width: width - 4, session: session, bullet: bullet)
        let box = area.centred(width: width, height: min(area.height, all.count + 4))
        return (box, all)
    }

    /// The dry run as lines of at most `width` columns, each with its style.
    func lines(width: Int, session: Session, bullet glyph: Character = "•") -> [(text: String, style: Style)] {
        guard width > 2 else { return [] }
        let strings = session.strings
        let formats = session.formats
        let purge = formats.date(plan.purgeDueAt)
        var result: [(text: String, style: Style)] = []
        func paragraph(_ text: String, _ style: Style = .normal) {
            for line in TextWrap.lines(text, width: width) { result.append((line, style)) }
        }
        func bullet(_ text: String, _ style: Style = .normal) {
            for (index, line) in TextWrap.lines(text, width: width - 2).enumerated() {
                result.append(((index == 0 ? "\(glyph) " : "  ") + line, style))
            }
        }
        func detail(_ text: String) {
            for line in TextWrap.lines(text, width: width - 4) { result.append(("    " + line, .muted)) }
        }
        paragraph(
            strings.plural("account.delete.intro", count: plan.purgeDays, ["date": purge]))
        result.append(("", .normal))
        paragraph(strings("account.delete.deleted", ["date": purge]), .heading)
        for set in plan.sets where set.deleteCount > 0 {
            bullet(strings.plural("account.delete.setDeleted", count: set.deleteCount, ["name": set.name]))
        }
        bullet(strings.plural("account.delete.also.preferences", count: plan.receiptCount))
        bullet(strings.plural("account.delete.also.requests", count: plan.requestCount))
        bullet(strings["account.delete.also.identity"])
        result.append(("", .normal))
        paragraph(strings("account.delete.kept", ["date": purge]), .heading)
        let kept = plan.sets.filter { $0.keepCount > 0 }
        for set in kept {
            let until =
                set.keptUntilLatest.map { strings("account.delete.until", ["date": formats.date($0)]) }
                ?? strings["account.delete.untilHold"]
            bullet(
                strings.plural("account.delete.setKept", count: set.keepCount, ["name": set.name, "until": until]))
            if let reason = set.keepReason { detail(reason) }
        }
        bullet(strings["account.delete.keptNumber"])
        bullet(strings["account.delete.keptAudit"])
        result.append(("", .normal))
        paragraph(strings["account.delete.nothingYet"], .accent)
        return result
    }

    // MARK: - Rendering

    /// Draws the step on show over `area`.
    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        switch step {
        case .plan: renderPlan(into: &canvas, area: area, session: session)
        case .confirm: renderConfirm(into: &canvas, area: area, session: session)
        }
    }

    private func renderPlan(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let (box, all) = planLayout(in: area, session: session, bullet: canvas.glyphs.bullet)
        let inner = Dialog.frame(
            into: &canvas, area: box, width: box.width, height: box.height,
            title: strings["account.delete.planTitle"], style: .warning)
        guard inner.width > 2, inner.height > 2 else { return }
        let visible = inner.height - 2
        let start = min(scroll, max(0, all.count - visible))
        for (row, line) in all.dropFirst(start).prefix(visible).enumerated() {
            canvas.write(line.text, x: inner.x, y: inner.y + row, width: inner.width, style: line.style)
        }
        var footer = KeyHints.footer(
            [KeyHint(.select), KeyHint(.back)], labels: hintLabels(strings: strings), strings: strings,
            glyphs: canvas.glyphs)
        if all.count > visible {
            let more = start + visible < all.count ? " \(canvas.glyphs.arrowDown)" : ""
            let less = start > 0 ? " \(canvas.glyphs.arrowUp)" : ""
            footer =
                strings(
                    "account.delete.scroll",
                    [
                        "from": session.formats.number(start + 1),
                        "to": session.formats.number(min(all.count, start + visible)),
                        "total": session.formats.number(all.count),
                    ]) + less + more + "  " + footer
        }
        canvas.write(footer, x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
    }

    private func renderConfirm(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 66, height: 16, title: strings["account.delete.confirmTitle"],
            style: .warning)
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
        let warning = strings("account.delete.warning", ["date": session.formats.date(plan.purgeDueAt)])
        for line in TextWrap.lines(warning, width: inner.width).prefix(3) {
            canvas.write(line, x: inner.x, y: y, width: inner.width, style: .warning)
            y += 1
        }
        y = inner.y + 4
        canvas.write(
            strings("account.delete.typeEmail", ["email": session.account.email]), x: inner.x, y: y,
            width: inner.width)
        y += 2
        let message: FieldForm.Message? =
            isChecking
            ? FieldForm.Message(strings["account.delete.checking"], style: .accent)
            : error.map { FieldForm.Message($0, style: .danger) }
        FieldForm.render(
            into: &canvas, x: inner.x, y: y, width: inner.width, labelWidth: min(12, inner.width / 3),
            labels: [strings["account.delete.email"], strings["account.delete.password"]], fields: [email, password],
            focus: focus, message: message)
        let keys = KeyHints.footer(
            [KeyHint(.nextFocus, label: "account.hint.nextField"), KeyHint(.select), KeyHint(.back)],
            labels: hintLabels(strings: strings), strings: strings, glyphs: canvas.glyphs)
        canvas.write(
            keys, x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
    }
}
