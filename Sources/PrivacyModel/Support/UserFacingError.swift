/// The broad kind of a failure, so the command line can map it to a sysexits code and screens to a tone.
public enum FailureKind: Sendable, Equatable {
    /// The request itself was wrong (a bad argument or value).
    case usage
    /// The input data was wrong (a malformed or foreign file, a rule broken by the data).
    case dataError
    /// Something that must exist does not.
    case noInput
    /// An output could not be created.
    case cannotCreate
    /// Reading or writing failed.
    case ioError
    /// Permission was refused (a read-only store, a locked account).
    case permission
    /// A temporary condition; trying again later may work.
    case temporary
}

/// An error that carries a one-line message a person can act on.
public protocol UserFacingError: Error, CustomStringConvertible {
    /// The broad kind of the failure.
    var kind: FailureKind { get }
}
