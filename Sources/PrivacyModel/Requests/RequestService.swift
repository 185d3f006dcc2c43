public import Foundation
import GRDB

/// Files rights requests and moves them through their life; the one place request rules and deadlines live.
public struct RequestService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// How many references are drawn before giving up on finding an unused one.
    public static let maximumReferenceAttempts = 16

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    // MARK: Filing

    /// Files a request for an active account after checking it against the catalogue and for an open duplicate.
    ///
    /// `channel` defaults to the context's channel; `actor` is who filed it (support may file for a subscriber).
    /// A member of staff filing on a subscriber's behalf passes `staff`: they need `.fileOnBehalf`, the channel
    /// must be one of `StaffRequestRules.behalfChannels`, and the audit entry names them with their ticket as
    /// the reason, or the new request when they gave none.
    @discardableResult
    public func file(
        accountId: Int64, type: RightKind, scope: RequestScope, details: RequestDetails = .empty,
        channel: String? = nil, actor: RequestActor = .subscriber, staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        if let staff, !staff.staff.may(.fileOnBehalf) {
            throw StaffError.notPermitted(role: staff.staff.role, action: .fileOnBehalf)
        }
        let details = try RequestValidation.validate(
            type: type, scope: scope, details: details, catalogue: context.catalogue)
        let channel =
            staff == nil
            ? try RequestValidation.channel(channel ?? context.settings.channel)
            : try StaffRequestRules.behalfChannel(channel)
        let actor = staff == nil ? actor : .support
        let detailsText = try details.jsonText()
        return try context.store.write { db in
            let accountStatus = try String.fetchOne(
                db, sql: "SELECT status FROM account WHERE id = ?", arguments: [accountId])
            guard let accountStatus else { throw RequestError.accountNotFound(accountId) }
            guard accountStatus == AccountStatus.active.rawValue else { throw RequestError.accountNotActive(accountId) }
            if let existing = try openDuplicate(db, accountId: accountId, type: type, scope: scope) {
                throw RequestError.duplicate(existingReference: existing)
            }
            let filedAt = Date(epochSeconds: context.now.epochSeconds)
            let deadlines = RequestDeadlines(filedAt: filedAt, deadlines: context.catalogue.deadlines)
            let reference = try insert(
                db,
                arguments: [
                    accountId, type.rawValue, scope.kind.rawValue, scope.value, detailsText,
                    RequestStatus.submitted.rawValue, channel, filedAt.epochSeconds,
                    deadlines.receiptDue.epochSeconds, deadlines.responseDue.epochSeconds,
                ])
            let requestId = db.lastInsertedRowID
            try appendEvent(
                db, requestId: requestId, at: filedAt, from: nil, to: .submitted, actor: actor, note: .empty,
                staffId: staff?.staff.id)
            try AuditLog.append(
                db, at: filedAt, accountId: accountId, actor: actor.rawValue, action: RequestAction.file.auditName,
                detail: "\(reference) \(type.rawValue) \(scope) via \(channel)",
                staff: staff.map { Self.filing($0, reference) })
            try Outbox.enqueue(
                db, at: filedAt, accountId: accountId, kind: .requestReceived,
                params: ["reference": reference, "filed": filedAt.dayUTC, "due": deadlines.responseDue.dayUTC],
                requestId: requestId)
            return try fetch(db, reference: reference).orThrow(RequestError.notFound(reference))
        }
    }

    /// Inserts the request row under a freshly drawn reference, drawing again when the UNIQUE index reports a collision.
    private func insert(_ db: Database, arguments: [any DatabaseValueConvertible]) throws -> String {
        for _ in 0..<Self.maximumReferenceAttempts {
            let reference = ReferenceNumber.generate(using: context.settings.random)
            try db.execute(
                sql: """
                    INSERT INTO rights_request (reference, accountId, type, scopeKind, scopeValue, details, status,
                                                channel, filedAt, receiptDueAt, responseDueAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (reference) DO NOTHING
                    """,
                arguments: StatementArguments([reference] + arguments))
            if db.changesCount == 1 { return reference }
        }
        throw RequestError.referenceUnavailable
    }

    /// The reference of an open request with the same account, type and scope, if there is one.
    private func openDuplicate(_ db: Database, accountId: Int64, type: RightKind, scope: RequestScope) throws -> String?
    {
        try String.fetchOne(
            db,
            sql: """
                SELECT reference FROM rights_request
                WHERE accountId = ? AND type = ? AND scopeKind = ? AND scopeValue = ?
                  AND status IN (\(Self.openStatusList))
                ORDER BY id LIMIT 1
                """,
            arguments: [accountId, type.rawValue, scope.kind.rawValue, scope.value])
    }

    // MARK: Reading

    /// The open request of an account for the same right and scope, if there is one (a second is refused).
    public func openRequest(accountId: Int64, type: RightKind, scope: RequestScope) throws -> RightsRequest? {
        try context.store.read { db in
            try openDuplicate(db, accountId: accountId, type: type, scope: scope).flatMap {
                try fetch(db, reference: $0)
            }
        }
    }

    /// The request with a reference, ignoring case, spaces and a missing dash or prefix; nil when there is none.
    public func request(reference: String) throws -> RightsRequest? {
        guard let canonical = ReferenceNumber.normalise(reference) else { return nil }
        return try context.store.read { db in try fetch(db, reference: canonical) }
    }

    /// The request with a reference, or `RequestError.notFound`.
    public func require(reference: String) throws -> RightsRequest {
        guard let request = try request(reference: reference) else { throw RequestError.notFound(reference) }
        return request
    }

    /// The request with a row id, if any.
    public func request(id: Int64) throws -> RightsRequest? {
        try context.store.read { db in
            try RightsRequest.fetchOne(db, sql: "SELECT * FROM rights_request WHERE id = ?", arguments: [id])
        }
    }

    /// An account's requests, newest first, for the subscriber's request list.
    public func requests(accountId: Int64) throws -> [RightsRequest] {
        try context.store.read { db in
            try RightsRequest.fetchAll(
                db, sql: "SELECT * FROM rights_request WHERE accountId = ? ORDER BY filedAt DESC, id DESC",
                arguments: [accountId])
        }
    }

    /// Every account's requests (optionally only those in one status), newest first, for support staff.
    public func allRequests(status: RequestStatus? = nil) throws -> [RightsRequest] {
        try context.store.read { db in
            if let status {
                return try RightsRequest.fetchAll(
                    db, sql: "SELECT * FROM rights_request WHERE status = ? ORDER BY filedAt DESC, id DESC",
                    arguments: [status.rawValue])
            }
            return try RightsRequest.fetchAll(db, sql: "SELECT * FROM rights_request ORDER BY filedAt DESC, id DESC")
        }
    }

    /// Every open request, the one due soonest first, so support sees what is most urgent.
    public func openRequests() throws -> [RightsRequest] {
        try context.store.read { db in
            try RightsRequest.fetchAll(
                db,
                sql: """
                    SELECT * FROM rights_request WHERE status IN (\(Self.openStatusList))
                    ORDER BY COALESCE(extendedDueAt, responseDueAt), id
                    """)
        }
    }

    /// A request's history, oldest first.
    public func events(requestId: Int64) throws -> [RequestEvent] {
        try context.store.read { db in
            try RequestEvent.fetchAll(
                db, sql: "SELECT * FROM request_event WHERE requestId = ? ORDER BY sequence", arguments: [requestId])
        }
    }

    // MARK: Transitions

    // Every step below takes `staff`, the signed-in member of staff taking it (the actor is then support): the
    // step needs their role's permission (`StaffRequestRules`), and its event and audit entry name them, with
    // the request as the reason.

    /// Confirms receipt to the subscriber (submitted → acknowledged); staff or system only.
    @discardableResult
    public func acknowledge(
        reference: String, actor: RequestActor, note: String = "", staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        try perform(.acknowledge, reference: reference, actor: actor, note: .typed(note), staff: staff)
    }

    /// Records that the requester is the account holder (acknowledged → identity-verified); staff or system only.
    @discardableResult
    public func verifyIdentity(
        reference: String, actor: RequestActor, note: String = "", staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        try perform(.verifyIdentity, reference: reference, actor: actor, note: .typed(note), staff: staff)
    }

    /// Records the identity check with a note of the program's own (the signed-in session).
    func verifyIdentity(
        reference: String, actor: RequestActor, note: StoredText, staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        try perform(.verifyIdentity, reference: reference, actor: actor, note: note, staff: staff)
    }

    /// Starts work on the request (identity-verified → in-progress); staff or system only.
    @discardableResult
    public func start(
        reference: String, actor: RequestActor, note: String = "", staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        try perform(.start, reference: reference, actor: actor, note: .typed(note), staff: staff)
    }

    /// Finishes the request (in-progress → completed), keeping the note as its resolution; staff or system only.
    @discardableResult
    public func complete(
        reference: String, actor: RequestActor, note: String = "", staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        try perform(.complete, reference: reference, actor: actor, note: .typed(note), staff: staff)
    }

    /// Finishes the request with a resolution of the program's own (what was carried out, then any note).
    func complete(
        reference: String, actor: RequestActor, resolution: StoredText, staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        try perform(.complete, reference: reference, actor: actor, note: resolution, staff: staff)
    }

    /// Completes the request and runs `work` in the same transaction, just before the status changes, so the
    /// change `work` makes and the completion are stored together or not at all.
    func complete(
        reference: String, actor: RequestActor, note: StoredText, staff: StaffAccess? = nil,
        applying work: (Database, RightsRequest) throws -> Void
    ) throws -> RightsRequest {
        try perform(.complete, reference: reference, actor: actor, note: note, staff: staff, work: work)
    }

    /// Refuses the request from any open status; the reason is required and kept as its resolution, followed
    /// by the reminder that the subscriber may complain to a data-protection authority.
    @discardableResult
    public func deny(
        reference: String, actor: RequestActor, reason: String, staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        try perform(.deny, reference: reference, actor: actor, note: .typed(reason), staff: staff)
    }

    /// Refuses the request with a reason of the program's own (a correction that could not be applied).
    @discardableResult
    func deny(
        reference: String, actor: RequestActor, reason: StoredText, staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        try perform(.deny, reference: reference, actor: actor, note: reason, staff: staff)
    }

    /// Withdraws the request from any open status; only the subscriber may cancel.
    @discardableResult
    public func cancel(reference: String, actor: RequestActor = .subscriber, note: String = "") throws -> RightsRequest
    {
        try perform(.cancel, reference: reference, actor: actor, note: .typed(note))
    }

    /// Moves the due date of an open request later, once, within the policy's maximum extension; needs a reason.
    @discardableResult
    public func extend(
        reference: String, to newDue: Date, reason: String, actor: RequestActor, staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        try perform(.extend, reference: reference, actor: actor, note: .typed(reason), staff: staff, extendTo: newDue)
    }

    /// Extends the request to the end of `day` (UTC), the form a person gives a new due date in; when that
    /// day is the latest the policy allows, to the latest allowed instant on it.
    @discardableResult
    public func extend(
        reference: String, untilEndOf day: Date, reason: String, actor: RequestActor, staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        let request = try require(reference: reference)
        let latest = deadlines(for: request).latestExtension
        let start = UTCCalendar.calendar.startOfDay(for: day)
        var due = start.addingTimeInterval(86_399)
        if due > latest, start.dayUTC == latest.dayUTC { due = latest }
        return try extend(reference: request.reference, to: due, reason: reason, actor: actor, staff: staff)
    }

    /// Checks, changing nothing, that `staff` may take `action` on the request (their permission and the second
    /// pair of eyes), so work that cannot be undone, such as deleting data, never starts for a refused step.
    public func authorise(_ action: RequestAction, reference: String, staff: StaffAccess?) throws {
        guard let staff else { return }
        let request = try require(reference: reference)
        try context.store.read { db in try StaffRequestRules.check(action, on: request, by: staff.staff, db) }
    }

    /// Checks and applies one step in a single transaction: status columns, the event row and the audit entry.
    private func perform(
        _ action: RequestAction, reference: String, actor: RequestActor, note: StoredText,
        staff: StaffAccess? = nil, extendTo: Date? = nil, work: (Database, RightsRequest) throws -> Void = { _, _ in }
    ) throws -> RightsRequest {
        guard let canonical = ReferenceNumber.normalise(reference) else { throw RequestError.notFound(reference) }
        let actor = staff == nil ? actor : .support
        guard action.permits(actor) else { throw RequestError.notPermitted(action, actor: actor) }
        return try context.store.write { db in
            guard let request = try fetch(db, reference: canonical) else { throw RequestError.notFound(reference) }
            if let staff { try StaffRequestRules.check(action, on: request, by: staff.staff, db) }
            let from = request.status
            guard from.allows(action) else {
                guard let target = action.targetStatus else {
                    throw RequestError.notOpen(reference: request.reference, status: from)
                }
                throw RequestError.illegalTransition(reference: request.reference, from: from, to: target)
            }
            let to = action.targetStatus ?? from
            var text = try RequestValidation.text(note, name: action == .deny || action == .extend ? "reason" : "note")
            let now = Date(epochSeconds: context.now.epochSeconds)
            var extendedDue: Date?
            var reason = ""
            switch action {
            case .deny:
                guard !text.isEmpty else { throw RequestError.denialReasonRequired }
                reason = text.typedTexts.joined(separator: " ")
                text = text + ComplaintNotice.text
            case .extend:
                guard !text.isEmpty else { throw RequestError.extensionReasonRequired }
                let newDue = try checkExtension(request, to: extendTo ?? request.currentDueAt)
                extendedDue = newDue
                text = RequestEvent.extensionNote(newDue: newDue, reason: text.typedTexts.joined(separator: " "))
            default:
                break
            }
            try work(db, request)
            try db.execute(
                sql: """
                    UPDATE rights_request
                    SET status = ?,
                        acknowledgedAt = COALESCE(acknowledgedAt, ?),
                        closedAt = COALESCE(closedAt, ?),
                        resolution = COALESCE(?, resolution),
                        extendedDueAt = COALESCE(?, extendedDueAt)
                    WHERE id = ? AND status = ?
                    """,
                arguments: [
                    to.rawValue,
                    to == .acknowledged ? now.epochSeconds : nil,
                    to.isClosed ? now.epochSeconds : nil,
                    (action == .complete || action == .deny) && !text.isEmpty ? text.storedForm : nil,
                    extendedDue?.epochSeconds,
                    request.id, from.rawValue,
                ])
            guard db.changesCount == 1 else {
                throw RequestError.illegalTransition(reference: request.reference, from: from, to: to)
            }
            try appendEvent(
                db, requestId: request.id, at: now, from: from, to: to, actor: actor, note: text,
                staffId: staff?.staff.id)
            try Self.queueMail(db, action, request, at: now, due: extendedDue, reason: reason)
            let change =
                action == .extend ? "due \(extendedDue?.iso8601UTC ?? "")" : "\(from.rawValue) -> \(to.rawValue)"
            try AuditLog.append(
                db, at: now, accountId: request.accountId, actor: actor.rawValue, action: action.auditName,
                detail: "\(request.reference) \(change)", staff: staff?.citing(request.reference))
            return try fetch(db, reference: request.reference).orThrow(RequestError.notFound(reference))
        }
    }

    /// Returns the new due date (whole seconds) when it is allowed for `request`, or throws the rule it breaks.
    private func checkExtension(_ request: RightsRequest, to newDue: Date) throws(RequestError) -> Date {
        if let extendedDueAt = request.extendedDueAt {
            throw .alreadyExtended(reference: request.reference, until: extendedDueAt)
        }
        let newDue = Date(epochSeconds: newDue.epochSeconds)
        guard newDue > request.currentDueAt else { throw .extensionNotLater(currentDue: request.currentDueAt) }
        let today = Date(epochSeconds: context.now.epochSeconds)
        guard newDue.dayUTC > today.dayUTC else { throw .extensionNotAfterToday(today: today) }
        let latest = deadlines(for: request).latestExtension
        guard newDue <= latest else { throw .extensionTooLong(latest: latest) }
        return newDue
    }

    // MARK: Deadlines for screens

    /// The deadlines that apply to a request, from its filing instant and the catalogue in force.
    public func deadlines(for request: RightsRequest) -> RequestDeadlines {
        RequestDeadlines(filedAt: request.filedAt, deadlines: context.catalogue.deadlines)
    }

    /// Whole days until the request's current due date from the context's clock (negative = overdue).
    public func daysLeft(_ request: RightsRequest) -> Int { request.daysLeft(at: context.now) }

    /// Whether the request is open and past its current due date by the context's clock.
    public func isOverdue(_ request: RightsRequest) -> Bool { request.isOverdue(at: context.now) }

    /// Whether receipt is still unconfirmed past the receipt deadline by the context's clock.
    public func isReceiptOverdue(_ request: RightsRequest) -> Bool { request.isReceiptOverdue(at: context.now) }

    // MARK: Rows

    private static let openStatusList = RequestStatus.open.map { "'\($0.rawValue)'" }.joined(separator: ", ")

    private func fetch(_ db: Database, reference: String) throws -> RightsRequest? {
        try RightsRequest.fetchOne(db, sql: "SELECT * FROM rights_request WHERE reference = ?", arguments: [reference])
    }

    /// Records a step taken after a request closed (a restriction lifted, an objection withdrawn) on its
    /// timeline, inside the caller's transaction; the status stays as it is.
    static func appendFollowUp(
        _ db: Database, reference: String, at: Date, actor: RequestActor, note: StoredText
    ) throws {
        guard
            let request = try RightsRequest.fetchOne(
                db, sql: "SELECT * FROM rights_request WHERE reference = ?", arguments: [reference])
        else { throw RequestError.notFound(reference) }
        guard request.status.isClosed else {
            throw RequestError.illegalTransition(reference: reference, from: request.status, to: request.status)
        }
        try db.execute(
            sql: """
                INSERT INTO request_event (requestId, sequence, at, fromStatus, toStatus, actor, note)
                VALUES (?, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM request_event WHERE requestId = ?), ?, ?, ?, ?, ?)
                """,
            arguments: [
                request.id, request.id, at.epochSeconds, request.status.rawValue, request.status.rawValue,
                actor.rawValue, note.storedForm,
            ])
    }

    private func appendEvent(
        _ db: Database, requestId: Int64, at: Date, from: RequestStatus?, to: RequestStatus, actor: RequestActor,
        note: StoredText, staffId: Int64?
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO request_event (requestId, sequence, at, fromStatus, toStatus, actor, note, staffId)
                VALUES (?, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM request_event WHERE requestId = ?), ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                requestId, requestId, at.epochSeconds, from?.rawValue, to.rawValue, actor.rawValue, note.storedForm,
                staffId,
            ])
    }

    /// Who filed on a subscriber's behalf and why: the ticket they gave, or else the new request itself.
    private static func filing(_ staff: StaffAccess, _ reference: String) -> StaffAccess {
        if case .ticket = staff.reason { return staff }
        return staff.citing(reference)
    }
}
