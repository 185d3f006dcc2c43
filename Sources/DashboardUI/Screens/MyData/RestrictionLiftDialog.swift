import PrivacyModel
import TerminalKit

/// Lifts a restriction from My data or Requests: the password typed again, then the model lifts it and the
/// dialog shows the receipt (the request's timeline records it).
@MainActor
struct RestrictionLiftDialog: Equatable {
    /// What the dialog shows.
    enum Step: Equatable {
        /// The password.
        case password
        /// What was done.
        case receipt(RestrictionLift)
    }

    /// What the screen should do after a key.
    enum Outcome: Equatable {
        /// Keep the dialog open.
        case stay
        /// Close it.
        case close
        /// Close it and let the dashboard apply the key's global meaning (quit).
        case passThrough
        /// The restriction was lifted: reload, keep the receipt on show.
        case lifted
    }

    /// What the screen holding `dialog` returns for `outcome`, closing the dialog when it is done; `lifted` says
    /// the screen should reload what it shows.
    static func settle(_ outcome: Outcome, dialog: inout RestrictionLiftDialog?) -> (ScreenOutcome, lifted: Bool) {
        switch outcome {
        case .stay: return (.handled, false)
        case .close:
            dialog = nil
            return (.handled, false)
        case .passThrough:
            dialog = nil
            return (.ignored, false)
        case .lifted: return (.handled, true)
        }
    }

    /// The category being lifted.
    let categoryId: String
    private(set) var step = Step.password
    private(set) var password = TextField(masked: true, maxLength: AccountService.maximumPasswordBytes)
    private(set) var error: String?
    /// Set by Enter: the check runs once the frame saying so is on screen.
    private(set) var isChecking = false

    /// Starts at the password for `categoryId`.
    init(categoryId: String) { self.categoryId = categoryId }

    /// The password field takes printable keys.
    var capturesText: Bool { step == .password }

    /// Whether a password has been typed.
    var hasUnsavedInput: Bool { !password.isEmpty }

    /// Whether the password check waits to run.
    var hasPendingWork: Bool { isChecking }

    /// Enter and Esc in either step.
    var hintActions: [Action] { step == .password ? [.select, .back] : [.select] }

    /// Enter lifts, or closes the receipt; Esc cancels.
    func hintLabels(strings: Strings) -> [Action: String] {
        step == .password
            ? [.select: strings["lift.hint.lift"], .back: strings["account.hint.cancel"]]
            : [.select: strings["lift.hint.close"]]
    }

    /// Handles a key: typing the password, Enter to check it (or close the receipt), Esc to cancel.
    mutating func update(_ input: ScreenInput, session: Session) -> Outcome {
        if case .receipt = step {
            switch input.action {
            case .select, .back: return .close
            case .quit: return .passThrough
            default: return .stay
            }
        }
        switch input.action {
        case .select:
            guard !password.isEmpty else {
                error = session.strings["lift.passwordMissing"]
                return .stay
            }
            error = nil
            isChecking = true
        case .back: return .close
        case .quit: return .passThrough
        case .some: break
        case nil: _ = password.handle(input.key)
        }
        return .stay
    }

    /// Checks the password and lifts the restriction through the model (after Enter set `isChecking`).
    mutating func performPendingWork(session: Session) -> Outcome {
        guard isChecking else { return .stay }
        isChecking = false
        let strings = session.strings
        do {
            session.reloadAccount()
            let check = try PasswordConfirmation(context: session.context).check(
                password.text, for: session.account, refusedAction: "restriction-lift-refused")
            password.set("")
            switch check {
            case .confirmed:
                let lift = try RestrictionService(context: session.context).lift(
                    accountId: session.account.id, categoryId: categoryId, actor: .subscriber)
                step = .receipt(lift)
                return .lifted
            case .wrong:
                error = strings["lift.passwordWrong"]
            case .locked(let until):
                error = strings("lift.locked", ["time": session.formats.dateTime(until)])
            }
        } catch {
            self.error = DialogMessage.text(for: error, strings: strings)
        }
        return .stay
    }

    /// Draws the dialog centred in `area`.
    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let category = session.catalogue.category(categoryId)?.name ?? categoryId
        let inner = Dialog.frame(into: &canvas, area: area, width: 66, height: 14, title: strings["lift.title"])
        guard inner.width > 0, inner.height > 2 else { return }
        let (body, keys) = inner.splitBottom(1)
        switch step {
        case .password:
            let used = Dialog.paragraphs(
                [strings("lift.intro", ["category": category])], into: &canvas, area: body, style: .muted)
            let message: FieldForm.Message? =
                isChecking
                ? FieldForm.Message(strings["account.password.checking"], style: .accent)
                : error.map { FieldForm.Message($0, style: .danger) }
            FieldForm.render(
                into: &canvas, x: body.x, y: body.y + used + 1, width: body.width,
                labelWidth: min(18, body.width / 3), labels: [strings["lift.password"]], fields: [password], focus: 0,
                message: message)
        case .receipt(let lift):
            var texts = [strings("lift.done", ["category": category, "time": session.formats.dateTime(lift.liftedAt)])]
            if let reference = lift.reference { texts.append(strings("lift.recorded", ["reference": reference])) }
            Dialog.paragraphs(texts, into: &canvas, area: body)
        }
        let footer = KeyHints.footer(
            hintActions.map { KeyHint($0) }, labels: hintLabels(strings: strings), strings: strings,
            glyphs: canvas.glyphs)
        canvas.write(footer, x: keys.x, y: keys.y, width: keys.width, style: .muted)
    }
}
