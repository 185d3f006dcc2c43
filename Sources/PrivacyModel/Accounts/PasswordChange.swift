public import Foundation
import GRDB

/// Why a password could not be changed.
public enum PasswordChangeError: UserFacingError, Equatable {
    /// The current password typed is wrong; nothing was changed.
    case wrongCurrentPassword
    /// The new password and its repetition differ.
    case mismatch
    /// The new password is the one already in use.
    case sameAsCurrent
    /// Too many wrong passwords: no password is checked until `until`.
    case locked(until: Date)
    /// The password was changed in another session meanwhile.
    case changedMeanwhile

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .wrongCurrentPassword, .locked: return .permission
        case .changedMeanwhile: return .temporary
        case .mismatch, .sameAsCurrent: return .usage
        }
    }
}

/// Changes a signed-in subscriber's password after checking the current one (which may be a one-time password
/// staff set: the change ends the need to change it).
public struct PasswordChangeService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Checks the current password, the password rules and the repetition, then stores a fresh scrypt hash
    /// made with the context's parameters and the change time, with an audit entry.
    ///
    /// A wrong current password counts as a failed sign-in, so guessing from an open session locks the
    /// account as guessing at the sign-in form does.
    public func change(accountId: Int64, current: String, new: String, repeated: String) throws {
        guard new == repeated else { throw PasswordChangeError.mismatch }
        guard let account = try AccountService(context: context).account(id: accountId) else {
            throw AccountError.notFound("#\(accountId)")
        }
        try AccountService.checkPassword(new, username: account.username, email: account.email)
        guard account.status == .active else { throw AccountError.notActive(account.username) }
        switch try PasswordConfirmation(context: context).check(
            current, for: account, refusedAction: "password-change-refused")
        {
        case .confirmed: break
        case .wrong: throw PasswordChangeError.wrongCurrentPassword
        case .locked(let until): throw PasswordChangeError.locked(until: until)
        }
        guard new != current else { throw PasswordChangeError.sameAsCurrent }
        let hasher = PasswordHasher(parameters: context.settings.scrypt, random: context.settings.random)
        // The slow hash runs outside any transaction so other sessions are never held up by it.
        let newHash = try hasher.hash(new)
        let now = context.now
        try context.store.write { db in
            try db.execute(
                sql: """
                    UPDATE account SET passwordHash = ?, passwordChangedAt = ?, mustChangePassword = 0
                    WHERE id = ? AND passwordHash = ?
                    """,
                arguments: [newHash, now.epochSeconds, accountId, account.passwordHash])
            guard db.changesCount == 1 else { throw PasswordChangeError.changedMeanwhile }
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: RequestActor.subscriber.rawValue,
                action: "password-changed", detail: context.settings.scrypt.description)
        }
    }
}
