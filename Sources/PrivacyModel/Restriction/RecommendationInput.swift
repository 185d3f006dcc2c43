/// What recommendations may read: the recent viewing signals, or nothing and the reason why.
public struct RecommendationInput: Sendable, Equatable {
    /// The newest viewing events, newest first (empty when blocked).
    public let signals: [ViewingSignal]
    /// Why nothing was read, or nil when reading was allowed.
    public let blockedBy: RecommendationBlock?
}
