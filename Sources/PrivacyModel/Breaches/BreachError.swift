/// Why a breach step was refused.
public enum BreachError: UserFacingError, Equatable {
    /// No such notice for this account.
    case noticeNotFound
    /// No breach with this reference.
    case notFound(reference: String)
    /// A breach must name at least one data category.
    case noCategories
    /// A category id the catalogue does not have.
    case unknownCategory(String)
    /// The same category named twice.
    case duplicateCategory
    /// A listed audience with nobody on the list.
    case emptyAudience
    /// A listed account that does not exist.
    case unknownAccount(String)
    /// Discovery cannot lie in the future.
    case discoveredInFuture
    /// A notice must tell subscribers what they can do.
    case noAdvice
    /// The contact is neither an email address nor a phone number.
    case invalidContact
    /// The details are too long.
    case detailsTooLong(limit: Int)
    /// The details hold control characters.
    case controlCharacters
    /// Only a draft can be published (an update is published with `update`).
    case alreadyPublished(reference: String)
    /// Only a published breach can be updated or closed.
    case notPublished(reference: String)
    /// A closed breach cannot change.
    case closed(reference: String)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .noticeNotFound, .notFound, .unknownAccount: return .noInput
        case .alreadyPublished, .notPublished, .closed: return .dataError
        default: return .usage
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
        case .noCategories: return UserFacingMessage("error.breach.noCategories")
        case .unknownCategory(let id): return UserFacingMessage("error.breach.unknownCategory", ["id": .text(id)])
        case .duplicateCategory: return UserFacingMessage("error.breach.duplicateCategory")
        case .emptyAudience: return UserFacingMessage("error.breach.emptyAudience")
        case .unknownAccount(let who): return UserFacingMessage("error.breach.unknownAccount", ["who": .text(who)])
        case .discoveredInFuture: return UserFacingMessage("error.breach.discoveredInFuture")
        case .noAdvice: return UserFacingMessage("error.breach.noAdvice")
        case .invalidContact: return UserFacingMessage("error.breach.invalidContact")
        case .detailsTooLong(let limit):
            return UserFacingMessage("error.breach.detailsTooLong", ["limit": .number(limit)])
        case .controlCharacters: return UserFacingMessage("error.breach.controlCharacters")
        case .alreadyPublished(let reference):
            return UserFacingMessage("error.breach.alreadyPublished", ["reference": .text(reference)])
        case .notPublished(let reference):
            return UserFacingMessage("error.breach.notPublished", ["reference": .text(reference)])
        case .closed(let reference): return UserFacingMessage("error.breach.closed", ["reference": .text(reference)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .noticeNotFound, .notFound(reference: "B-000000"), .noCategories, .unknownCategory("x"),
            .duplicateCategory, .emptyAudience, .unknownAccount("x"), .discoveredInFuture, .noAdvice,
            .invalidContact, .detailsTooLong(limit: 2_000), .controlCharacters,
            .alreadyPublished(reference: "B-000000"), .notPublished(reference: "B-000000"),
            .closed(reference: "B-000000"),
        ]
    }
}
