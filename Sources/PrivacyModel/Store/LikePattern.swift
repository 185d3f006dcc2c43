/// Builds SQL LIKE patterns from text a person typed, so %, _ and \ match themselves.
enum LikePattern {
    /// The text with LIKE's wildcards escaped by a backslash (use with `ESCAPE '\'`).
    static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
