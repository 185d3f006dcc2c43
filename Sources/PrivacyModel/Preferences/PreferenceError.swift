/// Why a preference could not be read or changed, in words the subscriber or support can act on.
public enum PreferenceError: UserFacingError, Equatable {
    /// The id names no preference in the policy catalogue.
    case unknownPreference(String)
    /// The preference is mandatory; carries its display name and the catalogue's reason.
    case locked(id: String, name: String, reason: String)
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
        case .accountNotActive: return .dataError
        }
    }

    /// A one-line message a person can act on.
    public var description: String {
        switch self {
        case .unknownPreference(let id):
            return "\"\(id)\" is not a known preference; use one of the ids in the preference list"
        case .locked(_, let name, let reason):
            return "\"\(name)\" cannot be switched off or on: \(reason)"
        case .accountNotFound(let id):
            return "no account has the id \(id)"
        case .accountNotActive(let id):
            return "account \(id) is closed or awaiting deletion, so its preferences can no longer be changed"
        case .invalidChannel(let channel):
            return "\"\(channel)\" is not a valid channel name; use 1 to 64 printable characters"
        }
    }
}
