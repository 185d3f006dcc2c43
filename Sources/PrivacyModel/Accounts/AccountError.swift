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

    /// A message a person can act on.
    public var description: String {
        switch self {
        case .invalidEmail(let email): return "\"\(email)\" is not a valid email address"
        case .invalidUsername(let name):
            return "\"\(name)\" is not a valid username: use 3 to 32 letters, digits, dots, dashes or underscores"
        case .invalidName(.empty): return "the name is empty"
        case .invalidName(.tooLong(let limit)): return "the name is longer than \(limit) characters"
        case .invalidName(.controlCharacters):
            return "the name holds control characters (such as ESC or a line break); type it as plain text"
        case .invalidBirthdate(let text): return "\"\(text)\" is not a valid birthdate; use YYYY-MM-DD"
        case .underage(let age): return "accounts are only for people aged \(age) or over"
        case .emailTaken(let email): return "an account with the email \(email) already exists"
        case .usernameTaken(let name): return "the username \(name) is already taken"
        case .weakPassword(let length): return "the password must have at least \(length) characters"
        case .notFound(let who): return "no account matches \(who)"
        case .notActive(let who): return "the account \(who) is closed or awaiting deletion"
        }
    }
}
