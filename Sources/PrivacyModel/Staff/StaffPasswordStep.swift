import Foundation

/// A staff sign-in halfway: the password was right, the code is still to come. Only `StaffSignInService` makes
/// one, and it is good for `StaffSignInService.pendingLifetime`.
public struct StaffPasswordStep: Sendable, Equatable {
    /// The account whose password was checked.
    public let staffId: Int64
    /// Its username, to greet or to show in the code prompt.
    public let username: String
    /// Enrolling (go to enrolment) or active (ask for the code).
    public let status: StaffStatus
    /// The initial password was typed by an owner and must be replaced during enrolment.
    public let mustChangePassword: Bool
    /// When the password was checked.
    let checkedAt: Date
}
