import ArgumentParser
import Foundation
import PrivacyModel

/// `check`: proves a store is sound, e.g. after a crash or a dropped SSH session.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run SQLite's integrity check and verify every account's consent-receipt chain.",
        discussion: "Exits 0 when everything is sound, 65 when the file or a receipt chain is damaged.")

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
