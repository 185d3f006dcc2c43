import Foundation
import PrivacyModel

/// The store work behind the wizard: the duplicate check, the password check and the filing itself, all
/// through the model's services.
@MainActor
enum RequestFiling {
    /// An open request of the account with the same right and scope, if there is one (the model refuses a second).
    static func openDuplicate(type: RightKind, scope: RequestScope, session: Session) throws -> RightsRequest? {
        try session.requests.openRequest(accountId: session.account.id, type: type, scope: scope)
    }

    /// Re-checks the signed-in subscriber's password; a wrong one counts toward the sign-in lockout,
    /// so the identity step cannot be used to guess a password.
    static func confirmPassword(_ password: String, session: Session) throws -> PasswordConfirmation.Outcome {
        session.reloadAccount()
        return try PasswordConfirmation(context: session.context).check(
            password, for: session.account, refusedAction: "request-identity-refused")
    }

    /// Files the request as the subscriber; the model checks it against the catalogue and for duplicates.
    static func file(
        type: RightKind, scope: RequestScope, details: RequestDetails, session: Session
    ) throws -> RightsRequest {
        try session.requests.file(
            accountId: session.account.id, type: type, scope: scope, details: details, actor: .subscriber)
    }
}
