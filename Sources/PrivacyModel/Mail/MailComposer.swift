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
        return (subject, text + "\n\n" + strings["mail.footer"])
    }

    private func breachBody(_ params: [String: String], strings: Strings) -> String {
        func list(_ key: String, _ prefix: String) -> String {
            let codes = (params[key] ?? "").split(separator: ",").map(String.init)
            guard !codes.isEmpty else { return "- " + strings["mail.breach-notice.none"] }
            return codes.map { "- " + (strings.optional("\(prefix).\($0)") ?? $0) }.joined(separator: "\n")
        }
        let reference = params["reference"] ?? ""
        let discovered = params["discovered"] ?? ""
        return [
            strings("mail.breach-notice.intro", ["reference": reference, "discovered": discovered]),
            "",
            strings["mail.breach-notice.heading.whatHappened"],
            strings.optional("breach.kind.\(params["kind"] ?? "")") ?? "",
            "",
            strings["mail.breach-notice.heading.information"],
            strings["mail.breach-notice.involved"],
            list("involved", "category"),
            strings["mail.breach-notice.notInvolved"],
            list("notInvolved", "category"),
            "",
            strings["mail.breach-notice.heading.measures"],
            list("measures", "breach.measure"),
            "",
            strings["mail.breach-notice.heading.advice"],
            list("advice", "breach.advice"),
            "",
            strings["mail.breach-notice.heading.contact"],
            strings("mail.breach-notice.contact", ["contact": params["contact"] ?? ""]),
        ].joined(separator: "\n")
    }
}
