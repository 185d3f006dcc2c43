import PrivacyModel
import TerminalKit

/// One request opened from the list: the request, its events (loaded when opened) and the scroll position.
struct RequestDetail {
    /// The request as last read.
    var request: RightsRequest
    /// Its history, oldest first.
    var events: [RequestEvent]
    /// The first line shown.
    var scroll = 0
    /// The wrapped texts, kept while this request is open.
    let wrapCache = RequestWrapCache()

    /// Reads a request and its events again (after a cancel, or when the screen is shown again).
    @MainActor
    static func load(reference: String, session: Session) throws -> RequestDetail? {
        guard let request = try session.requests.request(reference: reference) else { return nil }
        return RequestDetail(request: request, events: try session.requests.events(requestId: request.id))
    }

    /// Where the text goes inside the screen area (within the box, above the key line).
    static func textArea(in area: Rect) -> Rect {
        let inner = area.inset(dx: 2, dy: 1)
        return Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 1))
    }

    /// Applies a scrolling key; returns whether it was one.
    @MainActor
    mutating func scroll(_ action: Action?, area: Rect, session: any Wording, glyphs: Glyphs) -> Bool {
        let text = Self.textArea(in: area)
        let total = RequestDetailView.lines(self, width: text.width, session: session, glyphs: glyphs).count
        let page = max(1, text.height)
        let bottom = max(0, total - page)
        switch action {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .first: scroll = 0
        case .last: scroll = bottom
        default: return false
        }
        scroll = min(max(0, scroll), bottom)
        return true
    }
}
