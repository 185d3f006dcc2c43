public import Foundation

/// Which policy version an account acknowledged, and when (if the store knows).
public struct PolicyAcknowledgement: Sendable, Equatable {
    /// The acknowledged version.
    public let version: String
    /// When it was acknowledged (for the version accepted at sign-up: when the account was opened).
    public let at: Date?

    /// Records an acknowledgement.
    public init(version: String, at: Date?) {
        self.version = version
        self.at = at
    }
}

/// Why a policy version could not be acknowledged.
public enum PolicyAcknowledgementError: UserFacingError, Equatable {
    /// Only the version in force can be acknowledged.
    case notCurrent(version: String, current: String)

    /// The failure's kind.
    public var kind: FailureKind { .usage }
}

extension AccountService {
    /// The audit action written when a subscriber acknowledges a policy version (the same as the per-version one).
    public static let policyAcknowledgedAction = PolicyVersionService.acknowledgedAction

    /// Stores that the account acknowledged the policy `version`, which must be the one in force.
    ///
    /// Kept for callers that acknowledge the version in force; the record is the per-version one of
    /// `PolicyVersionService.acknowledge`. Returns false, writing nothing, when the account had already
    /// acknowledged this version.
    @discardableResult
    public func acknowledgePolicy(accountId: Int64, version: String, actor: String = "subscriber") throws -> Bool {
        let current = context.catalogue.version
        guard version == current else {
            throw PolicyAcknowledgementError.notCurrent(version: version, current: current)
        }
        return try PolicyVersionService(context: context).acknowledge(
            accountId: accountId, version: version, actor: actor)
    }

    /// The newest version, not newer than the one in force, that the account acknowledged, and when; nil when it
    /// acknowledged none. It is the version in force exactly when the account has acknowledged that one.
    public func policyAcknowledgement(accountId: Int64) throws -> PolicyAcknowledgement? {
        let current = context.catalogue.version
        return try PolicyVersionService(context: context).acknowledgements(accountId: accountId)
            .last { !PolicyVersionRules.isNewer($0.version, than: current) }
    }
}
