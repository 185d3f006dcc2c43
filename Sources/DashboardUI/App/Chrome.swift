import PrivacyModel
import TerminalKit

/// The frame around every signed-in screen: title bar, tabs, status line and key hints.
@MainActor
enum Chrome {
    /// Rows taken above the screen (title bar, tabs) and below it (status line, hints).
    static let topRows = 2
    static let bottomRows = 2

    /// Where a screen draws inside the terminal.
    static func contentArea(in bounds: Rect) -> Rect {
        Rect(x: bounds.x, y: bounds.y + topRows, width: bounds.width, height: bounds.height - topRows - bottomRows)
    }

    /// The title bar: product name on the left, the signed-in person on the right.
    static func header(into canvas: inout Canvas, strings: Strings, session: Session?) {
        let width = canvas.size.width
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: .header)
        let title = " " + strings["app.title"]
        let used = canvas.write(title, x: 0, y: 0, width: width, style: .header)
        guard let session else { return }
        let who = "\(session.displayName) <\(session.account.email)> "
        let room = width - used - 2
        guard room > 8 else { return }
        let whoWidth = min(TextWidth.columns(of: TextSanitizer.visible(who)), room)
        canvas.write(who, x: width - whoWidth, y: 0, width: whoWidth, style: .header)
    }

    /// The tab row: "1 Overview  2 My data …", shortened labels when the terminal is narrow.
    static func tabs(into canvas: inout Canvas, current: ScreenID, strings: Strings) {
        let width = canvas.size.width
        canvas.fill(Rect(x: 0, y: 1, width: width, height: 1), style: .tabInactive)
        let full = ScreenID.allCases.enumerated().map { "\($0.offset + 1) \(strings[$0.element.titleKey])" }
        let short = ScreenID.allCases.enumerated().map { "\($0.offset + 1) \(strings[$0.element.titleKey + ".short"])" }
        let helpLabel = "7 \(strings["tab.help"])"
        // Two spaces around each title, or (when that is too wide) one space between titles and brackets
        // around the current one.
        func columns(_ labels: [String], gap: Int) -> Int {
            let text = labels.reduce(0) { $0 + TextWidth.columns(of: $1) }
            return gap == 2 ? text + 2 * labels.count : text + labels.count - 1 + 2
        }
        // Longer languages step down: full titles, short ones, short ones closer together, then without the
        // Help tab (help stays on the ? key in the hint bar).
        let tiers: [(labels: [String], gap: Int)] = [
            (full + [helpLabel], 2), (short + [helpLabel], 2), (short + [helpLabel], 1),
        ]
        let (labels, gap) = tiers.first { columns($0.labels, gap: $0.gap) <= width } ?? (short, 1)
        var x = 0
        for (index, label) in labels.enumerated() {
            let isCurrent = index < ScreenID.allCases.count && ScreenID.allCases[index] == current
            if gap == 1 && index > 0 { x += canvas.write(" ", x: x, y: 1, width: width - x, style: .tabInactive) }
            let text = isCurrent ? "[\(label)]" : (gap == 2 ? " \(label) " : label)
            x += canvas.write(text, x: x, y: 1, width: width - x, style: isCurrent ? .tabActive : .tabInactive)
            guard x < width else { break }
        }
    }

    /// The status line: the last message, styled by its kind and prefixed so meaning is not colour alone.
    static func status(into canvas: inout Canvas, flash: Flash?) {
        guard let flash else { return }
        let y = canvas.size.height - 2
        canvas.write(
            " " + flash.kind.mark(canvas.glyphs) + " " + flash.text, x: 0, y: y, width: canvas.size.width,
            style: flash.style)
    }

    /// The bottom bar: key hints for the screen's actions, and the help key at every width.
    static func hints(
        into canvas: inout Canvas, actions: [Action], contexts: [BindingContext], textInput: Bool, strings: Strings,
        labels: [Action: String] = [:]
    ) {
        let y = canvas.size.height - 1
        let width = canvas.size.width
        canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: .hintBar)
        func label(_ binding: KeyBinding) -> String {
            let key =
                textInput
                ? (binding.keys.first { if case .character = $0 { return false } else { return true } }
                    ?? binding.keys[0])
                : binding.keys[0]
            return KeyHints.name(key, strings: strings, glyphs: canvas.glyphs)
        }
        let helpBinding = KeyBindings.binding(for: .help, contexts: [.global])
        let quitBinding = KeyBindings.binding(for: .quit, contexts: [.global])
        let fixed = [helpBinding, quitBinding].compactMap { $0 }
        let fixedText = fixed.map { (label($0), strings[$0.hint]) }
        let fixedWidth = fixedText.reduce(0) { $0 + TextWidth.columns(of: $1.0) + TextWidth.columns(of: $1.1) + 3 }
        var x = 0
        for action in actions {
            guard let binding = KeyBindings.binding(for: action, contexts: contexts) else { continue }
            let key = label(binding)
            let text = labels[action] ?? strings[binding.hint]
            let needed = TextWidth.columns(of: key) + TextWidth.columns(of: text) + 3
            if x + needed > width - fixedWidth { break }
            x += canvas.write(" \(key)", x: x, y: y, style: .hintKey)
            x += canvas.write(" \(text) ", x: x, y: y, style: .hintBar)
        }
        // Help (and quit when it fits) sit at the right edge, so "? help" shows at every width.
        var right = width
        for (key, text) in fixedText.reversed() {
            let w = TextWidth.columns(of: key) + TextWidth.columns(of: text) + 3
            guard right - w >= x || key == fixedText.first?.0 else { continue }
            right = max(0, right - w)
            var cx = right
            cx += canvas.write(" \(key)", x: cx, y: y, style: .hintKey)
            canvas.write(" \(text) ", x: cx, y: y, style: .hintBar)
        }
    }
}

/// Shown instead of the dashboard when the terminal is below the minimum size.
enum TooSmallView {
    /// Draws the needed and current size, centred as far as the space allows.
    static func render(into canvas: inout Canvas, needed: Size, strings: Strings) {
        let size = canvas.size
        let lines = [
            strings["small.title"],
            strings("small.sizes", ["needed": needed.description, "current": size.description]),
            strings(
                "small.hint",
                ["quit": KeyHints.name(of: .quit, contexts: [.tooSmall], strings: strings, glyphs: canvas.glyphs)]),
        ]
        let top = max(0, (size.height - lines.count) / 2)
        for (index, line) in lines.enumerated() {
            let wrapped = TextWrap.lines(line, width: max(1, size.width)).first ?? ""
            let x = max(0, (size.width - TextWidth.columns(of: wrapped)) / 2)
            canvas.write(line, x: x, y: top + index, width: size.width - x, style: index == 0 ? .warning : .normal)
        }
    }
}

/// Asks before quitting with typed input that would be lost.
enum ConfirmQuitView {
    /// Draws the question named by `questionKey`; while work runs, the question says what quitting does to it.
    static func render(into canvas: inout Canvas, area: Rect, strings: Strings, questionKey: String = "quit.question") {
        let working = questionKey != "quit.question"
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 52, height: working ? 7 : 6, title: strings["quit.title"])
        let yes = KeyHints.yesKey(strings: strings, glyphs: canvas.glyphs)
        let question = strings(questionKey, ["yes": yes])
        Dialog.paragraphs([question], into: &canvas, area: inner)
    }
}
