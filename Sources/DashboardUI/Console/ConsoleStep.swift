import PrivacyModel

/// A step staff take on a request from the console, the key that asks for it and what the model calls it.
enum ConsoleStep: String, CaseIterable {
    case acknowledge, verifyIdentity, start, complete, deny, extend

    /// The key-table action that asks for the step.
    var action: Action {
        switch self {
        case .acknowledge: .acknowledgeRequest
        case .verifyIdentity: .verifyIdentity
        case .start: .startRequest
        case .complete: .completeRequest
        case .deny: .denyRequest
        case .extend: .extendRequest
        }
    }

    /// The model's name for the step (its rules: which status allows it, who may take it).
    var requestAction: RequestAction {
        switch self {
        case .acknowledge: .acknowledge
        case .verifyIdentity: .verifyIdentity
        case .start: .start
        case .complete: .complete
        case .deny: .deny
        case .extend: .extend
        }
    }

    /// What the staff permission table calls the step.
    var staffAction: StaffAction {
        switch self {
        case .acknowledge: .acknowledgeRequest
        case .verifyIdentity: .verifyIdentity
        case .start: .startRequest
        case .complete: .completeRequest
        case .deny: .denyRequest
        case .extend: .extendRequest
        }
    }

    /// The step a key asks for, if any.
    init?(action: Action?) {
        guard let step = Self.allCases.first(where: { $0.action == action }) else { return nil }
        self = step
    }

    /// Whether `staff`'s role includes the step and the model lets support take it on `request` now (an
    /// extension only once).
    func isAllowed(on request: RightsRequest, by staff: StaffIdentity) -> Bool {
        guard staff.may(staffAction), requestAction.permits(.support), request.status.allows(requestAction) else {
            return false
        }
        return self != .extend || !request.isExtended
    }

    /// Whether the model requires the text the dialog asks for (a reason) rather than an optional note.
    var needsReason: Bool { self == .deny || self == .extend }
}
