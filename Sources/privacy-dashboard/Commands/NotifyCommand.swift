import ArgumentParser
import Foundation
import PrivacyModel

/// `notify`: delivers the mail outbox through the machine's sendmail; meant for a timer, like `retention run`.
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify", abstract: "Send the queued mail.", subcommands: [Send.self, List.self])

    /// `notify send`: hands every due outbox message to sendmail and prints sent / retried / failed.
    struct Send: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send every due message in the outbox through sendmail and print the figures.",
            discussion: """
                Each message is claimed before it is handed over, so two runs never send the same one. A \
                temporary sendmail failure (exit 75 and the like) is retried after 1 min, 5 min, 30 min, 2 h and \
                12 h; a permanent one fails the message at once. See docs/mail.md.
                """)

        @OptionGroup var storeOptions: StoreOptions
        @Option(
            help: ArgumentHelp(
                "The sendmail binary (default: $PRIVACY_DASHBOARD_SENDMAIL, else /usr/sbin/sendmail).",
                valueName: "path"))
        var sendmail: String?
        @Option(
            help: ArgumentHelp(
                "The sender address (default: $PRIVACY_DASHBOARD_MAIL_FROM, else privacy@localhost).",
                valueName: "address"))
        var from: String?
        @Option(help: "Send at most this many messages in this run.") var limit = 100

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let fromText = from ?? environment["PRIVACY_DASHBOARD_MAIL_FROM"] ?? "privacy@localhost"
            guard let sender = try? MailAddress(fromText) else {
                throw CommandFailure.usage("--from \(SafeText.clean(fromText)) is not a single plain email address")
            }
            guard limit > 0 else { throw CommandFailure.usage("--limit must be at least 1") }
            let transport = SendmailTransport(path: sendmail)
            // A timer that points at no sendmail should say so at once, not retry every message for hours.
            guard FileManager.default.isExecutableFile(atPath: transport.path) else {
                throw CommandFailure(
                    message:
                        "no sendmail at \(SafeText.clean(transport.path)): install a mail server (for example exim4-daemon-light) or give --sendmail PATH; nothing was sent",
                    code: ExitStatus.unavailable)
            }
            let context = try storeOptions.open(channel: "notify")
            let report = try OutboxSender(context: context, from: sender, transport: transport).run(limit: limit)
            Console.out("sent \(report.sent), retried \(report.retried), failed \(report.failed)")
        }
    }

    /// `notify list`: the outbox for staff (agent, approver), newest first, without addresses.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the mail outbox (staff: agent or approver), newest first.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var signIn: StaffSignInOptions
        @Option(help: "Only rows with this status: pending, sending, sent or failed.") var status: String?
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            if let status, !OutboxListing.statuses.contains(status) {
                throw CommandFailure.usage(
                    "--status \(SafeText.clean(status)) is not one of \(OutboxListing.statuses.joined(separator: ", "))"
                )
            }
            let context = try storeOptions.open()
            let staff = try signIn.identity(context, for: .viewOutbox)
            let entries = try OutboxListing(context: context).entries(staff: staff, status: status)
            if json {
                Console.out(try Formatting.json(entries))
                return
            }
            var table = TextTable(["Id", "Account", "Kind", "Status", "Attempts", "Last error", "Queued", "Sent"])
            for entry in entries {
                table.add([
                    String(entry.id), entry.accountId.map(String.init) ?? "-", entry.kind, entry.status,
                    String(entry.attempts), entry.lastError ?? "", entry.createdAt.iso8601UTC,
                    entry.sentAt?.iso8601UTC ?? "",
                ])
            }
            Console.out(table.render())
        }
    }
}
