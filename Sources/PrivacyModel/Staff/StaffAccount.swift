public import GRDB

/// Where a staff account stands: it signs in only once its authenticator is enrolled, and never once disabled.
public enum StaffStatus: String, CaseIterable, Codable, Sendable {
    /// Made by an owner (or bootstrap); waits for its first sign-in to enrol an authenticator.
    case enrolling
    /// Signs in with password and code.
    case active
    /// Turned off by an owner; kept so the audit log still names it.
    case disabled
}

/// A staff account as owners see it in the list (never the password hash, secret or codes).
public struct StaffAccount: Sendable, Equatable, FetchableRecord {
    /// Row id (what the audit log's staffId points at).
    public let id: Int64
    /// The sign-in name.
    public let username: String
    /// The name colleagues know them by.
    public let displayName: String
    /// The id subscribers see ("S-" and six letters).
    public let pseudonym: String
    /// What they may do (see `StaffPermissions`).
    public let role: StaffRole
    /// Enrolling, active or disabled.
    public let status: StaffStatus
    /// When it was made (seconds since 1970).
    public let createdAt: Int64
    /// The last full sign-in (password and code).
    public let lastSignInAt: Int64?
    /// When an owner disabled it.
    public let disabledAt: Int64?

    /// Reads a row of the staff table; an unknown role or status (a hand-edited store) reads as disabled, so it
    /// can never sign in.
    public init(row: Row) {
        id = row["id"]
        username = row["username"]
        displayName = row["displayName"]
        pseudonym = row["pseudonym"]
        let role = StaffRole(rawValue: row["role"] ?? "")
        let status = StaffStatus(rawValue: row["status"] ?? "")
        self.role = role ?? .auditor
        self.status = role == nil ? .disabled : status ?? .disabled
        createdAt = row["createdAt"]
        lastSignInAt = row["lastSignInAt"]
        disabledAt = row["disabledAt"]
    }

    /// The identity of this account, for the sign-in service once password and code are checked.
    var identity: StaffIdentity {
        StaffIdentity(id: id, username: username, displayName: displayName, pseudonym: pseudonym, role: role)
    }
}
