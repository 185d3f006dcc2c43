/// The wrapped lines of one opened request's texts (note, values, resolution, event notes) by which text, the
/// width and the language, so scrolling a request whose stored text is a megabyte does not wrap it again each
/// frame. A request read again gets a new cache, so nothing stale is shown.
@MainActor
final class RequestWrapCache {
    /// Widths a resize storm can leave behind are dropped past this many entries.
    static let capacity = 64

    private var entries: [String: [String]] = [:]

    /// The lines of the text in `slot` at `width` columns in `language`; `text` is read only when they are not
    /// cached yet.
    func lines(_ slot: String, width: Int, language: String, text: () -> String) -> [String] {
        let key = "\(slot)|\(width)|\(language)"
        if let cached = entries[key] { return cached }
        let lines = TextWrap.lines(text(), width: width)
        if entries.count >= Self.capacity { entries.removeAll() }
        entries[key] = lines
        return lines
    }
}
