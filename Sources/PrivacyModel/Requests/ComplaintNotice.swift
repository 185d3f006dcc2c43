/// The reminder every refusal carries: the subscriber may complain to a data-protection authority.
public enum ComplaintNotice {
    /// The sentence added to a denial's resolution.
    public static let sentence =
        "If you disagree, you may complain to a data-protection authority (for example the one where you live)."

    /// A denial reason with the complaint reminder appended (once).
    public static func resolution(reason: String) -> String {
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains(sentence) { return trimmed }
        let ended = trimmed.hasSuffix(".") || trimmed.hasSuffix("!") || trimmed.hasSuffix("?") ? trimmed : trimmed + "."
        return ended + " " + sentence
    }
}
