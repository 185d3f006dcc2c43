public import TerminalKit

/// A one-line text input: typing, Backspace, Delete, cursor keys, and the key table's text-field keys
/// (start and end of the line, clear).
///
/// Text scrolls sideways when longer than the field; a masked field shows one mask glyph per character.
/// A character beyond `maxLength` is dropped at once, and the field shows its full count ("2000/2000") in
/// the danger style until the next edit; a paste arrives as one `.text` and is inserted at once.
public struct TextField: Sendable, Equatable {
    /// The text typed so far.
    public private(set) var text: String
    /// Cursor position in characters.
    public private(set) var cursor: Int
    /// Characters in `text`, kept so a full field refuses a key without counting the text again.
    public private(set) var count: Int
    /// Whether the last character typed was dropped because the field was full.
    public private(set) var refusedInput = false
    /// Whether the characters are hidden (passwords).
    public let masked: Bool
    /// The most characters accepted.
    public let maxLength: Int

    /// Makes a field, optionally pre-filled (the cursor goes to the end).
    public init(text: String = "", masked: Bool = false, maxLength: Int = 200) {
        self.text = String(text.prefix(maxLength))
        self.count = self.text.count
        self.cursor = count
        self.masked = masked
        self.maxLength = maxLength
    }

    /// Whether nothing has been typed.
    public var isEmpty: Bool { text.isEmpty }

    /// Replaces the text (e.g. to clear a password after a failed sign-in).
    public mutating func set(_ newText: String) {
        text = String(newText.prefix(maxLength))
        count = text.count
        cursor = count
        refusedInput = false
    }

    /// Applies an editing key; returns false for keys a field does not use.
    public mutating func handle(_ key: Key) -> Bool {
        switch KeyBindings.action(for: key, contexts: [.textField], textInput: true) {
        case .lineStart:
            cursor = 0
            return true
        case .lineEnd:
            cursor = count
            return true
        case .clearLine:
            text = ""
            cursor = 0
            count = 0
            return true
        default: break
        }
        if case .text(let typed) = key {
            insert(typed)
            return true
        }
        if case .character(let character) = key {
            guard !character.isNewline else { return true }
            guard count < maxLength else {
                refusedInput = true
                return true
            }
            insert(character)
            return true
        }
        refusedInput = false
        switch key {
        case .backspace:
            guard cursor > 0 else { return true }
            text.remove(at: index(cursor - 1))
            cursor -= 1
            count -= 1
        case .delete:
            guard cursor < count else { return true }
            text.remove(at: index(cursor))
            count -= 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(count, cursor + 1)
        default: return false
        }
        return true
    }

    private mutating func insert(_ character: Character) {
        refusedInput = false
        if cursor == count {
            text.append(character)
            // A combining mark merges with the character before it; only then is the text counted again.
            if text.last == character {
                count += 1
                cursor += 1
                return
            }
        } else {
            text.insert(character, at: index(cursor))
        }
        let newCount = text.count
        cursor = min(newCount, cursor + newCount - count)
        count = newCount
    }

    /// Inserts a paste at once, as its characters one by one would be: line breaks are skipped, what fits the
    /// limit is kept (a combining mark that merges with the text before it takes no room) and the rest is dropped.
    private mutating func insert(_ typed: String) {
        var rest = Substring(typed)
        while count < maxLength, !rest.isEmpty {
            var chunk = ""
            var taken = 0
            var end = rest.startIndex
            while end < rest.endIndex, taken < maxLength - count {
                let character = rest[end]
                if !character.isNewline {
                    chunk.append(character)
                    taken += 1
                }
                end = rest.index(after: end)
            }
            rest = rest[end...]
            guard !chunk.isEmpty else { break }
            if cursor == count {
                text.append(contentsOf: chunk)
            } else {
                text.insert(contentsOf: chunk, at: index(cursor))
            }
            let newCount = text.count
            cursor = min(newCount, cursor + newCount - count)
            count = newCount
            refusedInput = false
        }
        if rest.contains(where: { !$0.isNewline }) { refusedInput = true }
    }

    private func index(_ offset: Int) -> String.Index { text.index(text.startIndex, offsetBy: offset) }

    /// Draws the field in `width` columns; the focused field shows its cursor as a reversed cell.
    public func render(into canvas: inout Canvas, x: Int, y: Int, width: Int, focused: Bool) {
        guard width > 0 else { return }
        let style: Style = focused ? .inputFocused : .input
        canvas.fill(Rect(x: x, y: y, width: width, height: 1), style: style)
        var width = width
        if refusedInput {
            let full = "\(maxLength)/\(maxLength)"
            let shown = min(full.count, width / 2)
            canvas.write(full, x: x + width - shown, y: y, width: shown, style: .danger, ellipsis: false)
            width -= shown
        }
        let shown = masked ? String(repeating: canvas.glyphs.mask, count: count) : text
        let characters = Array(shown)
        // Keep the cursor visible: scroll so it sits inside the field.
        var start = 0
        var columns = characters[0..<cursor].reduce(0) { $0 + TextWidth.columns(of: $1) }
        while columns > width - 1, start < cursor {
            columns -= TextWidth.columns(of: characters[start])
            start += 1
        }
        let visible = String(characters[start...])
        canvas.write(visible, x: x, y: y, width: width, style: style, ellipsis: false)
        if focused {
            let cursorX = x + columns
            let under = cursor < characters.count ? String(characters[cursor]) : " "
            canvas.write(under, x: cursorX, y: y, width: max(0, x + width - cursorX), style: .selected, ellipsis: false)
        }
    }
}
