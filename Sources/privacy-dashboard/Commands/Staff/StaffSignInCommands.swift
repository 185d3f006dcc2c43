import ArgumentParser
import Foundation
import PrivacyModel
import TerminalKit

/// `staff enrol`: a new account's first sign-in: new password if an owner chose the first, the authenticator's
/// secret (URI, grouped secret, QR code), a check code, then the recovery codes, shown once.
struct StaffEnrolCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enrol", abstract: "Set up the authenticator app of a new staff account.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Your staff username.") var username: String
    @Flag(help: "Draw the QR code with '#' instead of block characters.") var ascii = false

    func run() throws {
        let context = try storeOptions.open()
        let password = try PasswordInput.line("Password: ", what: "password")
        let step = try StaffSignInService(context: context).checkPassword(username: username, password: password)
        let enrolments = StaffEnrolmentService(context: context)
        guard step.status == .enrolling else { throw StaffError.alreadyEnrolled }
        let newPassword =
            step.mustChangePassword
            ? try PasswordInput.line(
                "New password (the first was chosen by an owner): ", what: "new password", confirm: true)
            : nil
        let enrolment = try enrolments.begin(step, newPassword: newPassword)
        let codesetIsUTF8 =
            String(cString: nl_langinfo(nl_item(CODESET))).uppercased().replacingOccurrences(of: "-", with: "")
            == "UTF8"
        if let lines = QRCodeText.lines(encoding: enrolment.uri, ascii: ascii || !codesetIsUTF8) {
            Console.out("Add this account to an authenticator app: scan the QR code, or type the secret.")
            for line in lines { Console.out(line) }
        } else {
            Console.out("Add this account to an authenticator app by typing the secret.")
        }
        Console.out("URI:    \(SafeText.clean(enrolment.uri))")
        Console.out("Secret: \(enrolment.groupedSecret)")
        let code = try PasswordInput.line("Code shown by the app: ", what: "code")
        let result = try enrolments.finish(enrolment, code: code)
        Console.out("\(SafeText.clean(result.identity.username)) is enrolled and active.")
        Console.out("Recovery codes: each works once instead of a code; they are shown only now, so keep them safe:")
        for code in result.recoveryCodes { Console.out("  \(code)") }
        Console.out(
            "Sign in with: privacy-dashboard staff sign-in --username \(SafeText.clean(result.identity.username))")
    }
}

/// `staff sign-in`: password and code (or a recovery code), kept for 15 minutes after the last command.
struct StaffSignInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-in", abstract: "Sign in as staff; kept until 15 minutes after the last command.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Your staff username.") var username: String

    func run() throws {
        let context = try storeOptions.open()
        let signIn = StaffSignInService(context: context)
        let password = try PasswordInput.line("Password: ", what: "password")
        let step = try signIn.checkPassword(username: username, password: password)
        guard step.status == .active else { throw StaffError.notEnrolled }
        let code = try PasswordInput.line("Code from the app (or a recovery code): ", what: "code")
        let identity = try signIn.completeSignIn(step, code: code)
        let sessions = StaffSessionService(context: context)
        if let earlier = try? KeptStaffSignIn.load() { try sessions.end(token: earlier) }
        let token = try sessions.keep(identity)
        do {
            try KeptStaffSignIn.save(token)
        } catch {
            try? sessions.end(token: token)
            throw error
        }
        let minutes = Int(StaffSessionService.idleLifetime / 60)
        Console.out(
            "Signed in as \(SafeText.clean(identity.username)) (\(identity.role.rawValue)); the sign-in is kept "
                + "until \(minutes) minutes after the last command, or `staff sign-out`.")
    }
}

/// `staff sign-out`: ends the kept sign-in and removes its file.
struct StaffSignOutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-out", abstract: "End the kept staff sign-in.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard let token = try KeptStaffSignIn.load() else {
            Console.out("No staff sign-in is kept; nothing to end.")
            return
        }
        try StaffSessionService(context: try storeOptions.open()).end(token: token)
        KeptStaffSignIn.remove()
        Console.out("Signed out.")
    }
}
