/// The one table of what each staff role may do, read by the console, the CLI and the tests.
public enum StaffPermissions {
    /// What an agent may do: work the queue and read a subscriber's data for a reason.
    private static let agent: Set<StaffAction> = [
        .viewQueue, .viewQueueFigures, .readSubscriberData, .acknowledgeRequest, .verifyIdentity, .startRequest,
        .completeRequest, .denyRequest, .extendRequest, .fileOnBehalf, .resetSubscriberPassword, .manageSubscribers,
        .viewOutbox,
    ]

    /// Each role's allowed actions.
    public static let table: [StaffRole: Set<StaffAction>] = [
        .owner: [.manageStaff],
        .approver: agent.union([.approveErasure, .closeUnderageAccount, .manageBreaches, .viewBreaches, .publishPolicy]
        ),
        .agent: agent,
        .auditor: [.readAuditLog, .viewQueueFigures, .viewBreaches],
    ]

    /// Whether `role` may take `action`.
    public static func allows(_ role: StaffRole, _ action: StaffAction) -> Bool {
        table[role, default: []].contains(action)
    }
}
