import Foundation
import PrivacyModel

/// What the overview shows, read once when the screen is shown so rendering never touches the store.
struct OverviewSnapshot {
    /// One data category's line.
    struct CategoryRow {
        /// The catalogue id, so Enter can select the category on My data.
        let id: String
        let name: String
        let count: Int
        let oldest: Date?
        let newest: Date?
        let nextDeletion: Date?
        /// Kept for the account's lifetime (no fixed deletion date while the account is open).
        let keptWhileOpen: Bool
        let heldCount: Int
        let isRestricted: Bool
    }

    /// One open request's line.
    struct RequestRow {
        let reference: String
        let typeName: String
        let status: RequestStatus
        let due: Date
        let daysLeft: Int
        let isOverdue: Bool
        let isReceiptOverdue: Bool
        let isExtended: Bool
    }

    /// One preference group's line: how many optional items are on and which.
    struct PreferenceGroupLine {
        let name: String
        let optionalOn: [String]
        let optionalCount: Int
        let lockedCount: Int
    }

    /// Something the subscriber should look at.
    enum Alert: Equatable {
        /// The policy in force is not the one acknowledged (nil: never acknowledged).
        case policy(current: String, acknowledged: String?)
        /// The consent receipt chain check found a problem.
        case brokenChain(String)
        /// Requests past their answer deadline.
        case overdue([String])
        /// Requests whose receipt was not confirmed in time.
        case receiptOverdue([String])
        /// The account is awaiting deletion.
        case deletionPending(Date?)
        /// Data of a category is past its deletion date and still held, the oldest by `daysLate` days.
        case retentionOverdue(category: String, daysLate: Int)
        /// Breaches that concern the subscriber are open (published, not closed): their references.
        case breach([String])
        /// A published policy version that applies later: its summary, effective day and days left.
        case policyChange(summary: String, effective: Date, daysLeft: Int)
    }

    var categories: [CategoryRow] = []
    var requests: [RequestRow] = []
    var preferenceGroups: [PreferenceGroupLine] = []
    var alerts: [Alert] = []
    /// Whether the account has any breach notice (the Overview then offers the Notices key).
    var hasNotices = false

    /// Reads everything the overview needs for the signed-in account.
    @MainActor
    static func load(session: Session) throws -> OverviewSnapshot {
        let accountId = session.account.id
        let catalogue = session.catalogue
        var snapshot = OverviewSnapshot()
        snapshot.categories = try session.collectedData.summaries(accountId: accountId).map { summary in
            CategoryRow(
                id: summary.category.id, name: summary.category.name, count: summary.count, oldest: summary.oldest,
                newest: summary.newest,
                nextDeletion: summary.nextDeletion,
                keptWhileOpen: summary.isKeptWhileOpen, heldCount: summary.heldCount,
                isRestricted: summary.isRestricted)
        }
        let service = session.requests
        snapshot.requests = try service.requests(accountId: accountId).filter(\.isOpen)
            .sorted { ($0.currentDueAt, $0.id) < ($1.currentDueAt, $1.id) }
            .map { request in
                RequestRow(
                    reference: request.reference,
                    typeName: catalogue.right(request.type.rawValue)?.name ?? request.type.rawValue,
                    status: request.status, due: request.currentDueAt, daysLeft: service.daysLeft(request),
                    isOverdue: service.isOverdue(request), isReceiptOverdue: service.isReceiptOverdue(request),
                    isExtended: request.isExtended)
            }
        let states = try session.preferences.preferences(accountId: accountId)
        snapshot.preferenceGroups = catalogue.preferenceGroups.map { group in
            let members = states.filter { $0.group == group.id }
            let optional = members.filter { !$0.isLocked }
            return PreferenceGroupLine(
                name: group.name, optionalOn: optional.filter(\.value).map(\.definition.name),
                optionalCount: optional.count, lockedCount: members.count - optional.count)
        }
        let chain = try session.preferences.verifyChain(accountId: accountId)
        let late = try RetentionService(context: session.context).overdueDeletions(
            accountId: accountId, at: session.context.now)
        snapshot.alerts = alerts(session: session, chain: chain, requests: snapshot.requests, late: late)
        let notices = try BreachNoticeService(context: session.context).notices(accountId: accountId)
        snapshot.hasNotices = !notices.isEmpty
        let open = notices.filter { $0.breach.status == .published }.map(\.breach.reference)
        if !open.isEmpty { snapshot.alerts.insert(.breach(open), at: 0) }
        return snapshot
    }

    @MainActor
    private static func alerts(
        session: Session, chain: ReceiptChainReport, requests: [RequestRow], late: [OverdueDeletion]
    ) -> [Alert] {
        var alerts: [Alert] = []
        let account = session.account
        if account.status == .deletionPending { alerts.append(.deletionPending(account.purgeDueDate)) }
        let overdue = requests.filter(\.isOverdue).map(\.reference)
        if !overdue.isEmpty { alerts.append(.overdue(overdue)) }
        let receiptOverdue = requests.filter(\.isReceiptOverdue).map(\.reference)
        if !receiptOverdue.isEmpty { alerts.append(.receiptOverdue(receiptOverdue)) }
        for category in session.catalogue.categories {
            guard let days = late.filter({ $0.categoryId == category.id }).map(\.daysLate).max() else { continue }
            alerts.append(.retentionOverdue(category: category.name, daysLate: days))
        }
        if let problem = chain.problem {
            alerts.append(.brokenChain(ReceiptProblemText.text(problem, session: session)))
        }
        let pending = (try? PolicyVersionService(context: session.context).pending(accountId: account.id)) ?? []
        for version in pending {
            guard let effective = version.effectiveDay else { continue }
            let left = PolicyVersionRules.daysLeft(until: effective, now: session.now)
            if left > 0 {
                alerts.append(
                    .policyChange(
                        summary: version.summary(in: session.strings.language), effective: effective, daysLeft: left))
            }
        }
        let current = session.catalogue.version
        let acknowledged = (try? session.accounts.policyAcknowledgement(accountId: account.id))?.version
        if acknowledged != current {
            alerts.append(.policy(current: current, acknowledged: acknowledged))
        }
        return alerts
    }
}
