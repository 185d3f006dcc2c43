import Foundation
import GRDB

/// Restricts and lifts restrictions on a category of an account's data; every writer of personal data asks
/// `ProcessingGate` (which reads the restrictions) before it records anything.
public struct RestrictionService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Restricts a category at once and records it as a completed restriction request.
    @discardableResult
    /// Support fulfilling a subscriber's request passes `actor: .support` (and `staff`, the member of staff).
    public func restrict(
        accountId: Int64, categoryId: String, reason: String = "", actor: RequestActor = .system,
        staff: StaffAccess? = nil
    ) throws -> Restriction {
        let category = try restrictableCategory(categoryId)
        let reason = try RequestValidation.text(reason, name: "reason")
        try requireRestrictable(accountId: accountId, categoryId: category.id)
        let flow = SelfServiceRequest(service: RequestService(context: context))
        let request = try flow.begin(
            accountId: accountId, type: .restriction, scope: .category(category.id),
            note: reason.isEmpty ? nil : reason, actor: actor, staff: staff)
        try flow.service.authorise(.complete, reference: request.reference, staff: staff)
        let now = context.now
        try context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO restriction (accountId, categoryId, restrictedAt, reason, requestReference)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT (accountId, categoryId) DO NOTHING
                    """,
                arguments: [accountId, category.id, now.epochSeconds, reason, request.reference])
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: actor.rawValue, action: "category-restricted",
                detail: "\(request.reference) \(category.id)", staff: staff?.citing(request.reference))
        }
        _ = try flow.finish(
            request,
            resolution: .message("stored.restriction.done", ["category": .catalogue(["category.\(category.id).name"])]),
            actor: actor, staff: staff)
        return try context.store.read { db in
            try Restriction.fetchOne(
                db, sql: "SELECT * FROM restriction WHERE accountId = ? AND categoryId = ?",
                arguments: [accountId, category.id]
            ).orThrow(RestrictionError.notRestricted(category: category.id))
        }
    }

    /// Throws unless the account can restrict the category now: the catalogue allows it, the account is
    /// active and the category is not restricted already (the wizard asks before the password step).
    public func requireRestrictable(accountId: Int64, categoryId: String) throws {
        let category = try restrictableCategory(categoryId)
        try context.store.read { db in
            try requireActive(accountId, db)
            if try Self.isRestricted(accountId: accountId, categoryId: category.id, db) {
                throw RestrictionError.alreadyRestricted(category: category.id)
            }
        }
    }

    /// Lifts a restriction: the category's data is used again as the policy describes. The restriction
    /// request's timeline records the lift and the audit log names it; the subscriber confirms their password
    /// first (the screens do, as for any sensitive step).
    @discardableResult
    public func lift(accountId: Int64, categoryId: String, actor: RequestActor = .subscriber) throws -> RestrictionLift
    {
        let category = try restrictableCategory(categoryId)
        let now = context.now
        return try context.store.write { db in
            try requireActive(accountId, db)
            guard
                let restriction = try Restriction.fetchOne(
                    db, sql: "SELECT * FROM restriction WHERE accountId = ? AND categoryId = ?",
                    arguments: [accountId, category.id])
            else { throw RestrictionError.notRestricted(category: category.id) }
            try db.execute(
                sql: "DELETE FROM restriction WHERE accountId = ? AND categoryId = ?",
                arguments: [accountId, category.id])
            if let reference = restriction.requestReference {
                try RequestService.appendFollowUp(
                    db, reference: reference, at: now, actor: actor,
                    note: .message(
                        "stored.restriction.lifted", ["category": .catalogue(["category.\(category.id).name"])]))
            }
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: actor.rawValue, action: "restriction-lifted",
                detail: [restriction.requestReference, category.id].compactMap { $0 }.joined(separator: " "))
            return RestrictionLift(
                reference: restriction.requestReference, accountId: accountId, categoryId: category.id, liftedAt: now)
        }
    }

    /// The account's restriction of a category, if it has one.
    public func restriction(accountId: Int64, categoryId: String) throws -> Restriction? {
        try context.store.read { db in
            try Restriction.fetchOne(
                db, sql: "SELECT * FROM restriction WHERE accountId = ? AND categoryId = ?",
                arguments: [accountId, categoryId])
        }
    }

    /// Whether the account has restricted the category.
    public func isRestricted(accountId: Int64, categoryId: String) throws -> Bool {
        try context.store.read { db in try Self.isRestricted(accountId: accountId, categoryId: categoryId, db) }
    }

    /// The account's restrictions, oldest first.
    public func restrictedCategories(accountId: Int64) throws -> [Restriction] {
        try context.store.read { db in
            try Restriction.fetchAll(
                db, sql: "SELECT * FROM restriction WHERE accountId = ? ORDER BY restrictedAt, id",
                arguments: [accountId])
        }
    }

    /// Whether the category is restricted, inside the caller's transaction.
    static func isRestricted(accountId: Int64, categoryId: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db, sql: "SELECT 1 FROM restriction WHERE accountId = ? AND categoryId = ?",
            arguments: [accountId, categoryId]) ?? false
    }

    private func restrictableCategory(_ id: String) throws(RestrictionError) -> DataCategory {
        guard let category = context.catalogue.category(id) else { throw .unknownCategory(id) }
        guard category.rights.contains(RightKind.restriction.rawValue) else { throw .notRestrictable(category: id) }
        return category
    }

    private func requireActive(_ accountId: Int64, _ db: Database) throws {
        guard
            let status = try String.fetchOne(db, sql: "SELECT status FROM account WHERE id = ?", arguments: [accountId])
        else { throw RestrictionError.accountNotFound(accountId) }
        guard status == AccountStatus.active.rawValue else { throw RestrictionError.accountNotActive(accountId) }
    }
}
