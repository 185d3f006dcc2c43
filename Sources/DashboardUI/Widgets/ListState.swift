/// Which row of a list is selected and which rows are scrolled into view.
public struct ListState: Sendable, Equatable {
    /// The selected row.
    public private(set) var selected: Int = 0
    /// The first row shown.
    public private(set) var offset: Int = 0

    /// Makes a list state with the first row selected.
    public init(selected: Int = 0) { self.selected = max(0, selected) }

    /// Moves the selection by `delta` rows within `count` rows.
    public mutating func move(by delta: Int, count: Int) {
        guard count > 0 else {
            selected = 0
            offset = 0
            return
        }
        selected = min(max(0, selected + delta), count - 1)
    }

    /// Selects a row (clamped).
    public mutating func select(_ row: Int, count: Int) {
        selected = count > 0 ? min(max(0, row), count - 1) : 0
    }

    /// Keeps the selection valid after the list changed length.
    public mutating func clamp(count: Int) { select(selected, count: count) }

    /// Scrolls so the selected row is inside a window of `visible` rows; returns the first row shown.
    @discardableResult
    public mutating func scroll(visible: Int) -> Int {
        guard visible > 0 else { return offset }
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        offset = max(0, offset)
        return offset
    }

    /// The first row to show in a window of `visible` rows so the selection is inside it (for rendering).
    public func visibleOffset(visible: Int) -> Int {
        guard visible > 0 else { return offset }
        if selected < offset { return selected }
        if selected >= offset + visible { return selected - visible + 1 }
        return offset
    }

    /// Applies a navigation action (up, down, page keys, first, last); returns whether it was one.
    public mutating func apply(_ action: Action?, count: Int, page: Int) -> Bool {
        switch action {
        case .up: move(by: -1, count: count)
        case .down: move(by: 1, count: count)
        case .pageUp: move(by: -max(1, page), count: count)
        case .pageDown: move(by: max(1, page), count: count)
        case .first: select(0, count: count)
        case .last: select(count - 1, count: count)
        default: return false
        }
        return true
    }
}
