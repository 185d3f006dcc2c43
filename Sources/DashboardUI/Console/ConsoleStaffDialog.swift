import PrivacyModel
import TerminalKit

/// The owner's dialog for a new staff account (username, display name, role, initial password typed twice) or
/// for another role of an existing one; `StaffService` checks and audits the change.
@MainActor
struct ConsoleStaffDialog {
    /// The dialog's fields, in the order Tab visits them.
    enum Field: CaseIterable {
        case username, displayName, role, password, passwordAgain
    }

    /// The account whose role changes; nil when creating one.
    let changing: StaffAccount?
    private(set) var username = TextField(maxLength: 32)
    private(set) var displayName = TextField(maxLength: 80)
    private(set) var password = TextField(masked: true, maxLength: 128)
    private(set) var passwordAgain = TextField(masked: true, maxLength: 128)
    private(set) var role: StaffRole
    private(set) var focus: Field
    /// The model's refusal of the last attempt, in the console's language.
    private(set) var error: String?

    /// What the dialog wants after a key.
    enum Outcome: Equatable {
        case stay
        case close
        /// The change was made; the message says what changed.
        case done(String)
        case passThrough
    }

    /// A dialog creating an account (`changing` nil, an agent by default) or changing `changing`'s role.
    init(changing: StaffAccount?) {
        self.changing = changing
        role = changing?.role ?? .agent
        focus = changing == nil ? .username : .role
    }

    private var fields: [Field] { changing == nil ? Field.allCases : [.role] }

    /// Whether keys go to a text field.
    var capturesText: Bool { focus != .role }
    /// Whether anything has been typed.
    var hasUnsavedInput: Bool {
        !username.isEmpty || !displayName.isEmpty || !password.isEmpty || !passwordAgain.isEmpty
    }

    /// Handles a key: editing, Tab and ↑/↓ between fields, ←/→ on the role, Enter to save, Esc to cancel.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> Outcome {
        switch input.action {
        case .select: return save(session: session)
        case .back: return .close
        case .quit: return .passThrough
        case .nextFocus, .down: moveFocus(by: 1)
        case .previousFocus, .up: moveFocus(by: -1)
        case .left where focus == .role: role = Self.role(after: role, by: -1)
        case .right where focus == .role: role = Self.role(after: role, by: 1)
        default:
            switch focus {
            case .username: _ = username.handle(input.key)
            case .displayName: _ = displayName.handle(input.key)
            case .password: _ = password.handle(input.key)
            case .passwordAgain: _ = passwordAgain.handle(input.key)
            case .role: break
            }
        }
        return .stay
    }

    private mutating func moveFocus(by delta: Int) {
        guard let index = fields.firstIndex(of: focus) else { return }
        focus = fields[(index + delta + fields.count) % fields.count]
    }

    private static func role(after role: StaffRole, by delta: Int) -> StaffRole {
        let all = StaffRole.allCases
        let index = all.firstIndex(of: role) ?? 0
        return all[(index + delta + all.count) % all.count]
    }

    private mutating func save(session: ConsoleSession) -> Outcome {
        let strings = session.strings
        let service = StaffService(context: session.context)
        do {
            if let changing {
                try service.changeRole(username: changing.username, to: role, by: session.staff)
                return .done(
                    strings(
                        "console.staff.roleChanged",
                        ["username": changing.username, "role": strings["error.term.role.\(role.rawValue)"]]))
            }
            guard password.text == passwordAgain.text else {
                error = strings["console.staff.passwordsDiffer"]
                focus = .passwordAgain
                return .stay
            }
            let account = try service.create(
                username: username.text, displayName: displayName.text, role: role, initialPassword: password.text,
                by: session.staff)
            return .done(strings("console.staff.created", ["username": account.username]))
        } catch {
            self.error = session.message(for: error)
            return .stay
        }
    }

    /// Draws the dialog centred in `area`.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession) {
        let strings = session.strings
        let title =
            changing.map { strings("console.staff.changeTitle", ["username": $0.username]) }
            ?? strings["console.staff.createTitle"]
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 64, height: changing == nil ? 17 : 9, title: title)
        guard inner.width > 0, inner.height > 0 else { return }
        let labelWidth = 22
        let fieldWidth = max(1, inner.width - labelWidth)
        var y = inner.y
        for field in fields {
            canvas.write(
                strings["console.staff.field.\(field)"], x: inner.x, y: y, width: labelWidth - 1,
                style: focus == field ? .heading : .normal)
            switch field {
            case .username:
                username.render(
                    into: &canvas, x: inner.x + labelWidth, y: y, width: fieldWidth, focused: focus == field)
            case .displayName:
                displayName.render(
                    into: &canvas, x: inner.x + labelWidth, y: y, width: fieldWidth, focused: focus == field)
            case .password:
                password.render(
                    into: &canvas, x: inner.x + labelWidth, y: y, width: fieldWidth, focused: focus == field)
            case .passwordAgain:
                passwordAgain.render(
                    into: &canvas, x: inner.x + labelWidth, y: y, width: fieldWidth, focused: focus == field)
            case .role:
                let words = StaffRole.allCases.map { option in
                    let word = strings["error.term.role.\(option.rawValue)"]
                    return option == role ? "[\(word)]" : word
                }
                canvas.write(
                    words.joined(separator: " "), x: inner.x + labelWidth, y: y, width: fieldWidth,
                    style: focus == field ? .selected : .normal)
            }
            y += 2
        }
        if changing == nil {
            for line in TextWrap.lines(strings["console.staff.enrolNote"], width: inner.width).prefix(2) {
                canvas.write(line, x: inner.x, y: y, width: inner.width, style: .muted)
                y += 1
            }
        }
        if let error {
            for line in TextWrap.lines(error, width: inner.width).prefix(max(1, inner.maxY - 1 - y)) {
                canvas.write(line, x: inner.x, y: y, width: inner.width, style: .danger)
                y += 1
            }
        }
        var hints = [KeyHint(.select, label: "console.staff.save"), KeyHint(.back)]
        if changing == nil { hints.insert(KeyHint(.nextFocus, label: "console.step.switchField"), at: 1) }
        hints.insert(KeyHint(.left, .right, label: "console.staff.chooseRole"), at: 1)
        canvas.write(
            KeyHints.footer(hints, contexts: [.consoleStaffDialog, .form], strings: strings, glyphs: canvas.glyphs),
            x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
    }
}
