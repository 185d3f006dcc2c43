/// A step that can be taken on a rights request, so errors, events and the audit log name it the same way.
public enum RequestAction: String, CaseIterable, Codable, Sendable {
    /// Filing a new request.
    case file
    /// Confirming receipt.
    case acknowledge
    /// Recording that the requester's identity was checked.
    case verifyIdentity = "verify-identity"
    /// Starting work.
    case start
    /// Finishing with a completion note.
    case complete
    /// Refusing with a reason.
    case deny
    /// Withdrawing the request (subscriber only).
    case cancel
    /// Moving the due date later, once, with a reason.
    case extend

    /// The status the action leads to, or nil when it leaves the status unchanged (an extension).
    public var targetStatus: RequestStatus? {
        switch self {
        case .file: return .submitted
        case .acknowledge: return .acknowledged
        case .verifyIdentity: return .identityVerified
        case .start: return .inProgress
        case .complete: return .completed
        case .deny: return .denied
        case .cancel: return .cancelled
        case .extend: return nil
        }
    }

    /// Who may take the action: the subscriber files and cancels, staff (or the system) run the rest.
    public func permits(_ actor: RequestActor) -> Bool {
        switch self {
        case .file: return true
        case .cancel: return actor == .subscriber
        case .acknowledge, .verifyIdentity, .start, .complete, .deny, .extend: return actor != .subscriber
        }
    }

    /// The audit log's action name ("request-filed", "request-denied", ...).
    public var auditName: String {
        switch self {
        case .file: return "request-filed"
        case .acknowledge: return "request-acknowledged"
        case .verifyIdentity: return "request-identity-verified"
        case .start: return "request-started"
        case .complete: return "request-completed"
        case .deny: return "request-denied"
        case .cancel: return "request-cancelled"
        case .extend: return "request-extended"
        }
    }

    /// The action as a verb phrase for messages ("verify the identity for").
    var verb: String {
        switch self {
        case .file: return "file"
        case .acknowledge: return "acknowledge"
        case .verifyIdentity: return "verify the identity for"
        case .start: return "start"
        case .complete: return "complete"
        case .deny: return "deny"
        case .cancel: return "cancel"
        case .extend: return "extend"
        }
    }
}
