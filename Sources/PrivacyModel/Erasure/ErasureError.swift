/// Why an erasure could not be planned or carried out, in words the subscriber or support can act on.
public enum ErasureError: UserFacingError, Equatable {
    /// No category has this id.
    case unknownCategory(String)
    /// The catalogue does not offer erasure for this category.
    case notErasable(category: String)
    /// The category is the account itself: closing the account is the way to erase it.
    case useAccountDeletion
    /// No account has this id.
    case accountNotFound(Int64)
    /// The account is awaiting deletion or purged.
    case accountNotActive(Int64)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .unknownCategory, .notErasable, .useAccountDeletion: return .usage
        case .accountNotFound: return .noInput
        case .accountNotActive: return .dataError
        }
    }
}
