public import Foundation
import GRDB

/// Published policy versions: approvers publish a new version from a file, the version in force on a day is
/// the newest whose effective date has come (the built-in catalogue when none has), and subscribers
/// acknowledge each version.
public struct PolicyVersionService: Sendable {
    /// The audit action written when a version is published (detail: the version).
    public static let publishedAction = "policy-published"
    /// The audit action written when a subscriber acknowledges a version (detail: the version).
    public static let acknowledgedAction = "policy-acknowledged"

    /// The shared context (its catalogue is not used for versions: the built-in one is the base).
    public let context: PrivacyContext
    /// The first version, shipped with the program.
    public let builtIn: PolicyCatalogue

    /// Binds the service to a context, with the shipped catalogue as the first version.
    public init(context: PrivacyContext, builtIn: PolicyCatalogue? = nil) {
        self.context = context
        self.builtIn = builtIn ?? (try? CatalogueLoader.bundled()) ?? context.catalogue
    }

    /// Publishes a version after checking the file with the catalogue loader, the effective-date rules and that
    /// the version is newer than every other; queues one `policy-change` mail per active account, audited,
    /// all in one transaction. Returns how many mails were queued.
    @discardableResult
    public func publish(_ draft: PolicyVersionDraft, staff: StaffAccess) throws -> Int {
        let catalogue: PolicyCatalogue
        do { catalogue = try CatalogueLoader.decode(draft.policy) } catch {
            throw PolicyVersionError.invalidFile(reason: error.description)
        }
        guard let effective = UTCCalendar.day(draft.effectiveDate) else {
            throw PolicyVersionError.badDay(draft.effectiveDate)
        }
        guard catalogue.effectiveDate == draft.effectiveDate else {
            throw PolicyVersionError.effectiveDateMismatch(file: catalogue.effectiveDate, given: draft.effectiveDate)
        }
        let english = draft.summary["en"]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard !english.isEmpty else { throw PolicyVersionError.noSummary }
        let now = context.now
        let today = UTCCalendar.day(now.dayUTC) ?? now
        try PolicyVersionRules.checkEffective(
            effective, material: draft.material, today: today,
            noticeDays: builtIn.deadlines.policyChangeNoticeDays)
        let summary = try JSONEncoder.sortedKeys.encode(draft.summary)
        let texts = try JSONEncoder.sortedKeys.encode(draft.texts)
        return try context.store.write { db in
            try StaffAccessGuard.check(staff, .publishPolicy, accountId: nil, db)
            let newest = try Self.published(db).last?.version ?? builtIn.version
            guard PolicyVersionRules.isNewer(catalogue.version, than: newest) else {
                throw PolicyVersionError.notNewer(version: catalogue.version, newest: newest)
            }
            try db.execute(
                sql: """
                    INSERT INTO policy_version (version, effectiveDate, publishedAt, publishedBy, material, summary,
                                                policy, texts)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    catalogue.version, draft.effectiveDate, now.epochSeconds, staff.staff.id, draft.material,
                    String(decoding: summary, as: UTF8.self), String(decoding: draft.policy, as: UTF8.self),
                    String(decoding: texts, as: UTF8.self),
                ])
            let accounts = try Int64.fetchAll(db, sql: "SELECT id FROM account WHERE status = 'active' ORDER BY id")
            var queued = 0
            var params = [
                "version": catalogue.version, "effectiveDate": draft.effectiveDate,
                "material": draft.material ? "true" : "false",
            ]
            for (language, text) in draft.summary { params["summary.\(language)"] = text }
            for accountId in accounts {
                let id = try Outbox.enqueue(
                    db, at: now, accountId: accountId, kind: .policyChange, params: params,
                    policyVersion: catalogue.version)
                if id != nil { queued += 1 }
            }
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: Self.publishedAction,
                detail: catalogue.version, staff: staff)
            return queued
        }
    }

    /// Every version, oldest first: the built-in one, then each published one, with revision dates.
    public func history() throws -> [PolicyVersion] {
        let first = PolicyVersion(
            version: builtIn.version, effectiveDate: builtIn.effectiveDate, publishedAt: nil, material: false,
            summary: [:])
        return [first] + (try context.store.read { db in try Self.published(db) })
    }

    /// The version in force on `day`: the newest published one whose effective date has come, else the built-in.
    public func versionInForce(on day: Date) throws -> PolicyVersion {
        let history = try history()
        return Self.inForce(history, on: day) ?? history[0]
    }

    /// The catalogue in force on `day` (the built-in one when no published version applies yet).
    public func catalogue(inForceOn day: Date) throws -> PolicyCatalogue {
        try Self.catalogue(store: context.store, builtIn: builtIn, day: day)
    }

    /// The catalogue version `version` (built-in or published).
    public func catalogue(version: String) throws -> PolicyCatalogue {
        if version == builtIn.version { return builtIn }
        let text = try context.store.read { db in
            try String.fetchOne(db, sql: "SELECT policy FROM policy_version WHERE version = ?", arguments: [version])
        }
        guard let text else { throw PolicyVersionError.unknownVersion(version) }
        do { return try CatalogueLoader.decode(Data(text.utf8)) } catch {
            throw PolicyVersionError.invalidFile(reason: error.description)
        }
    }

    /// Published versions the account has not acknowledged yet, oldest first (material or not).
    public func pending(accountId: Int64) throws -> [PolicyVersion] {
        try context.store.read { db in
            let acknowledged = Set(
                try String.fetchAll(
                    db, sql: "SELECT version FROM policy_acknowledgement WHERE accountId = ?", arguments: [accountId]))
            return try Self.published(db).filter { !acknowledged.contains($0.version) }
        }
    }

    /// Records that the account acknowledged `version` (the built-in one or a published one), audited: the one
    /// home of acknowledgements, per version in `policy_acknowledgement`. The account's
    /// `acknowledgedPolicyVersion` follows the newest version acknowledged. False, writing nothing, when the
    /// account had already acknowledged it.
    @discardableResult
    public func acknowledge(accountId: Int64, version: String, actor: String = "subscriber") throws -> Bool {
        let now = context.now
        let known = [builtIn.version, context.catalogue.version]
        return try context.store.write { db in
            let published = try Bool.fetchOne(
                db, sql: "SELECT 1 FROM policy_version WHERE version = ?", arguments: [version])
            guard known.contains(version) || published == true else {
                throw PolicyVersionError.unknownVersion(version)
            }
            guard let account = try Account.fetchOne(db, key: accountId) else {
                throw AccountError.notFound("account \(accountId)")
            }
            guard account.status == .active else { throw AccountError.notActive(account.username) }
            try db.execute(
                sql: "INSERT OR IGNORE INTO policy_acknowledgement (accountId, version, at) VALUES (?, ?, ?)",
                arguments: [accountId, version, now.epochSeconds])
            guard db.changesCount > 0 else { return false }
            // An older version acknowledged late leaves the account naming the newest one.
            if account.acknowledgedPolicyVersion.map({ PolicyVersionRules.isNewer(version, than: $0) }) ?? true {
                try db.execute(
                    sql: "UPDATE account SET acknowledgedPolicyVersion = ? WHERE id = ?",
                    arguments: [version, accountId])
            }
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: actor, action: Self.acknowledgedAction, detail: version)
            return true
        }
    }

    /// Every version the account acknowledged and when, oldest version first.
    public func acknowledgements(accountId: Int64) throws -> [PolicyAcknowledgement] {
        let rows = try context.store.read { db in
            try Row.fetchAll(
                db, sql: "SELECT version, at FROM policy_acknowledgement WHERE accountId = ?", arguments: [accountId])
        }
        return rows.map { row in
            PolicyAcknowledgement(version: row["version"], at: Date(epochSeconds: row["at"]))
        }
        .sorted { PolicyVersionRules.isNewer($1.version, than: $0.version) }
    }

    /// When the account acknowledged `version`, or nil.
    public func acknowledgedAt(accountId: Int64, version: String) throws -> Date? {
        try context.store.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT at FROM policy_acknowledgement WHERE accountId = ? AND version = ?",
                arguments: [accountId, version]
            ).map { Date(epochSeconds: $0) }
        }
    }

    /// The catalogue in force on `day` in `store`, with `builtIn` when no published version applies yet.
    public static func catalogue(store: PrivacyStore, builtIn: PolicyCatalogue, day: Date) throws -> PolicyCatalogue {
        guard let text = try inForce(.policy, store: store, day: day) else { return builtIn }
        do { return try CatalogueLoader.decode(Data(text.utf8)) } catch {
            throw PolicyVersionError.invalidFile(reason: error.description)
        }
    }

    /// A stored column of a published version.
    enum PublishedColumn: String {
        case policy, texts
    }

    /// `column` of the published version in force on `day` (the newest whose effective date has come), or nil
    /// while the built-in version applies: the one query that says which version is in force. It reads on the
    /// writer because it runs while a store is being opened (see `PrivacyStore.readOnWriter`).
    static func inForce(_ column: PublishedColumn, store: PrivacyStore, day: Date) throws -> String? {
        try store.readOnWriter { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT \(column.rawValue) FROM policy_version WHERE effectiveDate <= ?
                    ORDER BY effectiveDate DESC, id DESC LIMIT 1
                    """, arguments: [day.dayUTC])
        }
    }

    private static func inForce(_ history: [PolicyVersion], on day: Date) -> PolicyVersion? {
        let dayText = day.dayUTC
        return history.last { $0.effectiveDate <= dayText }
    }

    private static func published(_ db: Database) throws -> [PolicyVersion] {
        let rows = try Row.fetchAll(
            db, sql: "SELECT version, effectiveDate, publishedAt, material, summary FROM policy_version ORDER BY id")
        return rows.map { row in
            let summaryText: String = row["summary"]
            let summary = (try? JSONDecoder().decode([String: String].self, from: Data(summaryText.utf8))) ?? [:]
            return PolicyVersion(
                version: row["version"], effectiveDate: row["effectiveDate"],
                publishedAt: Date(epochSeconds: row["publishedAt"]), material: row["material"], summary: summary)
        }
    }
}
