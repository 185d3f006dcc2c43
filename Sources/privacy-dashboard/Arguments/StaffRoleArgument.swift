import ArgumentParser
import PrivacyModel

/// A staff role typed on the command line (`--role`): one of the model's roles.
struct StaffRoleArgument: ExpressibleByArgument {
    /// The role.
    let role: StaffRole

    init?(argument: String) {
        guard let role = StaffRole(rawValue: argument) else { return nil }
        self.role = role
    }

    static var allValueStrings: [String] { StaffRole.allCases.map(\.rawValue) }
}
