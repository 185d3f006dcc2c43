import TerminalKit

/// Where My data draws its three panes: categories on the left, details and records on the right.
///
/// In charts mode the charts take the whole right side. When the details box is wide and tall
/// enough (e.g. 120×40), viewing history shows its charts beside the text without charts mode.
struct MyDataLayout: Sendable, Equatable {
    /// The category list's box.
    let list: Rect
    /// The details box (or the charts box in charts mode).
    let details: Rect
    /// The records box; empty in charts mode.
    let records: Rect
    /// Whether charts fit beside the details text.
    let chartsBeside: Bool

    /// Inside width of the details box from which charts go beside the text.
    static let besideMinWidth = 84
    /// Inside height of the details box from which charts go beside the text (fewer bars then).
    static let besideMinRows = 10

    /// The panes inside `area`, with the charts taking the right side when `chartsMode`; `chartsWanted` is the
    /// rows the charts need (0 for a category without charts: its text then takes the whole width).
    init(area: Rect, chartsMode: Bool, chartsWanted: Int, recordsHeld: Int? = nil) {
        let listWidth = area.width >= 110 ? 32 : (area.width >= 90 ? 30 : (area.width >= 80 ? 26 : 24))
        let (left, right) = area.splitLeft(min(listWidth, max(0, area.width - 30)))
        list = left
        if chartsMode {
            details = right
            records = Rect(x: right.x, y: right.maxY, width: right.width, height: 0)
            chartsBeside = false
            return
        }
        let share = area.height >= 34 ? area.height * 4 / 9 : area.height * 2 / 5
        var detailsHeight = max(6, min(area.height - 8, share))
        // A set of a few records needs a small table: the details get the room.
        if let held = recordsHeld, held + 4 < area.height - detailsHeight {
            detailsHeight = area.height - max(6, held + 4)
        }
        let (top, bottom) = right.splitTop(detailsHeight)
        details = top
        records = bottom
        chartsBeside =
            chartsWanted > 0 && top.width - 2 >= Self.besideMinWidth
            && top.height - 2 >= min(chartsWanted, Self.besideMinRows)
    }

    /// The inside of the details box.
    var detailsInner: Rect { details.inset(dx: 2, dy: 1) }

    /// Where the details text goes (the left part when charts are beside it).
    var detailsText: Rect {
        let inner = detailsInner
        guard chartsBeside else { return inner }
        return Rect(x: inner.x, y: inner.y, width: inner.width * 2 / 5, height: inner.height)
    }

    /// Where the charts go beside the details text.
    var chartsBesideArea: Rect {
        let inner = detailsInner
        let textWidth = detailsText.width
        return Rect(x: inner.x + textWidth + 2, y: inner.y, width: inner.width - textWidth - 2, height: inner.height)
    }

    /// The line above the records table: set selector, filter, position.
    var recordsHeader: Rect {
        let inner = records.inset(dx: 1, dy: 1)
        return Rect(x: inner.x + 1, y: inner.y, width: max(0, inner.width - 2), height: min(1, max(0, inner.height)))
    }

    /// The records table (its heading row included).
    var table: Rect {
        let inner = records.inset(dx: 1, dy: 1)
        return Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1))
    }

    /// Records per page: the table's rows below its heading.
    var pageSize: Int { max(1, table.height - 1) }

    /// Category rows that fit in the list box.
    var listRows: Int { max(1, list.height - 2) }
}
