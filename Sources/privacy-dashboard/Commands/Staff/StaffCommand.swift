import ArgumentParser

/// `staff`: the service's staff accounts, their authenticators and their sign-ins on this box.
struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff", abstract: "Manage staff accounts, enrol authenticators, sign staff in and out.",
        discussion: """
            The box's administrator makes the first owner with `staff bootstrap` on a store without staff; \
            owners make every later account. Each account enrols an authenticator app (TOTP) at its first \
            sign-in. `staff sign-in` keeps the sign-in for 15 minutes after the last command, in a file only \
            this user can read; `staff sign-out` ends it. Passwords and codes are asked for with echo off, or \
            read line by line from standard input when it is not a terminal; never from arguments.
            """,
        subcommands: [
            StaffBootstrapCommand.self, StaffCreateCommand.self, StaffListCommand.self, StaffDisableCommand.self,
            StaffRoleCommand.self, StaffEnrolCommand.self, StaffSignInCommand.self, StaffSignOutCommand.self,
        ])
}
