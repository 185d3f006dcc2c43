import Foundation
public import PrivacyModel
public import TerminalKit

/// The sign-in form: email or username, a masked password, and one answer for any wrong pair; after a
/// one-time password, the new password to choose before anything else.
public struct SignInScreen: Screen, Sendable {
    private var identifier = TextField(maxLength: 254)
    private var password = TextField(masked: true, maxLength: 1024)
    private var focus = 0
    private var message: Flash?
    /// Set when Enter was pressed: the check runs after the "checking" frame is on screen.
    private var isSubmitting = false
    /// The new password to choose, when the account signed in with a one-time password staff set.
    private var change: PasswordChangeStep?

    /// Makes an empty form, with an optional message (e.g. after an idle sign-out).
    public init(message: Flash? = nil) { self.message = message }

    /// The form's fields take every printable key.
    public var contexts: [BindingContext] { [.form] }
    /// Tab to the next field, Enter to sign in (or change the password), Esc to leave the change.
    public var hintActions: [Action] { change == nil ? [.nextFocus, .select] : [.nextFocus, .select, .back] }
    /// A field always has focus.
    public var capturesText: Bool { true }
    /// Whether anything has been typed, or the change step holds the one-time password (so the idle timer clears it).
    public var hasUnsavedInput: Bool { !identifier.isEmpty || !password.isEmpty || change != nil }
    /// Whether the password check (or change) waits for the "checking" frame.
    public var hasPendingWork: Bool { isSubmitting || change?.isChecking == true }

    /// Enter signs in, or changes the password on the change step.
    public func hintLabels(strings: Strings) -> [Action: String] {
        guard change != nil else { return [.select: strings["signin.submit"]] }
        return [.select: strings["account.hint.changePassword"], .back: strings["account.hint.cancel"]]
    }

    /// Handles a key: editing, moving between fields, submitting.
    public mutating func update(_ input: ScreenInput, context: PrivacyContext, strings: Strings) -> ScreenOutcome {
        if var step = change {
            if case .cancel = step.update(input, strings: strings) {
                self = SignInScreen(message: Flash(text: strings["signin.mustChange.notSignedIn"], kind: .warning))
            } else {
                change = step
            }
            return .handled
        }
        switch input.action {
        case .nextFocus, .down:
            focus = (focus + 1) % 2
            return .handled
        case .previousFocus, .up:
            focus = (focus + 1) % 2
            return .handled
        case .select:
            if focus == 0 {
                focus = 1
                return .handled
            }
            let name = identifier.text.trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, !password.isEmpty else {
                message = Flash(text: strings["signin.missing"], kind: .warning)
                return .handled
            }
            // The password check takes a moment (scrypt): show that it is running first.
            isSubmitting = true
            message = Flash(text: strings["signin.checking"], kind: .info)
            return .handled
        case .back:
            if focus == 1 { focus = 0 }
            return .handled
        default:
            break
        }
        if focus == 0 { _ = identifier.handle(input.key) } else { _ = password.handle(input.key) }
        return .handled
    }

    /// Checks the typed email or username and password (after Enter asked for it), then signs in or says why not.
    public mutating func performPendingWork(context: PrivacyContext, strings: Strings) -> ScreenOutcome {
        if var step = change {
            let outcome = step.performPendingWork(context: context, strings: strings)
            change = step
            guard case .changed(let account) = outcome else { return .handled }
            change = nil
            return .signIn(account, failures: step.failures)
        }
        isSubmitting = false
        let name = identifier.text.trimmingCharacters(in: .whitespaces)
        let formats = Formats(language: strings.language)
        do {
            let typed = password.text
            let outcome = try SignInService(context: context).signIn(name, password: typed)
            password.set("")
            switch outcome {
            case .success(let account, let failures):
                message = nil
                identifier.set("")
                guard account.mustChangePassword else { return .signIn(account, failures: failures) }
                change = PasswordChangeStep(account: account, failures: failures, oneTimePassword: typed)
                return .handled
            case .invalidCredentials:
                message = Flash(text: strings["signin.invalid"], kind: .danger)
            case .locked(let until):
                let minutes = max(1, Int((until.timeIntervalSince(context.now) / 60).rounded(.up)))
                message = Flash(
                    text: strings.plural("signin.locked", count: minutes, ["time": formats.time(until)]),
                    kind: .danger)
            case .deletionPending(let purgeOn):
                message = Flash(
                    text: strings("signin.deletionPending", ["date": formats.date(purgeOn)]), kind: .warning)
            }
        } catch {
            password.set("")
            message = Flash(text: strings.message(for: error, formats: formats), kind: .danger)
        }
        focus = 1
        return .handled
    }

