/// The six data-protection rights a request can exercise.
public enum RightKind: String, CaseIterable, Codable, Sendable {
    /// A copy of the data held.
    case access
    /// Putting wrong data right.
    case correction
    /// Erasing data (a category, or the whole account).
    case deletion
    /// The data in a machine-readable format.
    case portability
    /// Stopping processing based on legitimate interests or consent.
    case objection
    /// Keeping data but not using it.
    case restriction
}

/// What a request targets.
public enum RequestScopeKind: String, CaseIterable, Codable, Sendable {
    /// Everything held.
    case all
    /// One data category.
    case category
    /// One field (for corrections).
    case field
    /// One purpose (for objections).
    case purpose
    /// One export format (for portability).
    case format
    /// The whole account (account deletion).
    case account
}
