import ArgumentParser
import Foundation
import PrivacyModel

/// The options that fill a breach draft. `breach record` needs the required ones; `breach update` starts from the
/// recorded breach and changes only what is given.
struct BreachDraftOptions: ParsableArguments {
    @Option(help: ArgumentHelp("When the service became aware of it (UTC).", valueName: "YYYY-MM-DD HH:MM"))
    var discovered: String?
    @Option(
        help: ArgumentHelp(
            "What happened: \(BreachKind.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "code"))
    var kind: String?
    @Option(help: ArgumentHelp("The data categories involved (catalogue ids), comma-separated.", valueName: "ids"))
    var categories: String?
    @Option(
        help: ArgumentHelp(
            "Who is affected: all, holders:CATEGORY (accounts holding data of it), or list:FILE (one email or "
                + "username a line).",
            valueName: "audience"))
    var audience: String?
    @Option(
        help: ArgumentHelp(
            "Likely consequences: \(BreachConsequence.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "codes"))
    var consequences: String?
    @Option(
        help: ArgumentHelp(
            "What the service is doing: \(BreachMeasure.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "codes"))
    var measures: String?
    @Option(
        help: ArgumentHelp(
            "What subscribers can do: \(BreachAdvice.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "codes"))
    var advice: String?
    @Option(help: ArgumentHelp("Where to ask: an email address or a phone number.", valueName: "text"))
    var contact: String?
    @Option(
        help: ArgumentHelp(
            "Extra facts in your own words, shown as written, from a file (- reads standard input).",
            valueName: "file"))
    var details: String?

    /// A new draft; a missing required option is a usage error naming it.
    func newDraft(_ context: PrivacyContext) throws -> BreachDraft {
        func required(_ value: String?, _ name: String) throws -> String {
            guard let value else { throw CommandFailure.usage("breach record needs --\(name)") }
            return value
        }
        return BreachDraft(
            kind: try Self.kind(try required(kind, "kind")),
            details: try details.map(BreachTextInput.read) ?? "",
            discoveredAt: try Self.instant(try required(discovered, "discovered")),
            categories: Self.list(try required(categories, "categories")),
            audience: try Self.audience(try required(audience, "audience"), context),
            consequences: try Self.codes(consequences ?? "", as: BreachConsequence.self, "consequence"),
            measures: try Self.codes(try required(measures, "measures"), as: BreachMeasure.self, "measure"),
            advice: try Self.codes(try required(advice, "advice"), as: BreachAdvice.self, "advice"),
            contact: try required(contact, "contact"))
    }

    /// `breach` with the given options changed.
    func changed(_ breach: Breach, _ context: PrivacyContext) throws -> BreachDraft {
        var draft = BreachDraft(breach)
        if let kind { draft.kind = try Self.kind(kind) }
        if let details { draft.details = try BreachTextInput.read(details) }
        if let discovered { draft.discoveredAt = try Self.instant(discovered) }
        if let categories { draft.categories = Self.list(categories) }
        if let audience { draft.audience = try Self.audience(audience, context) }
        if let consequences {
            draft.consequences = try Self.codes(consequences, as: BreachConsequence.self, "consequence")
        }
        if let measures { draft.measures = try Self.codes(measures, as: BreachMeasure.self, "measure") }
        if let advice { draft.advice = try Self.codes(advice, as: BreachAdvice.self, "advice") }
        if let contact { draft.contact = contact }
        return draft
    }

    /// "2026-12-01 09:30" (or with a T) as an instant in UTC.
    static func instant(_ text: String) throws -> Date {
        guard let date = BreachDraftText.instant(text) else {
            throw CommandFailure.usage("--discovered must be YYYY-MM-DD HH:MM in UTC (got \"\(text)\")")
        }
        return date
    }

    private static func list(_ text: String) -> [String] { BreachDraftText.list(text) }

    private static func kind(_ text: String) throws -> BreachKind {
        let kinds = try codes(text, as: BreachKind.self, "kind")
        guard kinds.count == 1, let kind = kinds.first else {
            throw CommandFailure.usage("--kind needs one of \(BreachDraftText.names(BreachKind.self))")
        }
        return kind
    }

    private static func codes<T: CaseIterable & RawRepresentable>(_ text: String, as _: T.Type, _ what: String) throws
        -> [T] where T.RawValue == String
    {
        let (codes, unknown) = BreachDraftText.codes(text, as: T.self)
        if let unknown {
            throw CommandFailure.usage("unknown \(what) \"\(unknown)\"; one of \(BreachDraftText.names(T.self))")
        }
        return codes
    }

    /// all, holders:CATEGORY or list:FILE (emails or usernames, one a line; # starts a comment).
    private static func audience(_ text: String, _ context: PrivacyContext) throws -> BreachAudience {
        if text == "all" { return .everyone }
        if text.hasPrefix("holders:") { return .holders(category: String(text.dropFirst("holders:".count))) }
        guard text.hasPrefix("list:") else {
            throw CommandFailure.usage("--audience must be all, holders:CATEGORY or list:FILE (got \"\(text)\")")
        }
        let lines = try BreachTextInput.read(String(text.dropFirst("list:".count))).split(separator: "\n")
        let service = AccountService(context: context)
        var ids: [Int64] = []
        for line in lines {
            let who = line.trimmingCharacters(in: .whitespaces)
            if who.isEmpty || who.hasPrefix("#") { continue }
            guard let account = try service.find(who) else { throw BreachError.unknownAccount(who) }
            ids.append(account.id)
        }
        return .list(ids)
    }
}
