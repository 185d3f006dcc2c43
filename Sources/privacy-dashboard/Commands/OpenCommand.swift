import ArgumentParser
import PrivacyModel

/// `open` (the default): the full-screen dashboard on the store.
struct OpenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the full-screen dashboard on the store (the default command).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var dashboardOptions: DashboardOptions
    @Flag(help: "Open the staff sign-in (password, then authenticator code) and the staff console.") var staff = false

    func run() throws {
        _ = try dashboardOptions.languageChoice()  // a bad --lang is reported before the store is opened
        let context: PrivacyContext
        do {
            context = try storeOptions.open(mode: .existing, channel: "dashboard")
        } catch StoreError.directoryMissing, StoreError.notFound {
            // A first run: say how to get a store rather than only that there is none.
            let (path, _) = storeOptions.resolvedPath()
            throw CommandFailure(
                message: "no store at \(path) yet; create one with `privacy-dashboard init` "
                    + "(then `account create`), or try `privacy-dashboard demo`",
                code: ExitStatus.noInput)
        }
        try DashboardLauncher.run(context: context, options: dashboardOptions, staff: staff)
    }
}
