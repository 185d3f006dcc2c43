import ArgumentParser
import PrivacyModel

/// Who a command on subscribers' data acts as: the kept staff sign-in (`staff sign-in`), or with `--staff NAME` a
/// sign-in for this command alone (password, then code, with echo off, or line by line from standard input).
struct StaffSignInOptions: ParsableArguments {
    @Option(
        name: .customLong("staff"),
        help: ArgumentHelp(
            "Sign in as this staff account for this command only (password and code are asked for, or read "
                + "line by line from standard input); without it the kept `staff sign-in` is used.",
            valueName: "username"))
    var username: String?

    /// The signed-in member of staff; without `--staff` and without a kept sign-in, `StaffError.sessionExpired`.
    func identity(_ context: PrivacyContext) throws -> StaffIdentity {
        guard let username else {
            guard try KeptStaffSignIn.load() != nil else {
                throw CommandFailure(
                    message: "this command acts as a member of staff: sign in first with "
                        + "`privacy-dashboard staff sign-in --username NAME`, or give --staff NAME",
                    code: ExitStatus.permission)
            }
            return try KeptStaffSignIn.identity(context)
        }
        let signIn = StaffSignInService(context: context)
        let password = try PasswordInput.line("Password: ", what: "password")
        let step = try signIn.checkPassword(username: username, password: password)
        guard step.status == .active else { throw StaffError.notEnrolled }
        let code = try PasswordInput.line("Code from the app (or a recovery code): ", what: "code")
        return try signIn.completeSignIn(step, code: code)
    }

    /// The signed-in member of staff, refused unless their role allows `action`.
    func identity(_ context: PrivacyContext, for action: StaffAction) throws -> StaffIdentity {
        let staff = try identity(context)
        guard staff.may(action) else { throw StaffError.notPermitted(role: staff.role, action: action) }
        return staff
    }
}

/// Why a command reads a subscriber's data: one of their open requests, or a support ticket.
struct AccessReasonOptions: ParsableArguments {
    @Option(
        name: .customLong("request"),
        help: ArgumentHelp("The reason: one of the subscriber's open requests.", valueName: "reference"))
    var request: String?
    @Option(help: ArgumentHelp("The reason: a support ticket reference.", valueName: "ticket"))
    var ticket: String?

    /// The reason given, nil for none (the model then refuses the read); both at once is a usage error.
    func reason() throws -> AccessReason? {
        switch (request, ticket) {
        case (let reference?, nil): return .request(reference)
        case (nil, let ticket?): return try AccessReason.ticket(typed: ticket)
        case (nil, nil): return nil
        case (_?, _?): throw CommandFailure.usage("give --request or --ticket, not both")
        }
    }
}
