import ArgumentParser
import Foundation
import PrivacyModel

/// Whether a published version is a material change (30 days' notice) or a minor one.
enum PolicyChangeWeight: String, EnumerableFlag {
    case material
    case minor
}

/// `policy publish`: an approver publishes a new policy version from a catalogue file.
struct PolicyPublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract:
            "Publish a policy version from a catalogue file (approvers only); a material change needs 30 days' "
            + "notice. One policy-change mail per active account is queued.")

    @Argument(help: ArgumentHelp("The catalogue JSON file of the new version.", valueName: "file"))
    var file: String
    @Option(help: ArgumentHelp("The day it takes effect (the file's own effectiveDate).", valueName: "YYYY-MM-DD"))
    var effective: String
    @Flag(help: "A material change (30 days' notice) or a minor one.")
    var weight: PolicyChangeWeight
    @Option(help: ArgumentHelp("A text file: what changes for subscribers, in English.", valueName: "file"))
    var summary: String
    @Option(name: .customLong("summary-de"), help: ArgumentHelp("The summary in German.", valueName: "file"))
    var summaryDE: String?
    @Option(name: .customLong("summary-fr"), help: ArgumentHelp("The summary in French.", valueName: "file"))
    var summaryFR: String?
    @Option(help: ArgumentHelp("Translated catalogue texts: de=FILE,fr=FILE.", valueName: "lang=file,..."))
    var texts: String?

    @OptionGroup var signIn: StaffSignInOptions
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let policy = try Self.read(file)
        var summaries = ["en": String(decoding: try Self.read(summary), as: UTF8.self)]
        if let summaryDE { summaries["de"] = String(decoding: try Self.read(summaryDE), as: UTF8.self) }
        if let summaryFR { summaries["fr"] = String(decoding: try Self.read(summaryFR), as: UTF8.self) }
        var translations: [String: [String: String]] = [:]
        for pair in (texts ?? "").split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CommandFailure.usage("--texts takes lang=FILE pairs separated by commas")
            }
            do {
                translations[parts[0]] = try CatalogueLoader.texts(from: URL(fileURLWithPath: parts[1]))
            } catch {
                throw CommandFailure(message: error.description, code: ExitStatus.dataError)
            }
        }
        let context = try storeOptions.open()
        let staff = try signIn.identity(context, for: .publishPolicy)
        let draft = PolicyVersionDraft(
            policy: policy, effectiveDate: effective, material: weight == .material, summary: summaries,
            texts: translations)
        let queued = try PolicyVersionService(context: context).publish(
            draft, staff: StaffAccess(staff: staff, reason: nil))
        Console.out("Published; \(queued) policy-change mail\(queued == 1 ? "" : "s") queued.")
    }

    private static func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure(message: "cannot read \(SafeText.clean(path))", code: ExitStatus.noInput)
        }
        return data
    }
}