    /// Draws the form centred in `area`, with the demo accounts below it when there are any.
    public func render(
        into canvas: inout Canvas, area: Rect, strings: Strings, catalogue: PolicyCatalogue, demo: [DemoCredential]
    ) {
        if let change { return change.render(into: &canvas, area: area, strings: strings) }
        let width = min(64, area.width - 2)
        let height = min(area.height, 11 + Self.demoRows(demo, innerWidth: width - 4))
        let inner = Dialog.frame(
            into: &canvas, area: area, width: width, height: height, title: strings["signin.title"])
        var y = inner.y
        canvas.write(strings["signin.intro"], x: inner.x, y: y, width: inner.width, style: .muted)
        y += 2
        let message = self.message.map { FieldForm.Message($0.text, style: $0.style) }
        y = FieldForm.render(
            into: &canvas, x: inner.x, y: y, width: inner.width, labelWidth: min(18, inner.width / 3),
            labels: [strings["signin.identifier"], strings["signin.password"]], fields: [identifier, password],
            focus: focus, message: message)
        if message == nil {
            canvas.write(
                strings("signin.policy", ["version": catalogue.version]), x: inner.x, y: y, width: inner.width,
                style: .muted)
            y += 1
        }
        guard !demo.isEmpty, y + 2 < inner.maxY else { return }
        y += 1
        // Demo stores give every account one password: say it once and list the names in columns.
        let passwords = Set(demo.map(\.password))
        if passwords.count == 1, let password = passwords.first {
            canvas.write(
                strings("signin.demoShared", ["password": password]), x: inner.x, y: y, width: inner.width,
                style: .accent)
            y += 1
            let (columnWidth, perRow) = Self.demoColumns(demo, innerWidth: inner.width)
            for (index, credential) in demo.enumerated() where y + index / perRow < inner.maxY {
                canvas.write(
                    credential.identifier, x: inner.x + (index % perRow) * columnWidth, y: y + index / perRow,
                    width: min(columnWidth, inner.width), style: .normal)
            }
            return
        }
        canvas.write(strings["signin.demo"], x: inner.x, y: y, width: inner.width, style: .accent)
        y += 1
        for credential in demo where y < inner.maxY {
            canvas.write(
                strings("signin.demoLine", ["identifier": credential.identifier, "password": credential.password]),
                x: inner.x, y: y, width: inner.width, style: .muted)
            y += 1
        }
    }
}

extension SignInScreen {
    /// Column width and names per row for demo accounts that share a password.
    fileprivate static func demoColumns(_ demo: [DemoCredential], innerWidth: Int) -> (width: Int, perRow: Int) {
        let columnWidth = (demo.map { TextWidth.columns(of: $0.identifier) }.max() ?? 0) + 3
        return (columnWidth, max(1, innerWidth / max(1, columnWidth)))
    }

    /// Rows the demo block takes below the form (a blank row and its heading included).
    fileprivate static func demoRows(_ demo: [DemoCredential], innerWidth: Int) -> Int {
        guard !demo.isEmpty else { return 0 }
        guard Set(demo.map(\.password)).count == 1 else { return demo.count + 2 }
        let perRow = demoColumns(demo, innerWidth: innerWidth).perRow
        return (demo.count + perRow - 1) / perRow + 2
    }
}

/// A demo account shown on the sign-in screen of a demo store.
public struct DemoCredential: Sendable, Equatable {
    /// Email or username.
    public let identifier: String
    /// Its password.
    public let password: String

    /// Makes a credential.
    public init(identifier: String, password: String) {
        self.identifier = identifier
        self.password = password
    }
}
