import ArgumentParser
import Foundation
import PrivacyModel

/// `init`: creates an empty store (mode 0600), or confirms an existing one is usable.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create an empty store, or check that an existing one opens.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let existed = FileManager.default.fileExists(atPath: storeOptions.resolvedPath().path)
        let context = try storeOptions.open(mode: .createIfMissing)
        let policy = context.catalogue
        Console.out(
            existed
                ? "Store \(context.store.path) is ready; nothing was changed."
                : "Created store \(context.store.path) (policy \(policy.version), effective \(policy.effectiveDate)).")
    }
}
