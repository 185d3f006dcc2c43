import ArgumentParser
import PrivacyModel

/// `open` (the default): the full-screen dashboard on the store.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the full-screen dashboard on the store (the default command).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var dashboardOptions: DashboardOptions

    func run() throws {
        let context = try storeOptions.open(mode: .existing, channel: "dashboard")
        try DashboardLauncher.run(context: context, options: dashboardOptions)
    }
}
