import ArgumentParser
import Foundation
import PrivacyModel

/// The options every step subcommand shares: the store, the staff sign-in, the reference and --json.
struct RequestStepOptions: ParsableArguments {
    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var signIn: StaffSignInOptions
    @Argument(help: "The request's reference (e.g. PD-7K3M-9QXD).") var reference: String
    @Flag(help: "Print the request as JSON after the step.") var json = false

    /// Opens the store with the support channel and signs the member of staff in; the request is their reason.
    func service() throws -> (service: RequestService, staff: StaffAccess) {
        let context = try storeOptions.open(channel: "support")
        let staff = try signIn.identity(context)
        return (RequestService(context: context), StaffAccess(staff: staff, reason: .request(reference)))
    }

    /// Prints the request after a step: one line (then any files written, one path a line), or JSON.
    func report(_ request: RightsRequest, service: RequestService, message: String, outputs: [String] = []) throws {
        if json {
            let email = try AccountService(context: service.context).account(id: request.accountId)?.email
            var listing = RequestListing(request, email: email, service: service)
            listing.outputs = outputs.isEmpty ? nil : outputs
            Console.out(try Formatting.json(listing))
        } else {
            Console.out(SafeText.clean(message))
            for path in outputs { Console.out(SafeText.clean(path)) }
        }
    }
}

extension RequestsCommand {
    /// `requests acknowledge REF`: confirms receipt to the subscriber.
    struct Acknowledge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Confirm receipt of a submitted request (due within 48 hours of filing).")
        @OptionGroup var options: RequestStepOptions
        @Option(help: "A note for the request's timeline (the subscriber sees it).") var note = ""

        func run() throws {
            let (service, staff) = try options.service()
            let request = try service.acknowledge(
                reference: options.reference, actor: .support, note: note, staff: staff)
            try options.report(request, service: service, message: "\(request.reference) is acknowledged.")
        }
    }

    /// `requests verify REF`: records that the requester is the account holder.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Record that the requester's identity was checked (after acknowledging).")
        @OptionGroup var options: RequestStepOptions
        @Option(help: "How the identity was checked.") var note = ""

        func run() throws {
            let (service, staff) = try options.service()
            let request = try service.verifyIdentity(
                reference: options.reference, actor: .support, note: note, staff: staff)
            try options.report(request, service: service, message: "\(request.reference) has its identity verified.")
        }
    }

    /// `requests start REF`: work begins.
    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Start work on a request whose requester was verified.")
        @OptionGroup var options: RequestStepOptions
        @Option(help: "A note for the request's timeline (the subscriber sees it).") var note = ""

        func run() throws {
            let (service, staff) = try options.service()
            let request = try service.start(reference: options.reference, actor: .support, note: note, staff: staff)
            try options.report(request, service: service, message: "\(request.reference) is in progress.")
        }
    }

    /// `requests complete REF`: finishes the request, carrying it out where the model can.
    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Complete a request in progress, carrying it out.",
            discussion: """
                An access request writes the access report and the zip export, a portability request the \
                export in its format, into --output (default: $XDG_DOWNLOAD_DIR/privacy-dashboard, else \
                ~/Downloads/privacy-dashboard, else ~/privacy-dashboard-exports); their paths are printed and \
                named in the request's resolution; the report is in the subscriber's language unless --lang \
                says otherwise. On a shared box (PRIVACY_DASHBOARD_SHARED_BOX, see docs/ssh.md) the default is \
                the subscriber's own folder there instead, and each file gets a one-time download command, \
                printed once: give it to the subscriber. Deletions, objections, restrictions and corrections of \
                stored records are carried out. If anything fails (or Ctrl-C stops an export) the request stays \
                in progress and no file is left behind.
                """)
        @OptionGroup var options: RequestStepOptions
        @Option(
            help: "The completion note the subscriber sees (required for an \"other data\" correction: what was done).")
        var note = ""
        @Option(
            help: ArgumentHelp(
                "The existing folder access reports and exports are written to.", valueName: "folder"))
        var output: String?
        @Option(
            help: ArgumentHelp(
                "The access report's language: en, de or fr (default: the subscriber's own language, else English).",
                valueName: "language"))
        var lang: String?

        func run() throws {
            let reportLanguage = try lang.map { flag in
                do throws(LanguageChoiceError) {
                    return try LanguageChoice.resolve(flag: flag, environment: [:]).language.rawValue
                } catch { throw CommandFailure.usage(error.description) }
            }
            let (service, staff) = try options.service()
            let request = try service.require(reference: options.reference)
            if reportLanguage != nil, request.type != .access {
                throw CommandFailure.usage("--lang applies to an access request's report")
            }
            let writesFiles = request.type == .access || request.type == .portability
            if writesFiles { SignalFlag.install() }
            defer { if writesFiles { SignalFlag.restore() } }
            var line = ExportProgressLine()
            let outcome: FulfilmentOutcome
            do {
                outcome = try RequestFulfilment(context: service.context).carryOut(
                    reference: request.reference,
                    options: FulfilmentOptions(
                        actor: .support, note: note, folder: output, reportLanguage: reportLanguage,
                        progress: { line.show($0) }, isCancelled: { SignalFlag.received != nil }),
                    staff: staff)
            } catch ExportError.cancelled {
                line.end()
                throw CommandFailure(
                    message: "interrupted; the request was not completed and nothing was left behind",
                    code: 128 + (SignalFlag.received ?? SIGINT))
            } catch {
                line.end()
                throw error
            }
            line.end()
            let completed = outcome.request
            let summary = FulfilmentSummary.english(outcome)
            try options.report(
                completed, service: service,
                message: "\(completed.reference) is completed." + (summary.isEmpty ? "" : " " + summary),
                outputs: outcome.outputs.map(\.path))
            let downloads = outcome.outputs.compactMap(\.download)
            if !options.json, let first = downloads.first {
                Console.out("Give the subscriber these commands; each works once, until \(first.expiresAt.iso8601UTC):")
                for ticket in downloads { Console.out(SafeText.clean(ticket.command)) }
            }
        }
    }

    /// `requests deny REF --reason TEXT`: refuses the request, telling the subscriber they may complain.
    struct Deny: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Refuse an open request with a reason; the subscriber is reminded they may complain to a data-protection authority."
        )
        @OptionGroup var options: RequestStepOptions
        @Option(help: "Why the request is refused (the subscriber is told).") var reason: String

        func run() throws {
            let (service, staff) = try options.service()
            let request = try service.deny(reference: options.reference, actor: .support, reason: reason, staff: staff)
            try options.report(request, service: service, message: "\(request.reference) is denied.")
        }
    }

    /// `requests extend REF --reason TEXT --until YYYY-MM-DD`: moves the deadline later, once.
    struct Extend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Extend an open request's deadline once, within the legal limit, with a reason.")
        @OptionGroup var options: RequestStepOptions
        @Option(help: "Why more time is needed (the subscriber is told).") var reason: String
        @Option(
            help: ArgumentHelp("The new due day (UTC); due by the end of that day.", valueName: DayArgument.valueName))
        var until: DayArgument

        func run() throws {
            let day = until.start
            let (service, staff) = try options.service()
            let request = try service.extend(
                reference: options.reference, untilEndOf: day, reason: reason, actor: .support, staff: staff)
            try options.report(
                request, service: service,
                message: "\(request.reference) is now due \(request.currentDueAt.iso8601UTC).")
        }
    }
}
