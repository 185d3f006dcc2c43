import ArgumentParser
import Foundation
import PrivacyModel

/// `breach record`: a new breach as a draft (nobody is told until it is published).
struct BreachRecordCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record a breach as a draft (an approver).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var signIn: StaffSignInOptions
    @OptionGroup var draft: BreachDraftOptions

    func run() throws {
        let context = try storeOptions.open()
        let support = try BreachCommandSupport(context: context)
        let staff = try support.staff(signIn, for: .manageBreaches)
        let register = BreachRegister(context: context)
        let breach = try register.record(try draft.newDraft(context), staff: staff)
        let entry = try register.entry(reference: breach.reference, staff: staff)
        let wording = support.wording
        Console.out(
            support.strings(
                "register.done.recorded",
                [
                    "reference": breach.reference, "notifyBy": wording.instant(entry.notifyBy),
                    "deadline": wording.countdown(entry, at: context.now),
                ]))
    }
}

/// `breach update`: changes a draft, or publishes a new version of a published breach (shown again to everyone
/// it affects, and mailed again).
struct BreachUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change a breach; a published one becomes a new version, shown and mailed again (an approver).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var signIn: StaffSignInOptions
    @Argument(help: ArgumentHelp("The breach's reference.", valueName: "reference")) var reference: String
    @OptionGroup var draft: BreachDraftOptions

    func run() throws {
        let context = try storeOptions.open()
        let support = try BreachCommandSupport(context: context)
        let staff = try support.staff(signIn, for: .manageBreaches)
        let register = BreachRegister(context: context)
        let current = try register.entry(reference: reference, staff: staff).breach
        let result = try register.update(reference: reference, try draft.changed(current, context), staff: staff)
        Console.out(BreachPublishCommand.outcome(result, support))
    }
}

/// `breach publish`: one notice per affected subscriber and a mail to each; `--dry-run` only counts them.
struct BreachPublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish", abstract: "Publish a draft's notices to everyone it affects (an approver).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var signIn: StaffSignInOptions
    @Argument(help: ArgumentHelp("The breach's reference.", valueName: "reference")) var reference: String
    @Flag(help: "Only count who would be notified; publish nothing.") var dryRun = false

    func run() throws {
        let context = try storeOptions.open()
        let support = try BreachCommandSupport(context: context)
        let staff = try support.staff(signIn, for: .manageBreaches)
        let register = BreachRegister(context: context)
        if dryRun {
            let breach = try register.entry(reference: reference, staff: staff).breach
            let count = try register.affectedCount(breach.audience)
            Console.out(
                support.strings(
                    "register.done.dryRun",
                    ["reference": breach.reference, "count": Formats(language: support.strings.language).number(count)]
                ))
            return
        }
        Console.out(Self.outcome(try register.publish(reference: reference, staff: staff), support))
    }

    /// What a publication (or an edit of a draft) did, in one line.
    static func outcome(_ result: BreachPublication, _ support: BreachCommandSupport) -> String {
        guard result.breach.status != .draft else {
            return support.strings("register.done.edited", ["reference": result.breach.reference])
        }
        let formats = Formats(language: support.strings.language)
        return support.strings(
            "register.done.published",
            [
                "reference": result.breach.reference, "version": formats.number(result.breach.version),
                "notified": formats.number(result.notified), "mails": formats.number(result.mailsQueued),
            ])
    }
}

/// `breach close`: the Overview alert goes; the notices stay in each subscriber's list.
struct BreachCloseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "close", abstract: "Close a published breach (an approver).")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var signIn: StaffSignInOptions
    @Argument(help: ArgumentHelp("The breach's reference.", valueName: "reference")) var reference: String

    func run() throws {
        let context = try storeOptions.open()
        let support = try BreachCommandSupport(context: context)
        let staff = try support.staff(signIn, for: .manageBreaches)
        let breach = try BreachRegister(context: context).close(reference: reference, staff: staff)
        Console.out(support.strings("register.done.closed", ["reference": breach.reference]))
    }
}
