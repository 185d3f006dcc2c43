public import Foundation
import GRDB

/// The breach register: approvers record a breach, publish notices to those it affects (in the dashboard and
/// by mail, in one transaction), publish updates and close it. Every step is audited with the staff member.
public struct BreachRegister: Sendable {
    /// Audit actions of the register (detail: the reference, and the version where one is published).
    public static let recordedAction = "breach-recorded"
    /// Written when notices are published (first time or update).
    public static let publishedAction = "breach-published"
    /// Written when a draft is edited before publishing.
    public static let editedAction = "breach-edited"
    /// Written when a breach is closed.
    public static let closedAction = "breach-closed"
    /// Every breach reference starts with this.
    public static let referencePrefix = "B"

    /// The shared context.
    public let context: PrivacyContext

    /// Binds the register to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Records a new breach as a draft; nobody is told until it is published.
    public func record(_ draft: BreachDraft, staff: StaffAccess) throws -> Breach {
        let now = context.now
        try BreachRules.validate(draft, catalogue: context.catalogue, now: now)
        return try context.store.write { db in
            try StaffAccessGuard.check(staff, .manageBreaches, accountId: nil, db)
            try validateList(draft.audience, db)
            let reference = try newReference(db)
            try db.execute(
                sql: """
                    INSERT INTO breach (reference, kind, details, discoveredAt, recordedAt, recordedBy, categories,
                                        audience, audienceCategory, consequences, measures, advice, contact)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: StatementArguments(
                    [
                        reference, draft.kind.rawValue, draft.details, draft.discoveredAt.epochSeconds,
                        now.epochSeconds, staff.staff.id,
                    ] + Self.columns(draft)))
            let id = db.lastInsertedRowID
            try storeList(draft.audience, breachId: id, db)
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: Self.recordedAction,
                detail: reference, staff: staff)
            return try Self.breach(id: id, db)
        }
    }

    /// Changes a breach. A draft is edited in place; a published breach becomes a new version whose notices
    /// are shown again to everyone it affects (and to anyone the change adds) and mailed again.
    @discardableResult
    public func update(reference: String, _ draft: BreachDraft, staff: StaffAccess) throws -> BreachPublication {
        let now = context.now
        try BreachRules.validate(draft, catalogue: context.catalogue, now: now)
        return try context.store.write { db in
            try StaffAccessGuard.check(staff, .manageBreaches, accountId: nil, db)
            try validateList(draft.audience, db)
            let breach = try Self.require(reference: reference, db)
            if breach.status == .closed { throw BreachError.closed(reference: breach.reference) }
            try db.execute(
                sql: """
                    UPDATE breach SET kind = ?, details = ?, discoveredAt = ?, categories = ?, audience = ?,
                           audienceCategory = ?, consequences = ?, measures = ?, advice = ?, contact = ? WHERE id = ?
                    """,
                arguments: StatementArguments(
                    [draft.kind.rawValue, draft.details, draft.discoveredAt.epochSeconds] + Self.columns(draft)
                        + [breach.id]))
            try db.execute(sql: "DELETE FROM breach_listed_account WHERE breachId = ?", arguments: [breach.id])
            try storeList(draft.audience, breachId: breach.id, db)
            guard breach.status == .published else {
                try AuditLog.append(
                    db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: Self.editedAction,
                    detail: breach.reference, staff: staff)
                return BreachPublication(breach: try Self.breach(id: breach.id, db), notified: 0, mailsQueued: 0)
            }
            return try publish(breach.id, staff: staff, at: now, db)
        }
    }

    /// Publishes a draft: one notice per affected subscriber (shown at their next sign-in until acknowledged)
    /// and one notice mail each, all in one transaction.
    @discardableResult
    public func publish(reference: String, staff: StaffAccess) throws -> BreachPublication {
        let now = context.now
        return try context.store.write { db in
            try StaffAccessGuard.check(staff, .manageBreaches, accountId: nil, db)
            let breach = try Self.require(reference: reference, db)
            switch breach.status {
            case .draft: break
            case .published: throw BreachError.alreadyPublished(reference: breach.reference)
            case .closed: throw BreachError.closed(reference: breach.reference)
            }
            return try publish(breach.id, staff: staff, at: now, db)
        }
    }

    /// Closes a published breach: the Overview alert goes, the notices stay in each subscriber's list.
    @discardableResult
    public func close(reference: String, staff: StaffAccess) throws -> Breach {
        let now = context.now
        return try context.store.write { db in
            try StaffAccessGuard.check(staff, .manageBreaches, accountId: nil, db)
            let breach = try Self.require(reference: reference, db)
            switch breach.status {
            case .draft: throw BreachError.notPublished(reference: breach.reference)
            case .closed: throw BreachError.closed(reference: breach.reference)
            case .published: break
            }
            try db.execute(
                sql: "UPDATE breach SET status = 'closed', closedAt = ? WHERE id = ?",
                arguments: [now.epochSeconds, breach.id])
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: Self.closedAction,
                detail: breach.reference, staff: staff)
            return try Self.breach(id: breach.id, db)
        }
    }

    /// How many accounts the audience names today (a dry run before publishing).
    public func affectedCount(_ audience: BreachAudience) throws -> Int {
        try context.store.read { db in
            try BreachAudienceQuery(catalogue: context.catalogue).accounts(audience, db).count
        }
    }

    /// The register, newest discovery first, with deadlines and counts (no personal data).
    public func entries(staff: StaffAccess) throws -> [BreachRegisterEntry] {
        try context.store.read { db in
            guard staff.staff.may(.viewBreaches) else {
                throw StaffError.notPermitted(role: staff.staff.role, action: .viewBreaches)
            }
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM breach ORDER BY discoveredAt DESC, id DESC")
            return try rows.compactMap { row in
                let id: Int64 = row["id"]
                guard let breach = Breach(row: row, listed: try Self.listed(id, db)) else { return nil }
                return try entry(breach, db)
            }
        }
    }

    /// One breach's register line.
    public func entry(reference: String, staff: StaffAccess) throws -> BreachRegisterEntry {
        try context.store.read { db in
            guard staff.staff.may(.viewBreaches) else {
                throw StaffError.notPermitted(role: staff.staff.role, action: .viewBreaches)
            }
            return try entry(try Self.require(reference: reference, db), db)
        }
    }

    private func entry(_ breach: Breach, _ db: Database) throws -> BreachRegisterEntry {
        let notices = try Row.fetchOne(
            db,
            sql: """
                SELECT count(*) AS notified, coalesce(sum(acknowledgedVersion >= version), 0) AS acknowledged
                FROM breach_notice WHERE breachId = ?
                """,
            arguments: [breach.id])
        let mails = try Row.fetchOne(
            db,
            sql: """
                SELECT count(*) AS queued, coalesce(sum(status = 'sent'), 0) AS sent,
                       coalesce(sum(status = 'failed'), 0) AS failed
                FROM outbox WHERE breachId = ? AND kind = ?
                """,
            arguments: [breach.id, MailKind.breachNotice.rawValue])
        return BreachRegisterEntry(
            breach: breach,
            notifyBy: BreachRules.notifyBy(discoveredAt: breach.discoveredAt, catalogue: context.catalogue),
            notified: notices?["notified"] ?? 0, mailsQueued: mails?["queued"] ?? 0, mailsSent: mails?["sent"] ?? 0,
            mailsFailed: mails?["failed"] ?? 0, acknowledged: notices?["acknowledged"] ?? 0)
    }

    /// Publishes version n+1 of the breach inside the caller's transaction.
    private func publish(_ id: Int64, staff: StaffAccess, at now: Date, _ db: Database) throws -> BreachPublication {
        let current = try Self.breach(id: id, db)
        let version = current.version + 1
        let query = BreachAudienceQuery(catalogue: context.catalogue)
        let accounts = try query.accounts(current.audience, db)
        let held = try query.holdersByCategory(db)
        let involvedSet = Set(current.categories)
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO breach_notice (breachId, accountId, version, notifiedAt, involved, notInvolved, byEmail)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (breachId, accountId) DO UPDATE SET version = excluded.version,
                  involved = excluded.involved, notInvolved = excluded.notInvolved,
                  byEmail = max(byEmail, excluded.byEmail)
                """)
        let addresses = try Self.addresses(db)
        var mails = 0
        let day = current.discoveredAt.dayUTC
        for accountId in accounts {
            let theirs = context.catalogue.categories.map(\.id).filter { held[$0]?.contains(accountId) == true }
            let involved = theirs.filter { involvedSet.contains($0) }
            let notInvolved = theirs.filter { !involvedSet.contains($0) }
            let address = addresses[accountId]
            try upsert.execute(arguments: [
                id, accountId, version, now.epochSeconds, involved.joined(separator: ","),
                notInvolved.joined(separator: ","), address != nil,
            ])
            guard let (recipient, language) = address else { continue }
            let params: [String: String] = [
                "reference": current.reference, "kind": current.kind.rawValue, "discovered": day,
                "involved": involved.joined(separator: ","), "notInvolved": notInvolved.joined(separator: ","),
                "consequences": current.consequences.map(\.rawValue).joined(separator: ","),
                "measures": current.measures.map(\.rawValue).joined(separator: ","),
                "advice": current.advice.map(\.rawValue).joined(separator: ","), "contact": current.contact,
                "details": current.details, "version": String(version),
            ]
            try Outbox.enqueue(
                db, at: now, recipient: recipient, language: language, accountId: accountId, kind: .breachNotice,
                params: params, breachId: id)
            mails += 1
        }
        try db.execute(
            sql: """
                UPDATE breach SET status = 'published', version = ?, publishedAt = coalesce(publishedAt, ?),
                       publishedBy = coalesce(publishedBy, ?), updatedAt = ? WHERE id = ?
                """,
            arguments: [version, now.epochSeconds, staff.staff.id, now.epochSeconds, id])
        try AuditLog.append(
            db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: Self.publishedAction,
            detail: "\(current.reference) v\(version) \(accounts.count)", staff: staff)
        return BreachPublication(breach: try Self.breach(id: id, db), notified: accounts.count, mailsQueued: mails)
    }

    /// Every live account's sign-in address and language.
    private static func addresses(_ db: Database) throws -> [Int64: (String, String)] {
        var result: [Int64: (String, String)] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, email, language FROM account WHERE status != 'purged'")
        while let row = try rows.next() {
            let email: String = row["email"]
            guard !email.isEmpty else { continue }
            result[row["id"]] = (email, row["language"] ?? "en")
        }
        return result
    }

    private func validateList(_ audience: BreachAudience, _ db: Database) throws {
        guard case .list(let ids) = audience else { return }
        for id in ids where try !Account.exists(db, key: id) { throw BreachError.unknownAccount("#\(id)") }
    }

    private func storeList(_ audience: BreachAudience, breachId: Int64, _ db: Database) throws {
        guard case .list(let ids) = audience else { return }
        for id in Set(ids) {
            try db.execute(
                sql: "INSERT INTO breach_listed_account (breachId, accountId) VALUES (?, ?)", arguments: [breachId, id])
        }
    }

    private func newReference(_ db: Database) throws -> String {
        while true {
            let characters = (0..<6).map { _ in
                ReferenceNumber.alphabet[context.settings.random.int(in: 0...(ReferenceNumber.alphabet.count - 1))]
            }
            let reference = "\(Self.referencePrefix)-\(String(characters))"
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM breach WHERE reference = ?", arguments: [reference]) != true {
                return reference
            }
        }
    }

