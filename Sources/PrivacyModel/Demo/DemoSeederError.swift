/// Why the demo data could not be generated.
public enum DemoSeederError: UserFacingError, Equatable {
    /// The requested number of viewing events is negative or beyond what the generator accepts.
    case invalidSize(Int, maximum: Int)

    /// The failure's kind.
    public var kind: FailureKind { .usage }

    /// A message a person can act on.
    public var description: String {
        switch self {
        case .invalidSize(let size, let maximum):
            return "\(size) is not a usable number of viewing events; choose between 0 and \(maximum)"
        }
    }
}
