/// Why a restriction or objection could not be recorded, in words the subscriber or support can act on.
public enum RestrictionError: UserFacingError, Equatable {
    /// No category has this id.
    case unknownCategory(String)
    /// The catalogue does not offer restriction for this category.
    case notRestrictable(category: String)
    /// The category is already restricted.
    case alreadyRestricted(category: String)
    /// The category is not restricted, so there is nothing to lift.
    case notRestricted(category: String)
    /// No purpose has this id.
    case unknownPurpose(String)
    /// The purpose rests on a ground that cannot be objected to.
    case notObjectable(purpose: String)
    /// The account does not object to the purpose (or the preference is not one its objection covers).
    case notObjecting(purpose: String)
    /// No account has this id.
    case accountNotFound(Int64)
    /// The account is awaiting deletion or purged.
    case accountNotActive(Int64)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .unknownCategory, .notRestrictable, .unknownPurpose, .notObjectable: return .usage
        case .accountNotFound: return .noInput
        case .alreadyRestricted, .notRestricted, .notObjecting, .accountNotActive: return .dataError
        }
    }
}
