import Foundation
import PrivacyModel
import TerminalKit

/// The owner's view: every staff account with its role, status and last sign-in; new accounts, role changes and
/// disabling go through `StaffService`, which checks the owner's permission and audits each change.
@MainActor
struct ConsoleStaffView {
    private(set) var accounts: [StaffAccount] = []
    private(set) var list = ListState()
    /// The create or change-role dialog, while open.
    private var dialog: ConsoleStaffDialog?
    /// The account a "disable?" question is about, while asked.
    private var disabling: StaffAccount?
    private var loadError: String?

    /// The view for a member of staff who may manage staff, read at once; nil for any other role.
    static func open(session: ConsoleSession) -> ConsoleStaffView? {
        guard session.staff.may(.manageStaff) else { return nil }
        var view = ConsoleStaffView()
        view.reload(session: session)
        return view
    }

    /// Reads the accounts again.
    mutating func reload(session: ConsoleSession) {
        do {
            accounts = try StaffService(context: session.context).list(by: session.staff)
            loadError = nil
        } catch {
            accounts = []
            loadError = session.message(for: error)
        }
        list.clamp(count: accounts.count)
    }

    var contexts: [BindingContext] {
        if dialog != nil { return [.consoleStaffDialog] }
        return disabling == nil ? [.consoleStaff] : [.confirmation]
    }
    var capturesText: Bool { dialog?.capturesText ?? false }
    var hasUnsavedInput: Bool { dialog?.hasUnsavedInput ?? false }
    var hintActions: [Action] {
        dialog == nil && disabling == nil ? [.newStaff, .changeRole, .disableStaff] : []
    }

    private var selected: StaffAccount? { accounts.indices.contains(list.selected) ? accounts[list.selected] : nil }

    /// Handles one key: the dialog or the question first, else scrolling and the three changes.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> ConsoleOutcome {
        if var open = dialog { return updateDialog(&open, input, session: session) }
        if let account = disabling {
            disabling = nil
            if KeyBindings.isYes(input.key, language: session.strings.language) {
                disable(account, session: session)
            }
            return .handled
        }
        if list.apply(input.action, count: accounts.count, page: max(1, input.area.height - 3)) { return .handled }
        switch input.action {
        case .newStaff: dialog = ConsoleStaffDialog(changing: nil)
        case .changeRole:
            guard let selected else { return .handled }
            dialog = ConsoleStaffDialog(changing: selected)
        case .disableStaff:
            guard let selected, selected.status != .disabled else { return .handled }
            disabling = selected
        default: return .ignored
        }
        return .handled
    }

    private mutating func updateDialog(
        _ open: inout ConsoleStaffDialog, _ input: ScreenInput, session: ConsoleSession
    ) -> ConsoleOutcome {
        switch open.update(input, session: session) {
        case .stay: dialog = open
        case .close: dialog = nil
        case .passThrough:
            dialog = open
            return .ignored
        case .done(let message):
            dialog = nil
            session.show(message, .success)
            reload(session: session)
        }
        return .handled
    }

    private mutating func disable(_ account: StaffAccount, session: ConsoleSession) {
        do {
            try StaffService(context: session.context).disable(username: account.username, by: session.staff)
            session.show(session.strings("console.staff.disabled", ["username": account.username]), .success)
        } catch {
            session.show(error: error)
        }
        reload(session: session)
    }

    // MARK: Rendering

    /// Draws the list into `area`, and the dialog or question over it.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession) {
        let strings = session.strings
        let x = area.x + 1
        let width = area.width - 2
        canvas.write(strings["console.staff.heading"], x: x, y: area.y, width: width, style: .heading)
        let table = area.splitTop(2).rest
        if let loadError {
            canvas.write(loadError, x: x, y: table.y, width: width, style: .danger)
        } else {
            TableView.render(
                into: &canvas, area: table, columns: Self.columns(strings: strings),
                rows: accounts.map { Self.cells($0, session: session) }, selected: list.selected,
                offset: list.visibleOffset(visible: table.height - 1), focused: dialog == nil,
                styles: accounts.map { $0.status == .disabled ? .muted : nil })
        }
        if let dialog {
            dialog.render(into: &canvas, area: area, session: session)
        } else if let disabling {
            let inner = Dialog.frame(
                into: &canvas, area: area, width: 60, height: 7, title: strings["console.staff.disableTitle"])
            guard inner.width > 0, inner.height > 0 else { return }
            let question = strings("console.staff.disableQuestion", ["username": disabling.username])
            Dialog.paragraphs([question], into: &canvas, area: inner)
            canvas.write(
                KeyHints.yesNo(strings: strings, glyphs: canvas.glyphs), x: inner.x, y: inner.maxY - 1,
                width: inner.width, style: .muted)
        }
    }

    private static func columns(strings: Strings) -> [TableColumn] {
        func title(_ key: String) -> String { strings["console.staff.column.\(key)"] }
        return [
            TableColumn(title("username"), minWidth: 10), TableColumn(title("displayName"), minWidth: 12),
            TableColumn(title("role"), width: 9), TableColumn(title("status"), width: 12),
            TableColumn(title("lastSignIn"), width: 16),
        ]
    }

    private static func cells(_ account: StaffAccount, session: ConsoleSession) -> [String] {
        let strings = session.strings
        return [
            account.username, account.displayName, strings["error.term.role.\(account.role.rawValue)"],
            strings["console.staff.status.\(account.status.rawValue)"],
            account.lastSignInAt.map { session.formats.dateTime(Date(epochSeconds: $0)) }
                ?? strings["console.staff.never"],
        ]
    }
}
