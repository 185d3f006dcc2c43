import ArgumentParser
import Foundation
import PrivacyModel

/// `policy`: the policy versions kept in the store.
struct PolicyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Publish and list policy versions: the built-in first version and every published one.",
        subcommands: [PolicyListCommand.self, PolicyPublishCommand.self])
}

/// `policy list`: every version with its effective date, and which is in force, past or still to come.
struct PolicyListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every policy version with its effective date, marking the one in force and future ones.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let context = try storeOptions.open()
        let service = PolicyVersionService(context: context)
        let inForce = try service.versionInForce(on: context.now)
        let today = context.now.dayUTC
        for version in try service.history() {
            let state: String
            if version.version == inForce.version {
                state = "in force"
            } else if version.effectiveDate > today {
                state = "future"
            } else {
                state = "superseded"
            }
            let kind = version.publishedAt == nil ? "built-in" : (version.material ? "material" : "minor")
            Console.out(SafeText.clean("\(version.version)  effective \(version.effectiveDate)  \(kind)  \(state)"))
        }
    }
}
