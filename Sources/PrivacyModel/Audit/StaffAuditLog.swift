public import Foundation
import GRDB

/// Which audit entries an auditor lists: one member of staff's, one action's, or all.
public struct AuditLogFilter: Sendable, Equatable {
    /// Only entries by this staff account (its row id).
    public var staffId: Int64?
    /// Only entries with this action code.
    public var action: String?

    /// A filter; no arguments lists every entry.
    public init(staffId: Int64? = nil, action: String? = nil) {
        self.staffId = staffId
        self.action = action
    }

    /// Whether every entry is listed.
    public var isEmpty: Bool { staffId == nil && action == nil }
}

/// One audit entry as an auditor reads it: the entry and, when staff acted, their username and pseudonym.
public struct AuditLogLine: Sendable {
    /// The entry (its detail is free text and not for display to auditors).
    public let entry: AuditEntry
    /// The acting staff account's username, when staff acted.
    public let staffUsername: String?
    /// The acting staff account's pseudonymous id, when staff acted.
    public let staffPseudonym: String?

    /// When it happened.
    public var at: Date { Date(epochSeconds: entry.at) }
    /// Why staff acted, read from its stored form.
    public var reason: AccessReason? { entry.reason.flatMap(AccessReason.init(storedForm:)) }
    /// The staff role at the time, when staff acted.
    public var role: StaffRole? { entry.staffRole.flatMap(StaffRole.init(rawValue:)) }
}

/// The audit log for a member of staff allowed to read it (an auditor): pages newest first, the staff and
/// actions to filter by, and the chain's state. Each new reading is itself audited, naming the reader and no
/// subscriber.
public struct StaffAuditLog: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// The audit action recorded when staff read the log.
    public static let readAction = "audit-log-read"

    /// Binds the log to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Entries matching `filter`, newest first (by time, then by order of recording), after the entry `last` when
    /// paging on. A reading that starts at the newest entry (`last` nil) is audited first, so it lists itself.
    public func page(
        filter: AuditLogFilter = AuditLogFilter(), after last: AuditEntry? = nil, limit: Int, by staff: StaffIdentity
    ) throws -> [AuditLogLine] {
        let now = context.now
        let read = { (db: Database) throws -> [AuditLogLine] in
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let last {
                conditions.append("(audit_log.at < ? OR (audit_log.at = ? AND audit_log.id < ?))")
                arguments += [last.at, last.at, last.id]
            }
            if let staffId = filter.staffId {
                conditions.append("audit_log.staffId = ?")
                arguments += [staffId]
            }
            if let action = filter.action {
                conditions.append("audit_log.action = ?")
                arguments += [action]
            }
            arguments += [limit]
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT audit_log.*, staff.username AS staffUsername, staff.pseudonym AS staffPseudonym
                    FROM audit_log LEFT JOIN staff ON staff.id = audit_log.staffId
                    \(whereClause) ORDER BY audit_log.at DESC, audit_log.id DESC LIMIT ?
                    """,
                arguments: arguments)
            return try rows.map {
                AuditLogLine(
                    entry: try AuditEntry(row: $0), staffUsername: $0["staffUsername"],
                    staffPseudonym: $0["staffPseudonym"])
            }
        }
        guard last == nil else {
            return try context.store.read { db in
                _ = try StaffService.authorise(staff, .readAuditLog, db)
                return try read(db)
            }
        }
        return try context.store.write { db in
            let reader = try StaffService.authorise(staff, .readAuditLog, db)
            try AuditLog.append(
                db, at: now, accountId: nil, actor: StaffAccess.auditActor, action: Self.readAction,
                staff: StaffAccess(staff: reader, reason: nil))
            return try read(db)
        }
    }

    /// The staff accounts that appear in the log, by username, to filter by.
    public func staffMembers(by staff: StaffIdentity) throws -> [StaffAccount] {
        try context.store.read { db in
            _ = try StaffService.authorise(staff, .readAuditLog, db)
            return try StaffAccount.fetchAll(
                db,
                sql: "SELECT * FROM staff WHERE id IN (SELECT DISTINCT staffId FROM audit_log) ORDER BY username")
        }
    }

    /// The action codes that appear in the log, alphabetically, to filter by.
    public func actions(by staff: StaffIdentity) throws -> [String] {
        try context.store.read { db in
            _ = try StaffService.authorise(staff, .readAuditLog, db)
            return try String.fetchAll(db, sql: "SELECT DISTINCT action FROM audit_log ORDER BY action")
        }
    }

    /// Where the hash chain first breaks, or nil when it holds (what `check` reports).
    public func verify(by staff: StaffIdentity) throws -> AuditChain.Break? {
        try context.store.read { db in
            _ = try StaffService.authorise(staff, .readAuditLog, db)
            return try AuditChain.verify(db)
        }
    }
}
