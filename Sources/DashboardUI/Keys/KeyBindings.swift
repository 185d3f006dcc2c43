public import TerminalKit

/// The one table of key bindings: key lookup, the bottom hint bar and the help overlay all read it.
public enum KeyBindings {
    /// Every binding, in the order the help overlay lists them.
    public static let table: [KeyBinding] = [
        KeyBinding(.help, [.character("?"), .function(1)], .global),
        KeyBinding(.quit, [.character("q"), .function(10), .control("c")], .global),
        KeyBinding(.redraw, [.control("l"), .function(5)], .global),
        KeyBinding(.goOverview, [.character("1")], .global),
        KeyBinding(.goMyData, [.character("2")], .global),
        KeyBinding(.goPreferences, [.character("3")], .global),
        KeyBinding(.goRequests, [.character("4")], .global),
        KeyBinding(.goAccount, [.character("5")], .global),
        KeyBinding(.goPolicy, [.character("6")], .global),
        KeyBinding(.goHelp, [.character("7")], .global),
        KeyBinding(.nextFocus, [.tab], .global),
        KeyBinding(.previousFocus, [.backTab], .global),
        KeyBinding(.up, [.up, .character("k")], .navigation),
        KeyBinding(.down, [.down, .character("j")], .navigation),
        KeyBinding(.left, [.left, .character("h")], .navigation),
        KeyBinding(.right, [.right, .character("l")], .navigation),
        KeyBinding(.pageUp, [.pageUp], .navigation),
        KeyBinding(.pageDown, [.pageDown], .navigation),
        KeyBinding(.first, [.home, .character("g")], .navigation),
        KeyBinding(.last, [.end, .character("G")], .navigation),
        KeyBinding(.select, [.enter], .navigation),
        KeyBinding(.back, [.escape, .backspace], .navigation),
        KeyBinding(.select, [.enter], .form),
        KeyBinding(.back, [.escape], .form),
        KeyBinding(.up, [.up], .form),
        KeyBinding(.down, [.down], .form),
        KeyBinding(.filter, [.character("/"), .function(3)], .myData),
        KeyBinding(.showCharts, [.character("c")], .myData),
        KeyBinding(.correctRecord, [.character("e")], .myData),
        KeyBinding(.liftRestriction, [.character("u")], .myData),
        KeyBinding(.toggle, [.character(" "), .character("t")], .preferences),
        KeyBinding(.history, [.character("h"), .function(2)], .preferences),
        KeyBinding(.newRequest, [.character("n"), .function(7)], .requests),
        KeyBinding(.cancelRequest, [.character("x"), .function(8)], .requests),
        KeyBinding(.liftRestriction, [.character("u")], .requests),
        KeyBinding(.editProfile, [.character("e"), .function(4)], .account),
        KeyBinding(.changePassword, [.character("p"), .function(6)], .account),
        KeyBinding(.signOut, [.character("s"), .function(9)], .account),
        KeyBinding(.deleteAccount, [.character("D"), .function(12)], .account),
        KeyBinding(.accessLog, [.character("w")], .account),
        KeyBinding(.acknowledgePolicy, [.character("a"), .function(11)], .policy),
        KeyBinding(.policyChanges, [.character("c")], .policy),
        KeyBinding(.policyHistory, [.character("v")], .policy),
        KeyBinding(.objectToPurpose, [.character("o")], .policy),
        KeyBinding(.deleteAccount, [.character("D")], .policy),
        KeyBinding(.openNotices, [.character("n")], .overview),
        KeyBinding(.acknowledgeNotice, [.character("a")], .notice),
        KeyBinding(.toggleItem, [.character(" "), .character("x")], .checklist),
        KeyBinding(.toggleAll, [.character("a")], .checklist),
        KeyBinding(.left, [.left], .checklist),
        KeyBinding(.right, [.right], .checklist),
        KeyBinding(.confirm, [.character("y"), .character("Y")], .confirmation),
        KeyBinding(.lineStart, [.home, .control("a")], .textField),
        KeyBinding(.lineEnd, [.end, .control("e")], .textField),
        KeyBinding(.clearLine, [.control("u")], .textField),
        KeyBinding(.quit, [.character("q"), .character("Q")], .tooSmall),
        KeyBinding(.filterStatus, [.character("s")], .consoleQueue),
        KeyBinding(.filterRight, [.character("r")], .consoleQueue),
        KeyBinding(.filterOverdue, [.character("o")], .consoleQueue),
        KeyBinding(.searchQueue, [.character("/"), .function(3)], .consoleQueue),
        KeyBinding(.fileOnBehalf, [.character("n")], .consoleQueue),
        KeyBinding(.breachRegister, [.character("b")], .consoleQueue),
        KeyBinding(.acknowledgeRequest, [.character("a")], .consoleRequest),
        KeyBinding(.verifyIdentity, [.character("v")], .consoleRequest),
        KeyBinding(.startRequest, [.character("s")], .consoleRequest),
        KeyBinding(.completeRequest, [.character("c")], .consoleRequest),
        KeyBinding(.denyRequest, [.character("d")], .consoleRequest),
        KeyBinding(.extendRequest, [.character("e")], .consoleRequest),
        KeyBinding(.resetSubscriberPassword, [.character("p")], .consoleRequest),
        KeyBinding(.closeUnderage, [.character("u")], .consoleRequest),
        KeyBinding(.filterStaff, [.character("m")], .consoleAudit),
        KeyBinding(.filterAction, [.character("a")], .consoleAudit),
        KeyBinding(.breachRegister, [.character("b")], .consoleAudit),
        KeyBinding(.newStaff, [.character("n"), .function(7)], .consoleStaff),
        KeyBinding(.changeRole, [.character("r")], .consoleStaff),
        KeyBinding(.disableStaff, [.character("d")], .consoleStaff),
        KeyBinding(.publishBreach, [.character("p")], .consoleBreaches),
        KeyBinding(.closeBreach, [.character("x")], .consoleBreaches),
        KeyBinding(.left, [.left], .consoleStaffDialog),
        KeyBinding(.right, [.right], .consoleStaffDialog),
    ]

