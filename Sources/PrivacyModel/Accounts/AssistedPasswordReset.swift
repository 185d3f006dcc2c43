public import Foundation
import GRDB

/// A one-time password staff set for a subscriber: shown once to the member of staff to pass on, never stored
/// in clear; the subscriber must replace it at their next sign-in.
public struct OneTimePassword: Sendable, Equatable {
    /// The subscriber's account.
    public let accountId: Int64
    /// The password itself, to read out once.
    public let password: String
    /// The open request whose identity check allowed the reset.
    public let reference: String
}

/// Resets a subscriber's forgotten password for them, once staff have verified who they are: the one rule for
/// the console and the CLI.
public struct AssistedPasswordReset: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Letters and digits that cannot be mistaken for one another when read out (no 0/o, 1/l/i).
    static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
    /// Characters in a one-time password (about 79 bits from `alphabet`).
    public static let length = 16

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Whether `staff` may reset the password of the subscriber behind `request` now: the role allows it and the
    /// request is open with its requester's identity checked, so the console offers the reset only then.
    public static func isOffered(on request: RightsRequest, to staff: StaffIdentity) -> Bool {
        staff.may(.resetSubscriberPassword) && identityChecked(request)
    }

    /// Whether the request's identity check is done and it is still open (identity verified or in progress).
    static func identityChecked(_ request: RightsRequest) -> Bool {
        request.status == .identityVerified || request.status == .inProgress
    }

    /// Sets a fresh one-time password for the account and marks it to be changed at the next sign-in.
    ///
    /// `staff` needs `.resetSubscriberPassword`, and its reason must be one of the subscriber's open requests
    /// whose identity check is done (identity verified or in progress): that check is what makes the reset safe.
    /// The password is drawn from the context's random source, only its scrypt hash is kept, and the audit
    /// entry names the member of staff and the request, never the password.
    public func reset(accountId: Int64, staff: StaffAccess) throws -> OneTimePassword {
        guard staff.staff.may(.resetSubscriberPassword) else {
            throw StaffError.notPermitted(role: staff.staff.role, action: .resetSubscriberPassword)
        }
        guard let reason = staff.reason else { throw StaffError.reasonRequired }
        guard case .request(let typed) = reason else { throw StaffError.identityNotVerified }
        guard let account = try AccountService(context: context).account(id: accountId) else {
            throw AccountError.notFound("#\(accountId)")
        }
        guard account.status == .active else { throw AccountError.notActive(account.username) }
        let reference = try verifiedRequest(typed, accountId: accountId)
        let random = context.settings.random
        let password = String((0..<Self.length).map { _ in random.pick(Self.alphabet) })
        // The slow hash runs outside any transaction so other sessions are never held up by it.
        let hash = try PasswordHasher(parameters: context.settings.scrypt, random: random).hash(password)
        let now = context.now
        try context.store.write { db in
            try db.execute(
                sql: """
                    UPDATE account SET passwordHash = ?, passwordChangedAt = ?, mustChangePassword = 1
                    WHERE id = ? AND status = ?
                    """,
                arguments: [hash, now.epochSeconds, accountId, AccountStatus.active.rawValue])
            guard db.changesCount == 1 else { throw AccountError.notActive(account.username) }
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: RequestActor.support.rawValue,
                action: "password-reset-by-staff", detail: reference,
                staff: StaffAccess(staff: staff.staff, reason: .request(reference)))
        }
        return OneTimePassword(accountId: accountId, password: password, reference: reference)
    }

    /// The canonical reference when it names an open request of the account whose requester was verified.
    private func verifiedRequest(_ typed: String, accountId: Int64) throws -> String {
        guard let request = try RequestService(context: context).request(reference: typed),
            request.accountId == accountId, request.isOpen
        else { throw StaffError.requestNotOpenForAccount(reference: typed) }
        guard Self.identityChecked(request) else { throw StaffError.identityNotVerified }
        return request.reference
    }
}
