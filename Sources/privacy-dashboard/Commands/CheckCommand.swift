import ArgumentParser
import Foundation
import PrivacyModel

/// `check`: proves a store is sound, e.g. after a crash or a dropped SSH session.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract:
            "Run SQLite's integrity check, verify every account's consent-receipt chain and look for unfinished exports.",
        discussion:
            "Exits 0 when everything is sound, 65 when the file or a receipt chain is damaged or a killed export left "
            + "partial data in the default export folder.")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let context = try storeOptions.open()
        var sound = true
        let integrity = try context.store.integrityCheck()
        if integrity == ["ok"] {
            Console.out("Store file: intact (\(context.store.path)).")
        } else {
            sound = false
            Console.out("Store file: damaged: \(SafeText.clean(integrity.prefix(5).joined(separator: "; ")))")
        }
        let stale = ExportLocation.staleStaging()
        if !stale.isEmpty {
            sound = false
            Console.out(
                "Export folder: \(stale.count) unfinished export\(stale.count == 1 ? "" : "s") left by a stopped "
                    + "process (partial personal data): \(SafeText.clean(stale.joined(separator: ", "))); "
                    + "the next export or retention run removes them")
        }
        let verifier = ReceiptChainVerifier(context: context)
        for account in try AccountService(context: context).list() where account.status != .purged {
            let report = try verifier.verify(accountId: account.id)
            if !report.isIntact { sound = false }
            Console.out(SafeText.clean("\(account.email): \(report.summary)"))
        }
        guard sound else {
            throw CommandFailure(message: "the store has problems; see above", code: ExitStatus.dataError)
        }
    }
}
