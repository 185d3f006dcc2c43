import Foundation
import GRDB

/// What a member of staff needs to take a step on a request: the permission for the step and, for a completion
/// that erases data, a second pair of eyes; the one home of these rules for the console, the CLI and the tests.
public enum StaffRequestRules {
    /// The channels a request filed on a subscriber's behalf can have come through.
    public static let behalfChannels = ["email", "chat", "phone", "post"]

    /// The permission a step needs; completing an erasure of a category or an account deletion needs an approver.
    public static func permission(for action: RequestAction, effect: RequestEffect) -> StaffAction? {
        switch action {
        case .file: return .fileOnBehalf
        case .acknowledge: return .acknowledgeRequest
        case .verifyIdentity: return .verifyIdentity
        case .start: return .startRequest
        case .complete: return needsSecondPerson(effect) ? .approveErasure : .completeRequest
        case .deny: return .denyRequest
        case .extend: return .extendRequest
        case .cancel: return nil
        }
    }

    /// Whether completing a request with this effect deletes a subscriber's data, so its approver must be
    /// someone other than whoever filed or started it.
    public static func needsSecondPerson(_ effect: RequestEffect) -> Bool {
        effect == .erase || effect == .closeAccount
    }

    /// Why `staff` may not complete `request` now (their role, or the second pair of eyes an erasure needs), or
    /// nil when they may: the console shows this answer instead of repeating the rule.
    public static func completionRefusal(
        of request: RightsRequest, by staff: StaffIdentity, context: PrivacyContext
    ) throws -> StaffError? {
        try context.store.read { db in
            do {
                try check(.complete, on: request, by: staff, db)
                return nil
            } catch let refusal as StaffError {
                return refusal
            }
        }
    }

    /// Refuses the step when the staff member's role does not allow it, or when they would approve an erasure
    /// they filed or started themselves.
    static func check(
        _ action: RequestAction, on request: RightsRequest, by staff: StaffIdentity, _ db: Database
    ) throws {
        let effect = RequestEffect.of(request)
        guard let needed = permission(for: action, effect: effect) else {
            throw RequestError.notPermitted(action, actor: .support)
        }
        guard staff.may(needed) else { throw StaffError.notPermitted(role: staff.role, action: needed) }
        guard action == .complete, needsSecondPerson(effect) else { return }
        let filersAndStarters = try Int64.fetchAll(
            db,
            sql: """
                SELECT staffId FROM request_event
                WHERE requestId = ? AND staffId IS NOT NULL AND toStatus IN (?, ?)
                  AND (fromStatus IS NULL OR fromStatus <> toStatus)
                """,
            arguments: [request.id, RequestStatus.submitted.rawValue, RequestStatus.inProgress.rawValue])
        if filersAndStarters.contains(staff.id) { throw StaffError.sameStaffMember }
    }

    /// The channel of a request staff file for a subscriber, when it is one of `behalfChannels`.
    static func behalfChannel(_ channel: String?) throws(StaffError) -> String {
        let typed = (channel ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !typed.isEmpty else { throw .behalfChannelRequired }
        guard behalfChannels.contains(typed) else { throw .unknownBehalfChannel(channel ?? "") }
        return typed
    }
}

extension StaffAccess {
    /// The same member of staff with the request itself as the reason, as every step on a request records.
    func citing(_ reference: String) -> StaffAccess {
        StaffAccess(staff: staff, reason: .request(reference))
    }
}
