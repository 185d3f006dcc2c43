import PrivacyModel
import TerminalKit

/// The help overlay, generated from the key-binding table so it always matches the keys.
struct HelpOverlay {
    private var offset = 0
    /// The contexts listed, in the table's order.
    private let contexts: [BindingContext]
    /// Actions left out (the subscriber's screen keys in the staff console, where they do nothing).
    private let hidden: Set<Action>

    /// The subscriber dashboard's help: every context but the staff console's.
    init() {
        contexts = BindingContext.allCases.filter { !BindingContext.console.contains($0) }
        hidden = []
    }

    /// Help listing only `contexts`, without the `hidden` actions.
    init(contexts: [BindingContext], hidden: Set<Action>) {
        self.contexts = contexts
        self.hidden = hidden
    }

    /// The staff console's help: its own keys, lists, forms and fields, without the subscriber's screens.
    static let console = HelpOverlay(
        contexts: [
            .global, .navigation, .form, .textField, .confirmation, .consoleQueue, .consoleRequest, .consoleAudit,
            .consoleStaff, .consoleStaffDialog, .consoleBreaches,
        ],
        hidden: [
            .goOverview, .goMyData, .goPreferences, .goRequests, .goAccount, .goPolicy, .goHelp, .nextFocus,
            .previousFocus,
        ])

    /// Columns given to the keys before each explanation.
    private static let keyColumn = 16

    /// Every line of help at `width` columns: a heading per context, then the keys and what they do,
    /// the explanation wrapped under itself.
    func lines(strings: Strings, glyphs: Glyphs, width: Int) -> [(text: String, isHeading: Bool)] {
        var lines: [(String, Bool)] = []
        let textWidth = max(10, width - 2 - Self.keyColumn)
        let indent = String(repeating: " ", count: 2 + Self.keyColumn)
        for context in contexts {
            let bindings = KeyBindings.table.filter { $0.context == context && !hidden.contains($0.action) }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append(("", false)) }
            lines.append((strings["help.context.\(context.rawValue)"], true))
            for binding in bindings {
                let own = binding.action == .confirm ? KeyBindings.languageYesKeys[strings.language] ?? [] : []
                let keys = (binding.keys + own).map { KeyHints.name($0, strings: strings, glyphs: glyphs) }
                    .joined(separator: " ")
                let padded = keys + String(repeating: " ", count: max(1, Self.keyColumn - TextWidth.columns(of: keys)))
                let wrapped = TextWrap.lines(strings[binding.help], width: textWidth)
                for (index, part) in wrapped.enumerated() {
                    lines.append(((index == 0 ? "  " + padded : indent) + part, false))
                }
            }
        }
        return lines
    }

    /// Scrolls by a navigation action.
    mutating func scroll(_ action: Action?, visible: Int) {
        switch action {
        case .up: offset -= 1
        case .down: offset += 1
        case .pageUp: offset -= visible
        case .pageDown: offset += visible
        case .first: offset = 0
        case .last: offset = Int.max / 2
        default: break
        }
        offset = max(0, offset)
    }

    /// Draws the overlay over the whole terminal, leaving the title bar visible.
    func render(into canvas: inout Canvas, area: Rect, strings: Strings) {
        let body = area.splitTop(1).rest
        canvas.fill(body)
        let inner = Dialog.frame(
            into: &canvas, area: body, width: body.width, height: body.height, title: strings["help.title"])
        let all = lines(strings: strings, glyphs: canvas.glyphs, width: inner.width)
        let visible = max(1, inner.height - 1)
        let start = min(offset, max(0, all.count - visible))
        for (row, line) in all.dropFirst(start).prefix(visible).enumerated() {
            canvas.write(
                line.text, x: inner.x, y: inner.y + row, width: inner.width, style: line.isHeading ? .heading : .normal)
        }
        let more = start + visible < all.count
        let close = KeyHint(.back)
        let hints = more ? [KeyHint(.down, .pageDown, label: "hint.more"), close] : [close]
        let footer = KeyHints.footer(hints, contexts: [.navigation], strings: strings, glyphs: canvas.glyphs)
        canvas.write(footer, x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
    }
}
