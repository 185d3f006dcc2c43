public import TerminalKit

extension Flash {
    /// The style a message of this kind is drawn in (its mark or wording carries the meaning too).
    public var style: Style {
        switch kind {
        case .info: return .accent
        case .success: return .success
        case .warning: return .warning
        case .danger: return .danger
        }
    }
}
