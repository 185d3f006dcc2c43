import ArgumentParser
import Foundation
import PrivacyModel

/// `download REFERENCE CODE`: writes one export file waiting on a shared box to standard output, once.
struct DownloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "download", abstract: "Write an export waiting on a shared box to standard output, once.",
        discussion: """
            What the SSH wrapper runs for `ssh -T USER@HOST download REFERENCE CODE > FILE`, the command a \
            receipt shows. A code works once and until it expires; the file is removed from the box after the \
            download. A wrong, used or expired code is refused with one line and exit 77.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @Argument(help: "The request's reference (e.g. PD-7K3M-9QXD).") var reference: String
    @Argument(help: "The one-time code from the receipt.") var code: String

    func run() throws {
        // A file dumped on a terminal is lost and its code spent: refuse before the code is used.
        guard isatty(STDOUT_FILENO) == 0 else { throw DownloadError.outputIsTerminal }
        let service = DownloadService(context: try storeOptions.open(channel: "ssh"))
        let claim = try service.redeem(reference: reference, code: code)
        // The code is spent once claimed: the file goes whether or not the copy reached the subscriber.
        defer { try? service.remove(claim) }
        guard let input = FileHandle(forReadingAtPath: claim.path) else { throw DownloadError.fileGone }
        defer { try? input.close() }
        do {
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty {
                try FileHandle.standardOutput.write(contentsOf: chunk)
            }
        } catch {
            throw CommandFailure(
                message: "the download broke off (\(error.localizedDescription)); the code is used up",
                code: ExitStatus.ioError)
        }
    }
}
