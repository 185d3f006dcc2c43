/// A terminal in memory: events come from a list, frames are kept for inspection.
@MainActor
public final class InMemoryTerminal: Terminal {
    /// The current size, at most `Size.maximum`; `.resize` events change it.
    public private(set) var size: Size
    /// Line drawing characters.
    public let glyphs: Glyphs
    /// Colours, used when frames are rendered with ANSI sequences.
    public let theme: Theme
    /// Events still to deliver: `queue` from `head` on (taking from the front stays O(1) for a long paste).
    private var queue: [TerminalEvent]
    private var head = 0
    /// The last frame presented.
    public private(set) var lastFrame: Canvas?
    /// How many frames were presented.
    public private(set) var frameCount = 0
    /// How many times a full redraw was asked for.
    public private(set) var invalidations = 0

    /// Makes a terminal of a size that will deliver `events` and then report that input closed.
    public init(
        size: Size, events: [TerminalEvent] = [], glyphs: Glyphs = .unicode, theme: Theme = Theme(kind: .color256)
    ) {
        self.size = size.clamped()
        self.queue = events
        self.glyphs = glyphs
        self.theme = theme
    }

    /// Queues more events.
    public func feed(_ events: [TerminalEvent]) { queue.append(contentsOf: events) }

    /// Whether events are still waiting to be delivered.
    public var hasPendingEvents: Bool { head < queue.count }

    /// Delivers the next queued event (`.closed` when none is left); characters queued one after another arrive
    /// as one `.text`, as a paste does from the real terminal.
    public func nextEvent(timeoutMilliseconds: Int) -> TerminalEvent {
        guard head < queue.count else { return .closed(signal: nil) }
        var event = queue[head]
        head += 1
        if case .key(.character(let first)) = event, head < queue.count, case .key(.character) = queue[head] {
            var text = String(first)
            var taken = 1
            while head < queue.count, taken < Key.longestTextRun, case .key(.character(let next)) = queue[head] {
                text.append(next)
                head += 1
                taken += 1
            }
            event = .key(.text(text))
        }
        if head == queue.count {
            queue.removeAll(keepingCapacity: true)
            head = 0
        }
        if case .resize(let newSize) = event {
            size = newSize.clamped()
            return .resize(size)
        }
        return event
    }

    /// Keeps the frame.
    public func present(_ canvas: Canvas) {
        lastFrame = canvas
        frameCount += 1
    }

    /// Counts the request.
    public func invalidate() { invalidations += 1 }

    /// The last frame's text, for assertions and headless output.
    public var screenText: String { lastFrame?.plainText ?? "" }
}
