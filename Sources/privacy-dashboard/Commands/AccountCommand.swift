import ArgumentParser
import Foundation
import PrivacyModel

/// `account`: create and list subscriber accounts.
struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Create and list subscriber accounts.",
        subcommands: [Create.self, List.self])

    /// `account create`: opens an account; the password comes from a prompt or stdin.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open an account (the password is asked for, or read with --password-stdin).")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var signIn: StaffSignInOptions
        @Option(help: "Login email (unique, ignoring case).") var email: String
        @Option(help: "Username (3-32 letters, digits, . _ -).") var username: String
        @Option(help: "Full name.") var name: String
        @Option(help: "Date of birth, YYYY-MM-DD (18 or over).") var birthdate: String
        @Option(help: "Country code, e.g. DE.") var country: String?
        @Option(help: "Preferred language: en, de or fr.") var language: String?
        @Flag(help: "Read the password from the first line of standard input.") var passwordStdin = false

        func run() throws {
            let context = try storeOptions.open()
            let staff = StaffAccess(staff: try signIn.identity(context, for: .manageSubscribers), reason: nil)
            let password =
                passwordStdin
                ? try PasswordInput.fromStandardInput() : try PasswordInput.prompt("Password: ", confirm: true)
            let account = try AccountService(context: context).create(
                NewAccount(
                    email: email, username: username, fullName: name, birthdate: birthdate, country: country,
                    language: language),
                password: password, actor: StaffAccess.auditActor, staff: staff)
            Console.out(
                "Created account \(account.id) for \(SafeText.clean(account.email)) (\(SafeText.clean(account.username)))."
            )
        }
    }

    /// `account list`: every account with its status.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var signIn: StaffSignInOptions
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            let context = try storeOptions.open()
            let staff = StaffAccess(staff: try signIn.identity(context), reason: nil)
            let accounts = try AccountService(context: context).list(staff: staff)
            if json {
                Console.out(try Formatting.json(accounts.map(AccountListing.init)))
                return
            }
            guard !accounts.isEmpty else {
                Console.out("No accounts yet. Create one with `privacy-dashboard account create`.")
                return
            }
            var table = TextTable(["ID", "Email", "Username", "Status", "Created", "Last sign-in"])
            for account in accounts {
                table.add([
                    String(account.id), account.email, account.username, account.status.rawValue,
                    Formatting.day(Date(epochSeconds: account.createdAt)),
                    Formatting.day(account.lastSignInAt.map(Date.init(epochSeconds:))),
                ])
            }
            Console.out(table.render())
        }
    }
}

/// The JSON shape of one account in `account list --json` (never the password hash).
struct AccountListing: Encodable {
    let id: Int64
    let email: String
    let username: String
    let status: String
    let createdAt: Date
    let lastSignInAt: Date?
    let purgeDueAt: Date?

    init(_ account: Account) {
        id = account.id
        email = account.email
        username = account.username
        status = account.status.rawValue
        createdAt = Date(epochSeconds: account.createdAt)
        lastSignInAt = account.lastSignInAt.map(Date.init(epochSeconds:))
        purgeDueAt = account.purgeDueDate
    }
}
