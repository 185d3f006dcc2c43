extension Strings {
    /// The access report's words in one language over English; a language not shipped (or an unreadable
    /// table) reads as English.
    static func reportWords(language: String) -> Strings {
        let shipped = DisplayLanguage(code: language)?.rawValue ?? "en"
        return (try? Strings.bundled(language: shipped)) ?? Strings(language: shipped, table: [:])
    }

    /// A column name in plain words ("durationSeconds" → "duration (seconds)").
    func column(_ name: String) -> String { optional("report.column.\(name)") ?? name }

    /// A retention period in a few words, as `RetentionRule.brief` says it in English.
    func brief(_ rule: RetentionRule, purgeDays: Int, formats: Formats) -> String {
        switch rule.kind {
        case .accountLifetime: return self("report.brief.whileOpen", ["days": formats.number(purgeDays)])
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
