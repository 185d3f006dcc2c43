/// Why a breach step was refused.
public enum BreachError: UserFacingError, Equatable {
    /// No such notice for this account.
    case noticeNotFound
    /// No breach with this reference.
    case notFound(reference: String)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .noticeNotFound, .notFound: return .noInput
        }
    }
}

extension BreachError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .noticeNotFound: return UserFacingMessage("error.breach.noticeNotFound")
        case .notFound(let reference):
            return UserFacingMessage("error.breach.notFound", ["reference": .text(reference)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] { [.noticeNotFound, .notFound(reference: "B-000000")] }
}
