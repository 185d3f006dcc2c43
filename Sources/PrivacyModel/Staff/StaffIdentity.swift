/// A member of staff who has signed in with password and TOTP (or a recovery code); only the staff sign-in
/// service makes one (its memberwise initialiser is internal), so holding one is proof of an authenticated, named
/// account.
public struct StaffIdentity: Sendable, Equatable {
    /// The staff account's row id.
    public let id: Int64
    /// The sign-in name.
    public let username: String
    /// The name colleagues know them by.
    public let displayName: String
    /// The id subscribers see in "who has seen my data" ("S-" and letters), never the name.
    public let pseudonym: String
    /// The role at sign-in.
    public let role: StaffRole

    /// Whether this member of staff may take `action`.
    public func may(_ action: StaffAction) -> Bool { StaffPermissions.allows(role, action) }
}
