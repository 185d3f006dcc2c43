/// Why a preference could not be read or changed, in words the subscriber or support can act on.
public enum PreferenceError: UserFacingError, Equatable {
    /// The id names no preference in the policy catalogue.
    case unknownPreference(String)
    /// The preference is mandatory; carries its display name and the catalogue's reason.
    case locked(id: String, name: String, reason: String)
    /// The subscriber objects to the purpose the preference serves: switching it on means withdrawing the objection.
    case objectionStands(id: String, purpose: String)
    /// No account has this row id.
    case accountNotFound(Int64)
    /// The account is awaiting deletion or purged, so its choices are frozen.
    case accountNotActive(Int64)
    /// The channel a change was said to come through is empty, too long or holds control characters.
    case invalidChannel(String)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .unknownPreference, .invalidChannel: return .usage
        case .locked: return .permission
        case .accountNotFound: return .noInput
        case .accountNotActive, .objectionStands: return .dataError
        }
    }
}
