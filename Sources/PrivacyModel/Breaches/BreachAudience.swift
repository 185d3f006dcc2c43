/// Who a breach affects: everyone, every account holding data of one category (such as a payment method), or a
/// list of accounts named by the approver.
public enum BreachAudience: Sendable, Equatable {
    /// Every account that is not purged.
    case everyone
    /// Every account holding at least one record of the category (catalogue id).
    case holders(category: String)
    /// The listed accounts (ids).
    case list([Int64])

    /// The code stored in `breach.audience`.
    public var code: String {
        switch self {
        case .everyone: return "everyone"
        case .holders: return "holders"
        case .list: return "list"
        }
    }
}
