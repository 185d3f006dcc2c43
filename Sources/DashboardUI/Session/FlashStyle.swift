public import TerminalKit

extension Flash.Kind {
    /// The one style a message of this kind is drawn in.
    public var style: Style {
        switch self {
        case .info: return .accent
        case .success: return .success
        case .warning: return .warning
        case .danger: return .danger
        }
    }

    /// The one mark that goes before a message of this kind, so its tone never rests on colour alone.
    public func mark(_ glyphs: Glyphs) -> String {
        switch self {
        case .info: return glyphs.infoMark
        case .success: return glyphs.successMark
        case .warning: return glyphs.warningMark
        case .danger: return glyphs.dangerMark
        }
    }
}

extension Flash {
    /// The style a message of this kind is drawn in (its mark carries the meaning too).
    public var style: Style { kind.style }
}
