public import Foundation

/// Why an account could not be deleted or purged, in words the subscriber or support can act on.
public enum AccountDeletionError: UserFacingError, Equatable {
    /// No account has this id.
    case accountNotFound(Int64)
    /// The password does not match; nothing was changed.
    case wrongPassword
    /// Too many failed attempts: no password is checked until `until`.
    case locked(until: Date)
    /// Deletion was already requested; the data is purged on `purgeOn`.
    case alreadyRequested(purgeOn: Date)
    /// The account was already purged.
    case alreadyPurged(Int64)
    /// The purge was asked for before the account's purge date.
    case purgeNotDue(purgeOn: Date)
    /// The account is not awaiting deletion, so there is nothing to purge.
    case notPendingDeletion(Int64)
    /// The request named is not an account-deletion request.
    case notAnAccountDeletion(reference: String)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .accountNotFound: return .noInput
        case .wrongPassword, .locked: return .permission
        case .alreadyRequested, .alreadyPurged, .purgeNotDue, .notPendingDeletion, .notAnAccountDeletion:
            return .dataError
        }
    }

    /// A one-line message a person can act on.
    public var description: String {
        switch self {
        case .accountNotFound(let id): return "no account has the id \(id)"
        case .wrongPassword: return "the password is wrong; the account was not deleted"
        case .locked(let until):
            return "too many wrong passwords; try again after \(until.iso8601UTC)"
        case .alreadyRequested(let purgeOn):
            return "deletion was already requested; the data is purged on \(purgeOn.dayUTC)"
        case .alreadyPurged(let id): return "account \(id) was already deleted and purged"
        case .purgeNotDue(let purgeOn):
            return "the account's data is not due to be purged before \(purgeOn.iso8601UTC)"
        case .notPendingDeletion(let id): return "account \(id) is not awaiting deletion"
        case .notAnAccountDeletion(let reference):
            return "request \(reference) is not an account-deletion request"
        }
    }
}
