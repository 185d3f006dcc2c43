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

    /// A one-line message a person can act on.
    public var description: String {
        switch self {
        case .unknownCategory(let id):
            return "there is no data category \"\(id)\"; see My data for the categories held"
        case .notErasable(let category):
            return "the \"\(category)\" category cannot be erased on request; see its rights in My data"
        case .useAccountDeletion:
            return "the account itself is erased by deleting the account; use account deletion instead"
        case .accountNotFound(let id):
            return "no account has the id \(id)"
        case .accountNotActive(let id):
            return "account \(id) is closed or awaiting deletion; its data is already being purged"
        }
    }
}
