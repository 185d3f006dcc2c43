/// Why an account could not be created or changed.
public enum AccountError: UserFacingError, Equatable {
    /// The email is not a plausible address.
    case invalidEmail(String)
    /// The username breaks the naming rule.
    case invalidUsername(String)
    /// The name is empty, too long or holds control characters.
    case invalidName(TextProblem)
    /// The birthdate is not a real YYYY-MM-DD day in the past.
    case invalidBirthdate(String)
    /// The person is younger than the policy's minimum age.
    case underage(minimumAge: Int)
    /// Another account already uses the email (compared ignoring case).
    case emailTaken(String)
    /// Another account already uses the username (compared ignoring case).
    case usernameTaken(String)
    /// The password is too short or too long.
    case weakPassword(minimumLength: Int)
    /// No account matches.
    case notFound(String)
    /// The account is not active (deletion pending or purged).
    case notActive(String)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .notFound: return .noInput
        case .emailTaken, .usernameTaken, .notActive: return .dataError
        default: return .usage
        }
    }
}
