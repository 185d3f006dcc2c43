import DashboardUI
import PrivacyModel
import TerminalKit
import Testing

@Suite("The key table: no clashes, every hint generated from it, ASCII when asked")
@MainActor
struct KeyTableTests {
    @Test("no key is bound twice in one context, counting the global keys its lookup also consults")
    func noClashes() {
        let global = KeyBindings.table.filter { $0.context == .global }
        for context in BindingContext.allCases {
            let own = KeyBindings.table.filter { $0.context == context }
            // A context's own row may restate a global key for the same action (q quits on the too-small notice).
            let inherited =
                context == .global
                ? []
                : global.filter { binding in
                    !own.contains { $0.action == binding.action }
                }
            var seen: [Key: Action] = [:]
            for binding in own + inherited {
                for key in binding.keys {
                    #expect(
                        seen[key] == nil,
                        "\(context): \(key.label) is bound to \(seen[key].map { "\($0)" } ?? "") and \(binding.action)")
                    seen[key] = binding.action
                }
            }
        }
    }

    @Test("the checklist, yes, text-field and too-small keys are rows of the table")
    func adHocKeysAreRows() {
        #expect(KeyBindings.action(for: .character(" "), contexts: [.checklist], textInput: false) == .toggleItem)
        #expect(KeyBindings.action(for: .character("a"), contexts: [.checklist], textInput: false) == .toggleAll)
        #expect(KeyBindings.action(for: .control("a"), contexts: [.textField], textInput: true) == .lineStart)
        #expect(KeyBindings.action(for: .control("e"), contexts: [.textField], textInput: true) == .lineEnd)
        #expect(KeyBindings.action(for: .control("u"), contexts: [.textField], textInput: true) == .clearLine)
        #expect(KeyBindings.action(for: .character("Q"), contexts: [.tooSmall], textInput: false) == .quit)
        #expect(KeyBindings.isYes(.character("y"), language: "en"))
        #expect(KeyBindings.isYes(.character("j"), language: "de"))
        #expect(!KeyBindings.isYes(.character("j"), language: "en"))
        #expect(KeyBindings.isYes(.character("o"), language: "fr"))
        #expect(!KeyBindings.isYes(.character("n"), language: "fr"))
    }

    @Test("a footer shows each action's first key from the table with the screen's words, ASCII when asked")
    func footer() throws {
        let strings = try Strings.bundled(language: "fr")
        let hints = [KeyHint(.up, .down, label: "hint.choose"), KeyHint(.select), KeyHint(.back)]
        let labels: [Action: String] = [.select: "enregistrer"]
        #expect(
            KeyHints.footer(hints, labels: labels, strings: strings, glyphs: .unicode)
                == "↑/↓ choisir · Entrée enregistrer · Esc retour")
        #expect(
            KeyHints.footer(hints, labels: labels, strings: strings, glyphs: .ascii(asciiText: false))
                == "Haut/Bas choisir | Entrée enregistrer | Esc retour")
    }

    /// Every glyph the Unicode set draws, and the marks that once bypassed it: none may show under --ascii.
    static var unicodeChrome: Set<Character> {
        let glyphs = Glyphs.unicode
        var set: Set<Character> = [
            glyphs.horizontal, glyphs.vertical, glyphs.topLeft, glyphs.topRight, glyphs.bottomLeft,
            glyphs.bottomRight, glyphs.ellipsis, glyphs.fullBlock, glyphs.pointer, glyphs.arrowUp, glyphs.arrowDown,
            glyphs.bullet, glyphs.mask, "✓", "✗", "⚠", "▶", "←", "→", "⊘",
        ]
        set.formUnion(glyphs.partialBlocks)
        set.formUnion(glyphs.sparkLevels)
        set.formUnion(glyphs.successMark + glyphs.dangerMark + glyphs.warningMark + glyphs.infoMark)
        return set.filter { !$0.isASCII }
    }

    @Test("an --ascii run shows no Unicode chrome on any screen or dialog")
    func asciiEverywhere() throws {
        let harness = try DashboardHarness(size: Size(width: 100, height: 30), glyphs: .ascii(asciiText: false))
        var frames: [(String, String)] = [("sign-in", harness.text)]
        func step(_ name: String, _ keys: String) throws {
            frames.append((name, try harness.press(keys)))
        }
        try step("too small before sign-in", "<Resize:50x12>")
        try step("sign-in again", "<Resize:100x30>")
        try step("overview", "lena.mueller<Tab>\(DashboardHarness.password)<Enter>")
        try step("help", "?")
        try step("help, more", "<PgDn>")
        try step("help closed", "<Esc>")
        try step("my data", "2")
        try step("my data, records", "<Tab><Tab>")
        try step("record correction", "e")
        try step("record correction closed", "<Esc>")
        try step("preferences", "3")
        try step("preference switched", "<Space>")
        try step("consent history", "h")
        try step("consent history closed", "<Esc>")
        try step("requests", "4")
        try step("wizard: right", "n")
        let catalogue = harness.context.catalogue
        let portability = catalogue.rights.firstIndex { $0.id == "portability" } ?? 0
        try step("wizard: scope", String(repeating: "<Down>", count: portability) + "<Enter>")
        try step("wizard: export choices", "<Enter>")
        try step("wizard: checklist", "<Tab>a")
        try step("wizard closed", "<Esc><Esc><Esc><Esc>")
        if harness.text.contains("Quit?") { try step("quit question", "n") }
        try step("request detail", "<Enter>")
        try step("request detail closed", "<Esc>")
        try step("account", "5")
        try step("correction dialog", "e")
        try step("correction closed", "<Esc>")
        try step("password dialog", "p")
        try step("password closed", "<Esc>")
        try step("deletion dry run", "D")
        try step("deletion confirm", "<Enter>")
        try step("deletion closed", "<Esc><Esc>")
        try step("language dialog", String(repeating: "<Down>", count: 6) + "<Enter>")
        try step("language closed", "<Esc>")
        try step("policy", "6")
        try step("too small", "<Resize:50x12>")
        try step("back", "<Resize:100x30>")
        try step("quit question", "5e" + "x<F10>")
        for (name, text) in frames {
            let found = Set(text).intersection(Self.unicodeChrome)
            #expect(
                found.isEmpty,
                "\(name) shows \(String(found)): \(text.split(separator: "\n").filter { !Set($0).isDisjoint(with: found) })"
            )
        }
    }
}
