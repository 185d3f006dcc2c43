import TerminalKit

/// Where the wizard's dialog and its parts sit, shared by `update` (page sizes) and `render`.
enum RequestWizardLayout {
    /// The widest the dialog gets.
    static let maximumWidth = 80
    /// The tallest the dialog gets.
    static let maximumHeight = 20
    /// Rows under a choice list: a gap, two rows of explanation, the message and the key line.
    static let rowsBelowList = 5
    /// Rows above a choice list: the question and a gap.
    static let rowsAboveList = 2

    /// The dialog's width inside a screen area.
    static func width(in area: Rect) -> Int { max(1, min(area.width - 2, maximumWidth)) }

    /// The dialog's height inside a screen area.
    static func height(in area: Rect) -> Int { max(1, min(area.height, maximumHeight)) }

    /// The inside of the dialog (within its border and margins).
    static func inner(in area: Rect) -> Rect {
        area.centred(width: width(in: area), height: height(in: area)).inset(dx: 2, dy: 1)
    }

    /// How many rows a choice list shows.
    static func listRows(in area: Rect) -> Int {
        max(1, inner(in: area).height - rowsAboveList - rowsBelowList)
    }
}
