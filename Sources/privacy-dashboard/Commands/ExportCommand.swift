import ArgumentParser
import Foundation
import PrivacyModel

/// `export`: a subscriber's data as a zip, JSON or CSV export, or the human-readable access report.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a subscriber's data: a zip, JSON or CSV export, or the access report.",
        discussion: """
            --format zip writes one archive with export.json, one CSV per category and manifest.json \
            (every file's row count and SHA-256). json writes the single JSON document. csv writes a folder \
            with one CSV per category and manifest.json. report writes the access report: a plain-text file \
            that explains, category by category, what is held, why, who receives it and how long it is kept, \
            then your rights, consent receipts and requests. The layout is described in docs/export-format.md.

            The output must not exist yet; files are created with mode 0600 and appear only when complete. \
            Ctrl-C (or SIGTERM) stops the export and leaves nothing behind. Without --output the export goes \
            to $XDG_DOWNLOAD_DIR/privacy-dashboard, else ~/Downloads/privacy-dashboard, else \
            ~/privacy-dashboard-exports.
            """)

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var signIn: StaffSignInOptions
    @OptionGroup var reason: AccessReasonOptions
    @Option(help: "The subscriber's email or username.") var email: String
    @Option(help: ArgumentHelp("An export format or the access report.", valueName: "format"))
    var format = ExportFormatArgument(.zip)
    @Option(help: ArgumentHelp("The file (or, for csv, the folder) to create.", valueName: "path"))
    var output: String?
    @Option(help: ArgumentHelp("Only these categories (comma-separated ids, e.g. viewing,devices).", valueName: "ids"))
    var categories: String?
    @Option(help: ArgumentHelp("Only records from this day on (UTC).", valueName: DayArgument.valueName))
    var since: DayArgument?
    @Option(help: ArgumentHelp("Only records up to and including this day (UTC).", valueName: DayArgument.valueName))
    var until: DayArgument?
    @Option(
        help: ArgumentHelp(
            "The zip's deflate level: 0 (stored, fastest) to 9 (smallest); default 6, as zip(1).",
            valueName: "0-9"))
    var compressionLevel: Int?
    @Option(
        help: ArgumentHelp(
            "The report's language: en, de or fr (default: the subscriber's own language, else English).",
            valueName: "language"))
    var lang: String?

    func run() throws {
        let isReport = format.isReport
        let chosenLanguage = try lang.map { flag in
            do throws(LanguageChoiceError) {
                return try LanguageChoice.resolve(flag: flag, environment: [:]).language
            } catch { throw CommandFailure.usage(error.description) }
        }
        if !isReport, chosenLanguage != nil {
            throw CommandFailure.usage("--lang applies to the report; exports hold the data as stored")
        }
        if let compressionLevel {
            guard format.portability == .zip else {
                throw CommandFailure.usage("--compression-level applies to zip exports")
            }
            guard ExportOptions.compressionLevels.contains(compressionLevel) else {
                throw CommandFailure.usage("--compression-level must be a whole number from 0 to 9")
            }
        }
        if isReport, since != nil || until != nil {
            throw CommandFailure.usage("--since and --until apply to zip, json and csv exports, not to the report")
        }
        let chosen = categories.map { $0.split(separator: ",").map(String.init) }
        let context = try storeOptions.open()
        let staff = StaffDataAccess(
            context: context, access: StaffAccess(staff: try signIn.identity(context), reason: try reason.reason()))
        let account = try AccountService(context: context).require(email)
        let path = try output ?? defaultPath(username: account.username, format: format.portability, at: context.now)

        SignalFlag.install()
        defer { SignalFlag.restore() }
        var line = ExportProgressLine()
        let result: ExportResult
        do {
            if let exportFormat = format.portability {
                let options = ExportOptions(
                    format: exportFormat, categories: chosen, since: since?.start, before: until?.next,
                    compressionLevel: compressionLevel ?? ExportOptions.defaultCompressionLevel)
                result = try staff.export(
                    accountId: account.id, to: path, options: options, progress: { line.show($0) },
                    isCancelled: { SignalFlag.received != nil })
            } else {
                let own = try LanguagePreferenceService(context: context).language(accountId: account.id)
                result = try staff.writeAccessReport(
                    accountId: account.id, to: path, categories: chosen,
                    language: (chosenLanguage ?? own ?? .english).rawValue, isCancelled: { SignalFlag.received != nil })
            }
        } catch ExportError.cancelled {
            line.end()
            let number = SignalFlag.received ?? SIGINT
            throw CommandFailure(
                message: "interrupted; the export was stopped and nothing was left behind", code: 128 + number)
        } catch {
            line.end()
            throw error
        }
        line.end()
        let what = isReport ? "access report" : "\(result.format) export of \(Formatting.count(result.rows)) records"
        Console.out("Wrote \(what) to \(result.path)")
    }

    /// The default output path, creating the default folder (mode 0700) when it is missing.
    private func defaultPath(username: String, format: PortabilityFormat?, at instant: Date) throws -> String {
        let folder = ExportLocation.defaultFolder()
        try ExportLocation.prepare(folder)
        return (folder as NSString).appendingPathComponent(
            ExportLocation.suggestedName(username: username, format: format, at: instant))
    }
}
