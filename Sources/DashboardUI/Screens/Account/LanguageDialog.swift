import PrivacyModel
import TerminalKit

/// Chooses the language the dashboard is shown in: saved to the account and applied to the session at once.
@MainActor
struct LanguageDialog: AccountDialog, Equatable {
    /// The language under the pointer.
    private(set) var list: ListState
    private(set) var error: String?

    /// Opens the dialog with the pointer on the language shown now.
    init(current: DisplayLanguage) {
        list = ListState(selected: DisplayLanguage.allCases.firstIndex(of: current) ?? 0)
    }

    /// Languages are chosen from a list, not typed.
    var capturesText: Bool { false }

    /// Handles a key: up and down choose, Enter saves and switches, Esc cancels.
    mutating func update(_ input: ScreenInput, session: Session) -> DialogOutcome {
        switch input.action {
        case .select: return apply(session: session)
        case .back: return .close
        case .quit: return .passThrough
        default:
            _ = list.apply(input.action, count: DisplayLanguage.allCases.count, page: DisplayLanguage.allCases.count)
            return .stay
        }
    }

    private mutating func apply(session: Session) -> DialogOutcome {
        let languages = DisplayLanguage.allCases
        guard languages.indices.contains(list.selected) else { return .stay }
        let language = languages[list.selected]
        let previous = session.language
        do {
            // Load the language first (it can fail), then keep it with the account.
            try session.switchLanguage(to: language)
            let changed: Bool
            do {
                changed = try LanguagePreferenceService(context: session.context).set(
                    accountId: session.account.id, to: language)
            } catch {
                try? session.switchLanguage(to: previous)
                throw error
            }
            session.reloadAccount()
            let key = changed ? "account.language.saved" : "account.language.shown"
            session.show(session.strings(key, ["language": language.endonym]), .success)
            return .close
        } catch {
            self.error = DialogMessage.text(for: error, strings: session.strings)
            return .stay
        }
    }

    /// Draws the dialog centred in `area`: each language in its own name, the current one marked.
    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let languages = DisplayLanguage.allCases
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 60, height: 10 + languages.count,
            title: strings["account.language.title"])
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
        for line in TextWrap.lines(strings["account.language.intro"], width: inner.width).prefix(3) {
            canvas.write(line, x: inner.x, y: y, width: inner.width, style: .muted)
            y += 1
        }
        y += 1
        for (index, language) in languages.enumerated() where y < inner.maxY - 1 {
            let selected = index == list.selected
            let style: Style = selected ? .selected : .normal
            if selected { canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: .selected) }
            let pointer = selected ? String(canvas.glyphs.pointer) : " "
            let mark = language == session.language ? "(\(canvas.glyphs.bullet))" : "( )"
            canvas.write(
                "\(pointer) \(mark) \(language.endonym)", x: inner.x, y: y, width: inner.width, style: style)
            y += 1
        }
        y += 1
        if let error {
            for line in TextWrap.lines(error, width: inner.width).prefix(2) where y < inner.maxY - 1 {
                canvas.write(line, x: inner.x, y: y, width: inner.width, style: .danger)
                y += 1
            }
        }
        let keys = KeyHints.footer(
            [KeyHint(.up, .down, label: "hint.choose"), KeyHint(.select), KeyHint(.back)],
            labels: hintLabels(strings: strings),
            strings: strings, glyphs: canvas.glyphs)
        canvas.write(
            keys, x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
    }
}
