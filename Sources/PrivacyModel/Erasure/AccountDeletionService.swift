public import Foundation
import GRDB

/// Closes an account on the subscriber's request and purges its data after the catalogue's delay;
/// the one place the account-deletion promise (access ends at once, data gone within 30 days) is kept.
public struct AccountDeletionService: Sendable {
    /// The shared context.
    public let context: PrivacyContext
    /// Rows deleted per transaction during a purge.
    public let batchSize: Int

    /// Binds the service to a context.
    public init(context: PrivacyContext, batchSize: Int = ErasureService.defaultBatchSize) {
        self.context = context
        self.batchSize = max(1, batchSize)
    }

    /// A dry run: what deleting the account would purge and keep, and on which date.
    public func dryRun(accountId: Int64) throws -> AccountDeletionPlan {
        let now = context.now
        let catalogue = context.catalogue
        return try context.store.read { db in
            let account = try requireAccount(accountId, db)
            if account.status == .purged { throw AccountDeletionError.alreadyPurged(accountId) }
            var sets: [RecordSetDisposition] = []
            for category in catalogue.categories {
                for set in category.recordSets {
                    sets.append(try DispositionReader.disposition(of: set, in: category, accountId: accountId, db))
                }
            }
            let receipts =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM consent_receipt WHERE accountId = ?", arguments: [accountId])
                ?? 0
            let requests =
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM rights_request WHERE accountId = ?", arguments: [accountId])
                ?? 0
            let pending = account.status == .deletionPending
            return AccountDeletionPlan(
                accountId: accountId,
                purgeDueAt: pending ? (account.purgeDueDate ?? now) : purgeDate(requestedAt: now),
                purgeDays: catalogue.deadlines.accountPurgeDays, alreadyRequested: pending, sets: sets,
                receiptCount: receipts, requestCount: requests)
        }
    }

    /// Closes the account after checking the password: access ends at once, a deletion request is filed
    /// (the program carries it out) and the purge falls due after the catalogue's delay.
    ///
    /// A wrong password changes nothing but the failed-attempt count that locks the account after
    /// repeated failures, exactly as a failed sign-in does.
    public func requestDeletion(accountId: Int64, password: String) throws -> AccountDeletionReceipt {
        let account = try context.store.read { db in try requireAccount(accountId, db) }
        switch account.status {
        case .purged: throw AccountDeletionError.alreadyPurged(accountId)
        case .deletionPending:
            throw AccountDeletionError.alreadyRequested(purgeOn: account.purgeDueDate ?? context.now)
        case .active: break
        }
        switch try PasswordConfirmation(context: context).check(
            password, for: account, refusedAction: "account-deletion-refused")
        {
        case .confirmed: break
        case .wrong: throw AccountDeletionError.wrongPassword
        case .locked(let until): throw AccountDeletionError.locked(until: until)
        }
        let flow = SelfServiceRequest(service: RequestService(context: context))
        let request = try flow.begin(accountId: accountId, type: .deletion, scope: .account)
        return try close(accountId: accountId, request: request, actor: .system, note: nil)
    }

    /// Support carries out an account-deletion request whose requester they verified: the request must be
    /// in progress; the account is closed as `requestDeletion` would and the request completed.
    /// `staff` names the member of staff, who must be an approver other than whoever filed or started it.
    public func closeAccount(
        reference: String, actor: RequestActor = .support, note: String? = nil, staff: StaffAccess? = nil
    ) throws -> AccountDeletionReceipt {
        let service = RequestService(context: context)
        let request = try service.require(reference: reference)
        guard request.type == .deletion, request.scope.kind == .account else {
            throw AccountDeletionError.notAnAccountDeletion(reference: request.reference)
        }
        guard request.status == .inProgress else {
            throw RequestError.illegalTransition(reference: request.reference, from: request.status, to: .completed)
        }
        try service.authorise(.complete, reference: request.reference, staff: staff)
        return try close(accountId: request.accountId, request: request, actor: actor, note: note, staff: staff)
    }

