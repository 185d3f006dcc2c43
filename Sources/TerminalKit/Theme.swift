/// How many colours the terminal gets: full palette, the basic eight, or none.
public enum ThemeKind: String, Sendable, CaseIterable {
    /// 256-colour terminals.
    case color256
    /// Terminals with the eight basic colours.
    case color8
    /// No colour: NO_COLOR, `--no-color` or a terminal without colour.
    case monochrome
}

/// The look of one style: colours (palette indexes, nil = terminal default) and attributes.
public struct StyleAttributes: Sendable, Hashable {
    /// Foreground colour index, or nil for the terminal's default.
    public var foreground: Int?
    /// Background colour index, or nil for the terminal's default.
    public var background: Int?
    /// Bold.
    public var bold: Bool
    /// Underlined.
    public var underline: Bool
    /// Foreground and background swapped.
    public var reverse: Bool
    /// Faint.
    public var dim: Bool

    /// Makes attributes; everything off by default.
    public init(
        foreground: Int? = nil, background: Int? = nil, bold: Bool = false, underline: Bool = false,
        reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }
}

/// Maps each style to colours and attributes for one kind of terminal.
public struct Theme: Sendable, Hashable {
    /// The palette this theme uses.
    public let kind: ThemeKind

    /// Makes the theme for a palette.
    public init(kind: ThemeKind) { self.kind = kind }

    /// Chooses the theme from the environment: NO_COLOR wins, then the colours the terminal reports.
    public static func choose(noColor: Bool, colors: Int) -> Theme {
        if noColor || colors < 8 { return Theme(kind: .monochrome) }
        return Theme(kind: colors >= 256 ? .color256 : .color8)
    }

    /// The look of `style` in this theme.
    public func attributes(_ style: Style) -> StyleAttributes {
        switch kind {
        case .monochrome: return Self.monochrome(style)
        case .color8: return Self.eight(style)
        case .color256: return Self.full(style)
        }
    }

    private static func monochrome(_ style: Style) -> StyleAttributes {
        switch style {
        case .normal, .border, .hintBar, .tabInactive, .chartBar, .chartLine: return StyleAttributes()
        case .input: return StyleAttributes(underline: true)
        case .muted: return StyleAttributes(dim: true)
        case .title, .heading, .accent, .borderFocused, .success, .warning: return StyleAttributes(bold: true)
        case .danger: return StyleAttributes(bold: true, underline: true)
        case .selected, .tabActive, .header: return StyleAttributes(reverse: true)
        case .selectedInactive, .inputFocused: return StyleAttributes(underline: true)
        case .hintKey: return StyleAttributes(bold: true, reverse: true)
        }
    }

    // Basic colours: 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white.
    private static func eight(_ style: Style) -> StyleAttributes {
        switch style {
        case .normal: return StyleAttributes()
        case .input: return StyleAttributes(underline: true)
        case .muted: return StyleAttributes(dim: true)
        case .title: return StyleAttributes(foreground: 6, bold: true)
        case .heading: return StyleAttributes(bold: true, underline: false)
        case .accent: return StyleAttributes(foreground: 6)
        case .selected: return StyleAttributes(foreground: 0, background: 6)
        case .selectedInactive: return StyleAttributes(reverse: true)
        case .border: return StyleAttributes(foreground: 4)
        case .borderFocused: return StyleAttributes(foreground: 6, bold: true)
        case .success: return StyleAttributes(foreground: 2, bold: true)
        case .warning: return StyleAttributes(foreground: 3, bold: true)
        case .danger: return StyleAttributes(foreground: 1, bold: true)
        case .inputFocused: return StyleAttributes(underline: true)
        case .hintBar: return StyleAttributes(foreground: 7, background: 4)
        case .hintKey: return StyleAttributes(foreground: 0, background: 6, bold: false)
        case .tabActive: return StyleAttributes(foreground: 0, background: 6, bold: true)
        case .tabInactive: return StyleAttributes(foreground: 7, background: 4)
        case .chartBar: return StyleAttributes(foreground: 6)
        case .chartLine: return StyleAttributes(foreground: 2)
        case .header: return StyleAttributes(foreground: 7, background: 4, bold: true)
        }
    }

    private static func full(_ style: Style) -> StyleAttributes {
        switch style {
        case .normal: return StyleAttributes()
        case .input: return StyleAttributes(foreground: 252, background: 236)
        case .muted: return StyleAttributes(foreground: 245)
        case .title: return StyleAttributes(foreground: 81, bold: true)
        case .heading: return StyleAttributes(foreground: 153, bold: true)
        case .accent: return StyleAttributes(foreground: 117)
        case .selected: return StyleAttributes(foreground: 16, background: 117)
        case .selectedInactive: return StyleAttributes(foreground: 255, background: 239)
        case .border: return StyleAttributes(foreground: 60)
        case .borderFocused: return StyleAttributes(foreground: 75)
        case .success: return StyleAttributes(foreground: 114, bold: true)
        case .warning: return StyleAttributes(foreground: 221, bold: true)
        case .danger: return StyleAttributes(foreground: 203, bold: true)
        case .inputFocused: return StyleAttributes(foreground: 255, background: 237, underline: true)
        case .hintBar: return StyleAttributes(foreground: 252, background: 236)
        case .hintKey: return StyleAttributes(foreground: 16, background: 110)
        case .tabActive: return StyleAttributes(foreground: 16, background: 117, bold: true)
        case .tabInactive: return StyleAttributes(foreground: 250, background: 237)
        case .chartBar: return StyleAttributes(foreground: 74)
        case .chartLine: return StyleAttributes(foreground: 114)
        case .header: return StyleAttributes(foreground: 255, background: 24, bold: true)
        }
    }
}