    /// Yes keys a language adds to the table's: the initial of its word for yes ("j" for ja, "o" for oui).
    public static let languageYesKeys: [String: [Key]] = [
        "de": [.character("j"), .character("J")], "fr": [.character("o"), .character("O")],
    ]

    /// Whether a key answers yes to a question in `language`: the table's yes keys or the language's own.
    public static func isYes(_ key: Key, language: String) -> Bool {
        action(for: key, contexts: [.confirmation], textInput: false) == .confirm
            || languageYesKeys[language]?.contains(key) == true
    }

    /// The yes key a question in `language` names ("y", "j", "o").
    public static func yesKey(language: String) -> Key {
        languageYesKeys[language]?.first ?? binding(for: .confirm, contexts: [.confirmation])?.keys.first
            ?? .character("y")
    }

    /// The action for a key, looking in the given contexts first (a screen's own keys win), then global.
    ///
    /// With `textInput`, printable keys belong to the focused field and map to nothing, so typing
    /// "q" or "1" into a field neither quits nor switches screens; a pasted run of text is never a command.
    public static func action(for key: Key, contexts: [BindingContext], textInput: Bool) -> Action? {
        if textInput, case .character = key { return nil }
        if case .text = key { return nil }
        for context in contexts + [.global] {
            if textInput && context == .navigation { continue }
            if let binding = table.first(where: { $0.context == context && $0.keys.contains(key) }) {
                return binding.action
            }
        }
        return nil
    }

    /// The binding shown for an action in a context (its first key), for the hint bar.
    public static func binding(for action: Action, contexts: [BindingContext]) -> KeyBinding? {
        for context in contexts + [.global, .navigation, .form] {
            if let binding = table.first(where: { $0.context == context && $0.action == action }) { return binding }
        }
        return nil
    }
}
