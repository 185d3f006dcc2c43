/// Why an account could not be created or changed.
public enum AccountError: UserFacingError, Equatable {
    /// The email is not a plausible address.
    case invalidEmail(String)
    /// The username breaks the naming rule.
    case invalidUsername(String)
    /// The name is empty, too long or holds control characters.
    case invalidName(TextProblem)
    /// The birthdate is not a real YYYY-MM-DD day.
    case invalidBirthdate(String)
    /// The birthdate is a day still to come.
    case birthdateInFuture(String)
    /// The birthdate is before the earliest year accepted (a mistyped year).
    case birthdateTooEarly(String, earliestYear: Int)
    /// The person is younger than the policy's minimum age.
    case underage(minimumAge: Int)
    /// Another account already uses the email (compared ignoring case); told to support creating an account.
    case emailTaken(String)
    /// A subscriber's new sign-in email cannot be used; deliberately not saying why, so nobody learns from it
    /// whose address is registered.
    case emailUnavailable
    /// Another account already uses the username (compared ignoring case).
    case usernameTaken(String)
    /// The password is too short or too long.
    case weakPassword(minimumLength: Int)
    /// The password is the username (ignoring case).
    case passwordIsUsername
    /// The password is the sign-in email (ignoring case).
    case passwordIsEmail
    /// No account matches.
    case notFound(String)
    /// The account is not active (deletion pending or purged).
    case notActive(String)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .notFound: return .noInput
        case .emailTaken, .emailUnavailable, .usernameTaken, .notActive: return .dataError
        default: return .usage
        }
    }
}
