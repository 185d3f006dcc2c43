public import Foundation

/// Builds a message from an outbox row's kind and parameters in the row's language, from the `mail.<kind>.*`
/// string keys (breach notices reuse the `breach.*` wording). Only what the row carries goes in: a reference,
/// dates, codes turned into words; never an export or a password.
public struct MailComposer: Sendable {
    /// A composer using the shipped strings.
    public init() {}

    /// The message for one outbox row.
    public func message(
        from: MailAddress, to: MailAddress, language: String, kind: String, paramsJSON: String, date: Date
    ) throws(MailError) -> MailMessage {
        guard let kindValue = MailKind(rawValue: kind),
            let params = try? JSONDecoder().decode([String: String].self, from: Data(paramsJSON.utf8))
        else { throw MailError.badParameters }
        let strings =
            (try? Strings.bundled(language: language)) ?? Strings.english
        let (subject, body) = compose(kindValue, params: params, strings: strings)
        return try MailMessage(from: from, to: to, subject: subject, body: body, date: date)
    }

    /// The subject and body of a message of `kind` with `params` in `strings`' language.
    public func compose(_ kind: MailKind, params: [String: String], strings: Strings) -> (String, String) {
        let prefix = "mail.\(kind.rawValue)"
        var text = strings["\(prefix).body"]
        for (name, value) in params { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        var subject = strings["\(prefix).subject"]
        for (name, value) in params { subject = subject.replacingOccurrences(of: "{\(name)}", with: value) }
        if kind == .breachNotice { text = breachBody(params, strings: strings) }
        if kind == .policyChange { text = policyBody(text, params, strings: strings) }
        return (subject, text + "\n\n" + strings["mail.footer"])
    }

    /// The policy change notice: the approver's summary in the reader's language (English when there is none),
    /// and for a material change the ways to act before it applies.
    private func policyBody(_ text: String, _ params: [String: String], strings: Strings) -> String {
        var lines = [text]
        let summary = params["summary.\(strings.language)"] ?? params["summary.en"] ?? ""
        if !summary.isEmpty { lines += ["", strings["mail.policy-change.summary"], summary] }
        if params["material"] == "true" { lines += ["", strings["mail.policy-change.material"]] }
        return lines.joined(separator: "\n")
    }

    /// The breach notice with the same five headings and words as the dashboard's notice (`breach.*`), the
    /// subscriber's categories by their catalogue names in `strings`' language.
    private func breachBody(_ params: [String: String], strings: Strings) -> String {
        let catalogue = (try? CatalogueLoader.bundled(language: strings.language)) ?? (try? CatalogueLoader.bundled())
        func codes(_ key: String) -> [String] { (params[key] ?? "").split(separator: ",").map(String.init) }
        func bullets(_ key: String, _ prefix: String) -> [String] {
            codes(key).map { "- " + (strings.optional("\(prefix).\($0)") ?? $0) }
        }
        func names(_ key: String) -> String {
            let ids = codes(key)
            guard !ids.isEmpty else { return strings["breach.involved.none"] }
            return ids.map { catalogue?.category($0)?.name ?? $0 }.joined(separator: ", ")
        }
        let reference = params["reference"] ?? ""
        var lines = [
            strings("mail.breach-notice.intro", ["reference": reference, "discovered": params["discovered"] ?? ""]),
            "", strings["breach.heading.whatHappened"],
            strings.optional("breach.kind.\(params["kind"] ?? "")") ?? "",
        ]
        if let details = params["details"], !details.isEmpty {
            lines += [strings["breach.details"], details]
        }
        lines += bullets("consequences", "breach.consequence")
        lines += [
            "", strings["breach.heading.information"],
            strings["breach.involved.yours"] + " " + names("involved"),
            strings["breach.involved.notYours"] + " " + names("notInvolved"),
            "", strings["breach.heading.measures"],
        ]
        lines += bullets("measures", "breach.measure")
        lines += ["", strings["breach.heading.advice"]]
        lines += bullets("advice", "breach.advice")
        lines += [
            "", strings["breach.heading.contact"],
            params["contact"] ?? "",
            strings("breach.reference", ["reference": reference]),
        ]
        return lines.joined(separator: "\n")
    }
}
