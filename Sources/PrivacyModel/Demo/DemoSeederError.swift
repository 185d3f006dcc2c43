/// Why the demo data could not be generated.
public enum DemoSeederError: UserFacingError, Equatable {
    /// The requested number of viewing events is negative or beyond what the generator accepts.
    case invalidSize(Int, maximum: Int)

    /// The failure's kind.
    public var kind: FailureKind { .usage }
}
