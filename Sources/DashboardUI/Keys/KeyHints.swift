public import PrivacyModel
public import TerminalKit

/// One item of a dialog's key footer: the actions whose keys are shown together, and the words for them.
public struct KeyHint: Sendable, Equatable {
    /// The actions, each shown by the first key of its binding ("↑/↓ choose").
    public let actions: [Action]
    /// Strings key of the words; nil shows the screen's label for the first action, else its hint in the table.
    public let label: String?

    /// Makes an item; the words default to the screen's label or the table's hint for the first action.
    public init(_ actions: Action..., label: String? = nil) {
        self.actions = actions
        self.label = label
    }
}

/// Key names in dialog footers and questions, generated from the key table as the bottom bar is.
public enum KeyHints {
    /// A dialog's footer, e.g. "↑/↓ choose · Enter next · Esc back": each item's keys are the first keys of
    /// its actions' bindings in `contexts` (then global, lists and forms); its words are the item's own,
    /// else the bottom bar's `labels` for the action, else the table's hint.
    public static func footer(
        _ hints: [KeyHint], labels: [Action: String] = [:], contexts: [BindingContext] = [.form], strings: Strings,
        glyphs: Glyphs
    ) -> String {
        hints.compactMap { hint -> String? in
            let bindings = hint.actions.compactMap { KeyBindings.binding(for: $0, contexts: contexts) }
            guard let first = bindings.first else { return nil }
            let keys = bindings.compactMap { $0.keys.first.map { name($0, strings: strings, glyphs: glyphs) } }
                .joined(separator: "/")
            return keys + " " + (hint.label.map { strings[$0] } ?? labels[first.action] ?? strings[first.hint])
        }.joined(separator: glyphs.separator)
    }

    /// A key's name in the strings' language and the glyphs' alphabet: "↑" or "Up", "Enter" or "Entrée".
    public static func name(_ key: Key, strings: Strings, glyphs: Glyphs) -> String {
        let label = glyphs.label(of: key)
        return strings.optional("keyname.\(label)") ?? label
    }

    /// The name of the first key bound to `action`, for a `{placeholder}` in a sentence.
    public static func name(
        of action: Action, contexts: [BindingContext] = [.form], strings: Strings, glyphs: Glyphs
    ) -> String {
        guard let key = KeyBindings.binding(for: action, contexts: contexts)?.keys.first else { return "" }
        return name(key, strings: strings, glyphs: glyphs)
    }

    /// The yes key of a question in the strings' language, e.g. "y" or "j".
    public static func yesKey(strings: Strings, glyphs: Glyphs) -> String {
        name(KeyBindings.yesKey(language: strings.language), strings: strings, glyphs: glyphs)
    }

    /// The answer line under a yes/no question: "y yes · any other key no".
    static func yesNo(strings: Strings, glyphs: Glyphs) -> String {
        strings("dialog.yesNo", ["yes": yesKey(strings: strings, glyphs: glyphs)])
    }
}
