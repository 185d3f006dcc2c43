import ArgumentParser
import Foundation
import PrivacyModel

/// `staff bootstrap`: the first owner, on a store with no staff (run by the box's administrator, audited as
/// the system).
struct StaffBootstrapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bootstrap", abstract: "Make the first owner on a store without staff accounts.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The owner's username (3-32 lower-case letters, digits, . _ -).") var username: String
    @Option(help: "The owner's name as colleagues know it.") var name: String

    func run() throws {
        let context = try storeOptions.open()
        let password = try PasswordInput.line("Owner's password: ", what: "password", confirm: true)
        let owner = try StaffService(context: context).bootstrap(
            username: username, displayName: name, password: password)
        Console.out(
            "Created owner \(SafeText.clean(owner.username)) (\(owner.pseudonym)). Next: "
                + "privacy-dashboard staff enrol --username \(SafeText.clean(owner.username))")
    }
}

/// `staff create`: an owner makes an account with an initial password they type (changed at enrolment).
struct StaffCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Make a staff account (an owner, signed in with `staff sign-in`).")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Username (3-32 lower-case letters, digits, . _ -).") var username: String
    @Option(help: "Name as colleagues know it.") var name: String
    @Option(
        help: ArgumentHelp("Role: \(StaffRoleArgument.allValueStrings.joined(separator: ", ")).", valueName: "role"))
    var role: StaffRoleArgument

    func run() throws {
        let context = try storeOptions.open()
        let owner = try KeptStaffSignIn.identity(context)
        guard owner.may(.manageStaff) else { throw StaffError.notPermitted(role: owner.role, action: .manageStaff) }
        let password = try PasswordInput.line(
            "Initial password (changed at their first sign-in): ", what: "initial password", confirm: true)
        let account = try StaffService(context: context).create(
            username: username, displayName: name, role: role.role, initialPassword: password, by: owner)
        Console.out(
            "Created \(account.role.rawValue) \(SafeText.clean(account.username)) (\(account.pseudonym)). They "
                + "enrol with: privacy-dashboard staff enrol --username \(SafeText.clean(account.username))")
    }
}

/// `staff list`: every staff account with role and status (an owner).
struct StaffListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List staff accounts (an owner, signed in).")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let context = try storeOptions.open()
        let accounts = try StaffService(context: context).list(by: try KeptStaffSignIn.identity(context))
        if json {
            Console.out(try Formatting.json(accounts.map(StaffListing.init)))
            return
        }
        var table = TextTable(["Username", "Name", "Pseudonym", "Role", "Status", "Created", "Last sign-in"])
        for account in accounts {
            table.add([
                account.username, account.displayName, account.pseudonym, account.role.rawValue,
                account.status.rawValue, Formatting.day(Date(epochSeconds: account.createdAt)),
                Formatting.day(account.lastSignInAt.map(Date.init(epochSeconds:))),
            ])
        }
        Console.out(table.render())
    }
}

/// `staff disable`: an owner turns an account off (never the last active owner).
struct StaffDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable", abstract: "Disable a staff account; its kept sign-ins end (an owner, signed in).")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The account's username.") var username: String

    func run() throws {
        let context = try storeOptions.open()
        try StaffService(context: context).disable(username: username, by: try KeptStaffSignIn.identity(context))
        Console.out("Disabled \(SafeText.clean(username)); it can no longer sign in.")
    }
}

/// `staff role`: an owner gives an account another role (the last active owner stays an owner).
struct StaffRoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "role", abstract: "Give a staff account another role (an owner, signed in).")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "The account's username.") var username: String
    @Option(
        help: ArgumentHelp("New role: \(StaffRoleArgument.allValueStrings.joined(separator: ", ")).", valueName: "role")
    )
    var role: StaffRoleArgument

    func run() throws {
        let context = try storeOptions.open()
        try StaffService(context: context).changeRole(
            username: username, to: role.role, by: try KeptStaffSignIn.identity(context))
        Console.out("\(SafeText.clean(username)) now has the role \(role.role.rawValue).")
    }
}

/// The JSON shape of one staff account in `staff list --json`.
struct StaffListing: Encodable {
    let username: String
    let displayName: String
    let pseudonym: String
    let role: String
    let status: String
    let createdAt: Date
    let lastSignInAt: Date?
    let disabledAt: Date?

    init(_ account: StaffAccount) {
        username = account.username
        displayName = account.displayName
        pseudonym = account.pseudonym
        role = account.role.rawValue
        status = account.status.rawValue
        createdAt = Date(epochSeconds: account.createdAt)
        lastSignInAt = account.lastSignInAt.map(Date.init(epochSeconds:))
        disabledAt = account.disabledAt.map(Date.init(epochSeconds:))
    }
}
