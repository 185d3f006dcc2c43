import Foundation
import GRDB

/// Erases one category of an account's data on request, keeping only what a legal or security hold
/// keeps; the one place the catalogue's erasure limits are applied.
public struct ErasureService: Sendable {
    /// The shared context.
    public let context: PrivacyContext
    /// Rows deleted per transaction, so other sessions are never blocked for long.
    public let batchSize: Int

    /// The batch size the product uses.
    public static let defaultBatchSize = 5_000

    /// Binds the service to a context.
    public init(context: PrivacyContext, batchSize: Int = ErasureService.defaultBatchSize) {
        self.context = context
        self.batchSize = max(1, batchSize)
    }

    /// A dry run: what erasing `categoryId` would delete and keep, without changing anything.
    public func plan(accountId: Int64, categoryId: String) throws -> ErasurePlan {
        let category = try erasableCategory(categoryId)
        let now = context.now
        return try context.store.read { db in
            try requireActive(accountId, db)
            let sets = try category.recordSets.map {
                try DispositionReader.disposition(of: $0, in: category, accountId: accountId, db)
            }
            return ErasurePlan(
                accountId: accountId, categoryId: category.id, categoryName: category.name, plannedAt: now,
                sets: sets)
        }
    }

    /// Erases the category: files a deletion request (the program carries it out, actor `.system`, after the
    /// subscriber's identity was checked by signing in), deletes in small batches and completes the request.
    ///
    /// Safe to call again after an interruption: it resumes the open request and deletes what is left.
    /// Support fulfilling a subscriber's request passes `actor: .support` and may add a `note`; `staff` names the
    /// member of staff, who must be an approver other than whoever filed or started it (checked before deleting).
    public func erase(
        accountId: Int64, categoryId: String, actor: RequestActor = .system, note: String? = nil,
        staff: StaffAccess? = nil
    ) throws -> ErasureReceipt {
        let category = try erasableCategory(categoryId)
        let before = try plan(accountId: accountId, categoryId: categoryId)
        let flow = SelfServiceRequest(service: RequestService(context: context))
        let request = try flow.begin(
            accountId: accountId, type: .deletion, scope: .category(category.id), actor: actor, staff: staff)
        try flow.service.authorise(.complete, reference: request.reference, staff: staff)
        let deleter = BatchDeleter(store: context.store, batchSize: batchSize)
        var deleted: [String: Int] = [:]
        for set in category.recordSets where set.retention.legalHold == nil {
            guard let table = RecordSetTable.named(set.id) else { continue }
            deleted[set.id] = try deleter.delete(table, where: table.unheldCondition, arguments: [accountId])
        }
        let after = try context.store.read { db in
            try category.recordSets.map {
                try DispositionReader.disposition(of: $0, in: category, accountId: accountId, db)
            }
        }
        let outcome = zip(before.sets, after).map { planned, remaining in
            RecordSetDisposition(
                recordSetId: planned.recordSetId, name: planned.name, categoryId: planned.categoryId,
                deleteCount: deleted[planned.recordSetId] ?? 0, keepCount: remaining.keepCount + remaining.deleteCount,
                keepReason: remaining.keepReason, keepBasis: remaining.keepBasis,
                keptUntilEarliest: remaining.keptUntilEarliest, keptUntilLatest: remaining.keptUntilLatest)
        }
        let resolution = Self.completionNote(category: category, outcome: outcome) + .typed(note)
        let now = context.now
        try context.store.write { db in
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: actor.rawValue, action: "category-erased",
                detail: "\(request.reference) \(category.id): \(outcome.reduce(0) { $0 + $1.deleteCount }) deleted",
                staff: staff?.citing(request.reference))
        }
        let completed = try flow.finish(request, resolution: resolution, actor: actor, staff: staff)
        return ErasureReceipt(
            reference: completed.reference, accountId: accountId, categoryId: category.id,
            completedAt: completed.closedAt ?? now, sets: outcome)
    }

    /// The resolution of a completed erasure: the count deleted, then what was kept and until when.
    static func completionNote(category: DataCategory, outcome: [RecordSetDisposition]) -> StoredText {
        let deleted = outcome.reduce(0) { $0 + $1.deleteCount }
        var messages = [
            UserFacingMessage(
                "stored.erasure.erased",
                ["count": .number(deleted), "category": .catalogue(["category.\(category.id).name"])])
        ]
        for set in outcome where set.keepCount > 0 {
            let name: MessageValue = .catalogue(["recordSet.\(set.recordSetId).name"])
            if let until = set.keptUntilLatest {
                messages.append(
                    UserFacingMessage(
                        "stored.keptUntil", ["count": .number(set.keepCount), "set": name, "date": .day(until)]))
            } else {
                messages.append(UserFacingMessage("stored.kept", ["count": .number(set.keepCount), "set": name]))
            }
        }
        return StoredText(messages)
    }

    /// The category, when the catalogue lets a subscriber erase it.
    private func erasableCategory(_ id: String) throws(ErasureError) -> DataCategory {
        guard let category = context.catalogue.category(id) else { throw .unknownCategory(id) }
        guard category.rights.contains(RightKind.deletion.rawValue) else { throw .notErasable(category: id) }
        if RightScopes.holdsAccount(category) {
            throw .useAccountDeletion
        }
        return category
    }

    private func requireActive(_ accountId: Int64, _ db: Database) throws {
        guard
            let status = try String.fetchOne(db, sql: "SELECT status FROM account WHERE id = ?", arguments: [accountId])
        else { throw ErasureError.accountNotFound(accountId) }
        guard status == AccountStatus.active.rawValue else { throw ErasureError.accountNotActive(accountId) }
    }
}