    /// Ends access at once, sets the purge date, audits it and completes the request with what happens next.
    private func close(
        accountId: Int64, request: RightsRequest, actor: RequestActor, note: String?, staff: StaffAccess? = nil
    ) throws -> AccountDeletionReceipt {
        let now = Date(epochSeconds: context.now.epochSeconds)
        let purgeDue = purgeDate(requestedAt: now)
        try context.store.write { db in
            try db.execute(
                sql: """
                    UPDATE account SET status = 'deletion-pending', deletionRequestedAt = ?, purgeDueAt = ?
                    WHERE id = ? AND status = 'active'
                    """,
                arguments: [now.epochSeconds, purgeDue.epochSeconds, accountId])
            guard db.changesCount == 1 else { throw AccountDeletionError.alreadyRequested(purgeOn: purgeDue) }
            try Outbox.enqueue(
                db, at: now, accountId: accountId, kind: .accountDeletionConfirmed,
                params: ["reference": request.reference, "purgeDue": purgeDue.dayUTC], requestId: request.id)
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: actor.rawValue,
                action: "account-deletion-requested", detail: "\(request.reference) purge due \(purgeDue.iso8601UTC)",
                staff: staff?.citing(request.reference))
        }
        let plan = try dryRun(accountId: accountId)
        var resolution = StoredText.message("stored.account.closed", ["date": .day(now), "purge": .day(purgeDue)])
        for set in plan.sets where set.keepCount > 0 {
            let name: MessageValue = .catalogue(["recordSet.\(set.recordSetId).name"])
            resolution =
                resolution
                + (set.keptUntilLatest.map {
                    .message("stored.keptUntil", ["count": .number(set.keepCount), "set": name, "date": .day($0)])
                } ?? .message("stored.kept", ["count": .number(set.keepCount), "set": name]))
        }
        resolution = resolution + .typed(note)
        let flow = SelfServiceRequest(service: RequestService(context: context))
        let completed = try flow.finish(request, resolution: resolution, actor: actor, staff: staff)
        return AccountDeletionReceipt(
            reference: completed.reference, accountId: accountId, requestedAt: now, purgeDueAt: purgeDue, plan: plan)
    }

    /// Purges an account whose purge date has passed (by the context's clock); refuses earlier.
    @discardableResult
    public func purge(accountId: Int64) throws -> AccountPurgeResult {
        let now = context.now
        let account = try context.store.read { db in try requireAccount(accountId, db) }
        guard account.status == .deletionPending, let due = account.purgeDueDate else {
            if account.status == .purged { throw AccountDeletionError.alreadyPurged(accountId) }
            throw AccountDeletionError.notPendingDeletion(accountId)
        }
        guard due <= now else { throw AccountDeletionError.purgeNotDue(purgeOn: due) }
        return try performPurge(accountId: accountId, purgeDueAt: due)
    }

    /// The accounts awaiting deletion whose purge date is at or before `instant`, oldest due first.
    public func duePurges(asOf instant: Date) throws -> [(accountId: Int64, purgeDueAt: Date)] {
        try context.store.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT id, purgeDueAt FROM account
                    WHERE status = 'deletion-pending' AND purgeDueAt <= ? ORDER BY purgeDueAt, id
                    """,
                arguments: [instant.epochSeconds]
            ).map { (accountId: $0[0], purgeDueAt: Date(epochSeconds: $0[1])) }
        }
    }

    /// Deletes everything no hold keeps, then in one transaction marks the account purged, clears its
    /// chain head, scrubs its personal fields and removes its receipts, requests and their events.
    ///
    /// Bulk record sets go first in small batches while the account is still "deletion-pending", so an
    /// interrupted purge is simply done again by the next retention run.
    func performPurge(accountId: Int64, purgeDueAt: Date) throws -> AccountPurgeResult {
        let deleter = BatchDeleter(store: context.store, batchSize: batchSize)
        var deleted = 0
        for category in context.catalogue.categories {
            for set in category.recordSets where set.retention.legalHold == nil {
                guard let table = RecordSetTable.named(set.id), table.table != "account" else { continue }
                deleted += try deleter.delete(table, where: table.unheldCondition, arguments: [accountId])
            }
        }
        let now = context.now
        let catalogue = context.catalogue
        return try context.store.write { db in
            guard
                let status = try String.fetchOne(
                    db, sql: "SELECT status FROM account WHERE id = ?", arguments: [accountId]),
                status == AccountStatus.deletionPending.rawValue
            else { throw AccountDeletionError.notPendingDeletion(accountId) }
            var kept = 0
            for category in catalogue.categories {
                for set in category.recordSets {
                    guard let table = RecordSetTable.named(set.id), table.table != "account" else { continue }
                    kept += try BatchDeleter.count(table, where: table.ownerCondition, arguments: [accountId], db)
                }
            }
            for table in ["preference", "sign_in_failure", "restriction", "objection"] {
                try db.execute(sql: "DELETE FROM \(table) WHERE accountId = ?", arguments: [accountId])
                deleted += db.changesCount
            }
            // The address is captured before it is scrubbed: the purge confirmation is the last mail it gets.
            let address = try Row.fetchOne(
                db, sql: "SELECT email, language FROM account WHERE id = ?", arguments: [accountId])
            // The status must say 'purged' first: only then do the append-only triggers allow the deletes below.
            let tombstone = "purged#\(accountId)"
            try db.execute(
                sql: """
                    UPDATE account SET status = 'purged', purgedAt = ?, consentHeadHash = NULL,
                      email = ?, emailKey = ?, username = ?, passwordHash = '', birthdate = '', lastSignInAt = NULL
                    WHERE id = ?
                    """,
                arguments: [now.epochSeconds, tombstone, tombstone, tombstone, accountId])
            try db.execute(sql: "DELETE FROM consent_receipt WHERE accountId = ?", arguments: [accountId])
            deleted += db.changesCount
            // Events before requests: rights_request has no ON DELETE CASCADE.
            try db.execute(
                sql: "DELETE FROM request_event WHERE requestId IN (SELECT id FROM rights_request WHERE accountId = ?)",
                arguments: [accountId])
            deleted += db.changesCount
            try db.execute(sql: "DELETE FROM rights_request WHERE accountId = ?", arguments: [accountId])
            deleted += db.changesCount
            if let address, let email = address["email"] as String?, !email.isEmpty {
                try Outbox.enqueue(
                    db, at: now, recipient: email, language: address["language"] ?? "en", accountId: accountId,
                    kind: .accountPurged, params: ["purged": now.dayUTC])
            }
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: RequestActor.system.rawValue, action: "account-purged",
                detail: "\(deleted) records deleted; \(kept) kept under legal or security holds")
            return AccountPurgeResult(
                accountId: accountId, purgeDueAt: purgeDueAt, purgedAt: now, deletedCount: deleted, keptCount: kept)
        }
    }

    /// The purge date for a deletion requested at `instant`: the catalogue's delay in UTC calendar days.
    public func purgeDate(requestedAt instant: Date) -> Date {
        let days = context.catalogue.deadlines.accountPurgeDays
        return UTCCalendar.calendar.date(byAdding: .day, value: days, to: instant)
            ?? instant.addingTimeInterval(TimeInterval(days) * 86_400)
    }

    private func requireAccount(_ accountId: Int64, _ db: Database) throws -> Account {
        guard let account = try Account.fetchOne(db, key: accountId) else {
            throw AccountDeletionError.accountNotFound(accountId)
        }
        return account
    }
}
