import Foundation
import PrivacyResources

/// The access report's words in one language: `Resources/strings/<language>/report.json` over English.
struct ReportWords: Sendable {
    /// The language code ("en", "de", "fr").
    let language: String
    private let table: [String: String]

    /// Loads the report's words; a language without them (or an unreadable table) reads as English.
    init(language: String) {
        let shipped = DisplayLanguage(code: language)?.rawValue ?? "en"
        self.language = shipped
        let loaded = try? StringTables.tableWithFallback(language: shipped)
        table = loaded ?? (try? StringTables.table(language: "en")) ?? [:]
    }

    /// The text for a key with `{name}` placeholders filled; the key itself when the table lacks it.
    func callAsFunction(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        var text = table[key] ?? key
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// The text for a key when the table has it.
    func optional(_ key: String) -> String? { table[key] }

    /// A count with the plural form of `key` (`key.one` / `key.other`) and its digits grouped.
    func plural(_ key: String, count: Int, _ values: KeyValuePairs<String, String> = [:]) -> String {
        let isOne = language == "fr" ? (count == 0 || count == 1) : count == 1
        return self(isOne ? "\(key).one" : "\(key).other", values)
            .replacingOccurrences(of: "{count}", with: number(count))
    }

    /// A whole number with the language's grouping: 1,826 / 1.826 / 1 826 (a no-break space).
    func number(_ value: Int) -> String {
        let separator: Character
        switch language {
        case "de": separator = "."
        case "fr": separator = "\u{00A0}"
        default: separator = ","
        }
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(separator) }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// Stored messages in these words, catalogue texts from `catalogue` (already in this language).
    func wording(catalogue: PolicyCatalogue) -> MessageWording {
        let texts = catalogue.texts
        return MessageWording(lookup: optional, number: number, catalogue: { texts[$0] })
    }

    /// A column name in plain words ("durationSeconds" → "duration (seconds)").
    func column(_ name: String) -> String { optional("report.column.\(name)") ?? name }

    /// A retention period in a few words, as `RetentionRule.brief` says it in English.
    func brief(_ rule: RetentionRule, purgeDays: Int) -> String {
        switch rule.kind {
        case .accountLifetime: return self("report.brief.whileOpen", ["days": number(purgeDays)])
        case .fixed:
            var period: String
            if let years = rule.years {
                period = plural("report.brief.years", count: years)
            } else if let months = rule.months {
                period = plural("report.brief.months", count: months)
            } else {
                period = plural("report.brief.days", count: rule.days ?? 0)
            }
            if rule.anchor == "last-seen" { period = self("report.brief.afterLastUse", ["period": period]) }
            if rule.securityHold == true { period = self("report.brief.longerIfHeld", ["period": period]) }
            return period
        case nil: return rule.rule
        }
    }
}
