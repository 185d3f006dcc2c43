import ArgumentParser
import Foundation
import PrivacyModel

/// `breach list`: the register with its deadlines and how far the notices got (approvers and auditors).
struct BreachListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Show the breach register: deadlines counting down, notices and acknowledgements.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var signIn: StaffSignInOptions
    @Flag(help: "Print JSON instead of a table.") var json = false

    func run() throws {
        let context = try storeOptions.open()
        let support = try BreachCommandSupport(context: context)
        let staff = try support.staff(signIn, for: .viewBreaches)
        let entries = try BreachRegister(context: context).entries(staff: staff)
        let now = context.now
        if json {
            Console.out(try Formatting.json(entries.map { BreachListing($0, now: now) }))
            return
        }
        guard !entries.isEmpty else {
            Console.out(support.strings["register.empty"])
            return
        }
        let strings = support.strings
        let wording = support.wording
        var table = TextTable(
            [
                "reference", "status", "discovered", "notifyBy", "deadline", "notices", "acknowledged",
            ].map { strings["register.column.\($0)"] })
        table.maxColumnWidth = 80
        for entry in entries {
            table.add([
                entry.breach.reference, wording.status(entry.breach.status), wording.instant(entry.breach.discoveredAt),
                wording.instant(entry.notifyBy), wording.countdown(entry, at: now), wording.channels(entry),
                wording.acknowledged(entry),
            ])
        }
        Console.out(table.render())
    }
}

/// `breach show`: one breach in full, as recorded, with its register figures.
struct BreachShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one breach as recorded, with its deadline and figures.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var signIn: StaffSignInOptions
    @Argument(help: ArgumentHelp("The breach's reference.", valueName: "reference")) var reference: String
    @Flag(help: "Print JSON instead of text.") var json = false

    func run() throws {
        let context = try storeOptions.open()
        let support = try BreachCommandSupport(context: context)
        let staff = try support.staff(signIn, for: .viewBreaches)
        let entry = try BreachRegister(context: context).entry(reference: reference, staff: staff)
        let now = context.now
        if json {
            Console.out(try Formatting.json(BreachListing(entry, now: now)))
            return
        }
        let strings = support.strings
        let wording = support.wording
        let breach = entry.breach
        func words(_ prefix: String, _ codes: [String]) -> String {
            codes.map { strings["breach.\(prefix).\($0)"] }.joined(separator: " ")
        }
        var lines: [(String, String)] = [
            (strings["register.column.reference"], breach.reference),
            (strings["register.column.status"], wording.status(breach.status)),
            (strings["register.field.version"], Formats(language: strings.language).number(breach.version)),
            (strings["register.column.discovered"], wording.instant(breach.discoveredAt)),
            (strings["register.column.notifyBy"], wording.instant(entry.notifyBy)),
            (strings["register.column.deadline"], wording.countdown(entry, at: now)),
            (strings["register.field.kind"], strings["breach.kind.\(breach.kind.rawValue)"]),
            (strings["register.field.categories"], wording.categories(breach.categories, catalogue: support.catalogue)),
            (strings["register.field.audience"], wording.audience(breach.audience, catalogue: support.catalogue)),
            (strings["register.field.consequences"], words("consequence", breach.consequences.map(\.rawValue))),
            (strings["register.field.measures"], words("measure", breach.measures.map(\.rawValue))),
            (strings["register.field.advice"], words("advice", breach.advice.map(\.rawValue))),
            (strings["register.field.contact"], breach.contact),
            (strings["register.field.recorded"], wording.instant(breach.recordedAt)),
        ]
        if !breach.details.isEmpty { lines.append((strings["register.field.details"], breach.details)) }
        if let published = breach.publishedAt {
            lines.append((strings["register.field.published"], wording.instant(published)))
        }
        if let closed = breach.closedAt { lines.append((strings["register.field.closedAt"], wording.instant(closed))) }
        lines.append((strings["register.column.notices"], wording.channels(entry)))
        lines.append((strings["register.column.acknowledged"], wording.acknowledged(entry)))
        let width = lines.map { SafeText.width($0.0) }.max() ?? 0
        for (label, value) in lines {
            let pad = String(repeating: " ", count: max(0, width - SafeText.width(label)))
            Console.out("\(label):\(pad) \(SafeText.clean(value))")
        }
    }
}

/// The JSON shape of one register entry in `breach list --json` and `breach show --json`: codes, not words.
struct BreachListing: Encodable {
    let reference: String
    let status: String
    let version: Int
    let kind: String
    let categories: [String]
    let audience: String
    let audienceCategory: String?
    let listedAccounts: Int?
    let consequences: [String]
    let measures: [String]
    let advice: [String]
    let contact: String
    let details: String
    let discoveredAt: Date
    let notifyBy: Date
    let secondsLeft: Int64?
    let overdue: Bool
    let publishedAt: Date?
    let closedAt: Date?
    let notifiedInDashboard: Int
    let mailsQueued: Int
    let mailsSent: Int
    let mailsFailed: Int
    let acknowledged: Int

    init(_ entry: BreachRegisterEntry, now: Date) {
        let breach = entry.breach
        reference = breach.reference
        status = breach.status.rawValue
        version = breach.version
        kind = breach.kind.rawValue
        categories = breach.categories
        audience = breach.audience.code
        if case .holders(let category) = breach.audience { audienceCategory = category } else { audienceCategory = nil }
        if case .list(let ids) = breach.audience { listedAccounts = ids.count } else { listedAccounts = nil }
        consequences = breach.consequences.map(\.rawValue)
        measures = breach.measures.map(\.rawValue)
        advice = breach.advice.map(\.rawValue)
        contact = breach.contact
        details = breach.details
        discoveredAt = breach.discoveredAt
        notifyBy = entry.notifyBy
        secondsLeft = entry.secondsLeft(at: now)
        overdue = entry.isOverdue(at: now)
        publishedAt = breach.publishedAt
        closedAt = breach.closedAt
        notifiedInDashboard = entry.notified
        mailsQueued = entry.mailsQueued
        mailsSent = entry.mailsSent
        mailsFailed = entry.mailsFailed
        acknowledged = entry.acknowledged
    }
}
