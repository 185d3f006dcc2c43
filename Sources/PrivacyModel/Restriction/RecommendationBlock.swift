/// Why recommendations may not read an account's viewing history.
public enum RecommendationBlock: String, Sendable, Equatable, Codable {
    /// The subscriber restricted the viewing-history category.
    case viewingRestricted = "viewing-restricted"
    /// Personalised recommendations are off (or the subscriber objected to personalisation).
    case personalisationOff = "personalisation-off"
    /// Recommendations may not use viewing history (or the subscriber objected).
    case viewingHistoryOff = "viewing-history-off"
    /// The account is closed or awaiting deletion.
    case accountNotActive = "account-not-active"
}