    /// The columns after `recordedBy` in record's insert, and after `discoveredAt` in update's.
    private static func columns(_ draft: BreachDraft) -> [(any DatabaseValueConvertible)?] {
        let category: String?
        if case .holders(let id) = draft.audience { category = id } else { category = nil }
        return [
            draft.categories.joined(separator: ","), draft.audience.code, category,
            draft.consequences.map(\.rawValue).joined(separator: ","),
            draft.measures.map(\.rawValue).joined(separator: ","),
            draft.advice.map(\.rawValue).joined(separator: ","),
            draft.contact.trimmingCharacters(in: .whitespaces),
        ]
    }

    /// The breach with this reference (case and spaces ignored), or `BreachError.notFound`.
    static func require(reference: String, _ db: Database) throws -> Breach {
        let typed = reference.uppercased().filter { !$0.isWhitespace }
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM breach WHERE reference = ?", arguments: [typed])
        else { throw BreachError.notFound(reference: reference) }
        return try breach(id: id, db)
    }

    /// The breach with this id.
    static func breach(id: Int64, _ db: Database) throws -> Breach {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM breach WHERE id = ?", arguments: [id]),
            let breach = Breach(row: row, listed: try listed(id, db))
        else { throw BreachError.notFound(reference: "#\(id)") }
        return breach
    }

    private static func listed(_ id: Int64, _ db: Database) throws -> [Int64] {
        try Int64.fetchAll(
            db, sql: "SELECT accountId FROM breach_listed_account WHERE breachId = ? ORDER BY accountId",
            arguments: [id])
    }
}
