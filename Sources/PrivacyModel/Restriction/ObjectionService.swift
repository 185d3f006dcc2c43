import Foundation
import GRDB

/// Objections to processing that rests on legitimate interests or consent: they take effect at once by
/// switching the purpose's preferences off (with receipts) and are recorded as completed requests.
public struct ObjectionService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// The purposes a subscriber can object to, in catalogue order.
    public func objectablePurposes() -> [Purpose] {
        context.catalogue.purposes.filter { $0.objectable == true }
    }

    /// The switchable preferences that serve a purpose, in catalogue order: the ones an objection to it covers.
    public func preferences(for purposeId: String) -> [PreferenceDefinition] {
        context.catalogue.preferences.filter { Self.covers(purposeId, $0) }
    }

    /// Whether an objection to `purposeId` covers a preference: it serves the purpose and can be switched.
    public static func covers(_ purposeId: String, _ preference: PreferenceDefinition) -> Bool {
        preference.purpose == purposeId && !preference.isLocked
    }

    /// Objects to a purpose: its preferences are switched off at once and a completed objection request records it.
    /// Support fulfilling a subscriber's request passes `actor: .support` (and `staff`, the member of staff).
    public func object(
        accountId: Int64, purposeId: String, note: String? = nil, actor: RequestActor = .system,
        staff: StaffAccess? = nil
    ) throws -> ObjectionReceipt {
        guard let purpose = context.catalogue.purpose(purposeId) else {
            throw RestrictionError.unknownPurpose(purposeId)
        }
        guard purpose.objectable == true else { throw RestrictionError.notObjectable(purpose: purposeId) }
        let flow = SelfServiceRequest(service: RequestService(context: context))
        let request = try flow.begin(
            accountId: accountId, type: .objection, scope: .purpose(purpose.id), note: note, actor: actor, staff: staff)
        try flow.service.authorise(.complete, reference: request.reference, staff: staff)
        let preferenceService = PreferenceService(context: context)
        var receipts: [ConsentReceipt] = []
        var alreadyOff: [String] = []
        for definition in preferences(for: purpose.id) {
            if let receipt = try preferenceService.set(
                definition.id, to: false, accountId: accountId,
                actor: actor == .support || staff != nil
                    ? RequestActor.support.rawValue : RequestActor.subscriber.rawValue)
            {
                receipts.append(receipt)
            } else {
                alreadyOff.append(definition.id)
            }
        }
        let switched = receipts.map { "preference.\($0.preferenceId).name" }
        let resolution =
            StoredText.message("stored.objection.upheld", ["purpose": .catalogue(["purpose.\(purpose.id).name"])])
            + (switched.isEmpty
                ? .message("stored.objection.alreadyOff")
                : .message("stored.objection.switchedOff", ["preferences": .catalogue(switched)]))
        let completed = try flow.finish(request, resolution: resolution, actor: actor, staff: staff)
        let objectedAt = completed.closedAt ?? context.now
        try context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO objection (accountId, purposeId, objectedAt, requestReference) VALUES (?, ?, ?, ?)
                    ON CONFLICT (accountId, purposeId) DO UPDATE
                      SET objectedAt = excluded.objectedAt, requestReference = excluded.requestReference
                    """,
                arguments: [accountId, purpose.id, objectedAt.epochSeconds, completed.reference])
        }
        return ObjectionReceipt(
            reference: completed.reference, accountId: accountId, purposeId: purpose.id,
            completedAt: objectedAt, receipts: receipts, alreadyOff: alreadyOff)
    }

    /// Withdraws the account's objection to a purpose and switches `preferenceId` (one it covered) back on.
    ///
    /// The objection request's timeline records the withdrawal, the audit log names it, and switching the
    /// preference writes its consent receipt; the purpose's other preferences stay as they are.
    public func withdraw(
        accountId: Int64, purposeId: String, switchingOn preferenceId: String, actor: RequestActor = .subscriber
    ) throws -> ObjectionWithdrawal {
        let preferences = PreferenceService(context: context)
        let definition = try preferences.definition(preferenceId)
        guard Self.covers(purposeId, definition) else { throw RestrictionError.notObjecting(purpose: purposeId) }
        let now = context.now
        let objection = try context.store.write { db -> Objection in
            guard
                let objection = try Objection.fetchOne(
                    db, sql: "SELECT * FROM objection WHERE accountId = ? AND purposeId = ?",
                    arguments: [accountId, purposeId])
            else { throw RestrictionError.notObjecting(purpose: purposeId) }
            guard
                try String.fetchOne(db, sql: "SELECT status FROM account WHERE id = ?", arguments: [accountId])
                    == AccountStatus.active.rawValue
            else { throw RestrictionError.accountNotActive(accountId) }
            try db.execute(
                sql: "DELETE FROM objection WHERE accountId = ? AND purposeId = ?", arguments: [accountId, purposeId])
            try RequestService.appendFollowUp(
                db, reference: objection.requestReference, at: now, actor: actor,
                note: .message(
                    "stored.objection.withdrawn",
                    [
                        "purpose": .catalogue(["purpose.\(purposeId).name"]),
                        "preference": .catalogue(["preference.\(preferenceId).name"]),
                    ]))
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: actor.rawValue, action: "objection-withdrawn",
                detail: "\(objection.requestReference) \(purposeId)")
            return objection
        }
        let receipt = try preferences.set(preferenceId, to: true, accountId: accountId, actor: actor.rawValue)
        return ObjectionWithdrawal(
            reference: objection.requestReference, accountId: accountId, purposeId: purposeId, withdrawnAt: now,
            receipt: receipt)
    }

    /// Whether the account's objection to the purpose stands (made and not withdrawn).
    public func isObjecting(accountId: Int64, purposeId: String) throws -> Bool {
        try context.store.read { db in try Self.isObjecting(accountId: accountId, purposeId: purposeId, db) }
    }

    /// The account's standing objections, oldest first.
    public func objections(accountId: Int64) throws -> [Objection] {
        try context.store.read { db in try Self.objections(accountId: accountId, db) }
    }

    /// The standing objection that covers a preference, if any (so switching it on means withdrawing it).
    public func objection(covering preferenceId: String, accountId: Int64) throws -> Objection? {
        guard let definition = context.catalogue.preference(preferenceId) else { return nil }
        return try objections(accountId: accountId).first { Self.covers($0.purposeId, definition) }
    }

    /// Whether the objection stands, inside the caller's transaction.
    static func isObjecting(accountId: Int64, purposeId: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM objection WHERE accountId = ? AND purposeId = ?", arguments: [accountId, purposeId])
            ?? false
    }

    /// The standing objections, inside the caller's transaction.
    static func objections(accountId: Int64, _ db: Database) throws -> [Objection] {
        try Objection.fetchAll(
            db, sql: "SELECT * FROM objection WHERE accountId = ? ORDER BY objectedAt, id", arguments: [accountId])
    }
}
