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
}
