/// What a piece of text means on screen; a theme decides how each meaning looks.
///
/// Screens pick a style by meaning, never by colour, so monochrome and NO_COLOR terminals keep
/// every distinction through bold, underline, reverse or a glyph.
public enum Style: Int, Sendable, Hashable, CaseIterable {
    /// Body text.
    case normal
    /// Secondary text: dates, counts, explanations.
    case muted
    /// Screen and panel titles.
    case title
    /// Column headers and section headings.
    case heading
    /// Something to notice: a value, a reference number.
    case accent
    /// The selected row or item of the focused list.
    case selected
    /// The selected row of a list that does not have focus.
    case selectedInactive
    /// Panel borders.
    case border
    /// The border of the focused panel.
    case borderFocused
    /// Good news: saved, intact, on.
    case success
    /// Needs attention soon: due shortly, restricted.
    case warning
    /// Failed, overdue, destructive.
    case danger
    /// A text field.
    case input
    /// The text field that has focus.
    case inputFocused
    /// The bottom bar's text.
    case hintBar
    /// A key name in the bottom bar or help.
    case hintKey
    /// The current tab.
    case tabActive
    /// Other tabs.
    case tabInactive
    /// Bars of a bar chart.
    case chartBar
    /// Sparklines.
    case chartLine
    /// The top title bar.
    case header
}
