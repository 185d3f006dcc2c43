/// What is wrong with a piece of text a person entered, so the message can say it.
public enum TextProblem: Error, Sendable, Equatable {
    /// Nothing but spaces.
    case empty
    /// Longer than `limit` characters.
    case tooLong(limit: Int)
    /// Holds a control character (ESC, a C1 control, DEL, a bidirectional override or, where not allowed, a
    /// line break) that could drive a terminal or hide what the text says.
    case controlCharacters
}
