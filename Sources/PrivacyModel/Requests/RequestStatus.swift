/// Where a rights request stands; the one place the legal order of steps is written down.
public enum RequestStatus: String, CaseIterable, Codable, Sendable {
    /// Filed by (or for) the subscriber; receipt not yet confirmed.
    case submitted
    /// Receipt confirmed to the subscriber.
    case acknowledged
    /// Support has checked that the requester is the account holder.
    case identityVerified = "identity-verified"
    /// Support is working on it.
    case inProgress = "in-progress"
    /// Done; the resolution holds the completion note.
    case completed
    /// Refused; the resolution holds the reason.
    case denied
    /// Withdrawn by the subscriber.
    case cancelled

    /// The statuses a request can still move on from, so screens and queries agree on "open".
    public static let open: [RequestStatus] = [.submitted, .acknowledged, .identityVerified, .inProgress]

    /// Whether the request still awaits an answer.
    public var isOpen: Bool { Self.open.contains(self) }

    /// Whether the request has reached an end state and can no longer change.
    public var isClosed: Bool { !isOpen }

    /// The status in plain words, for messages ("identity verified", "in progress").
    public var label: String { rawValue.replacingOccurrences(of: "-", with: " ") }

    /// Whether `action` may be taken on a request in this status.
    public func allows(_ action: RequestAction) -> Bool {
        switch action {
        case .file: return false
        case .acknowledge: return self == .submitted
        case .verifyIdentity: return self == .acknowledged
        case .start: return self == .identityVerified
        case .complete: return self == .inProgress
        case .deny, .cancel, .extend: return isOpen
        }
    }
}
