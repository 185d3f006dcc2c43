public import Foundation

/// The breach register's figures in words (status, the 72-hour countdown or OVERDUE, notices by channel), so the
/// command line and the staff console say the same thing from the same string table.
public struct BreachRegisterWording: Sendable {
    /// The strings the words come from.
    public let strings: Strings
    /// Dates and numbers in the strings' language.
    public let formats: Formats

    /// Words in the language of `strings`.
    public init(strings: Strings) {
        self.strings = strings
        self.formats = Formats(language: strings.language)
    }

    /// "draft", "published" or "closed".
    public func status(_ status: BreachStatus) -> String { strings["register.status.\(status.rawValue)"] }

    /// The deadline as it stands: "71 h 12 min left" while unpublished and in time, "OVERDUE" once passed
    /// unpublished, "told in time" or "told late (OVERDUE)" once published.
    public func countdown(_ entry: BreachRegisterEntry, at now: Date) -> String {
        if entry.breach.publishedAt != nil {
            return strings[entry.isOverdue(at: now) ? "register.deadline.late" : "register.deadline.met"]
        }
        guard let left = entry.secondsLeft(at: now), left >= 0 else { return strings["register.deadline.overdue"] }
        return strings("register.deadline.left", ["time": formats.hoursMinutes(seconds: Int(left))])
    }

    /// Notices by channel: "dashboard 3 · email 3 (1 waiting, 2 sent, 0 failed)".
    public func channels(_ entry: BreachRegisterEntry) -> String {
        let waiting = max(0, entry.mailsQueued - entry.mailsSent - entry.mailsFailed)
        return strings(
            "register.channels",
            [
                "dashboard": formats.number(entry.notified), "email": formats.number(entry.mailsQueued),
                "waiting": formats.number(waiting), "sent": formats.number(entry.mailsSent),
                "failed": formats.number(entry.mailsFailed),
            ])
    }

    /// "12 of 40 acknowledged".
    public func acknowledged(_ entry: BreachRegisterEntry) -> String {
        strings(
            "register.acknowledged",
            ["count": formats.number(entry.acknowledged), "notified": formats.number(entry.notified)])
    }

    /// Who is affected: "everyone", "holders of Payment", "3 listed accounts" (category name from `catalogue`).
    public func audience(_ audience: BreachAudience, catalogue: PolicyCatalogue) -> String {
        switch audience {
        case .everyone: return strings["register.audience.everyone"]
        case .holders(let id):
            return strings("register.audience.holders", ["category": catalogue.category(id)?.name ?? id])
        case .list(let ids): return strings.plural("register.audience.list", count: ids.count)
        }
    }

    /// The category names, in catalogue order of the breach, joined by commas.
    public func categories(_ ids: [String], catalogue: PolicyCatalogue) -> String {
        ids.map { catalogue.category($0)?.name ?? $0 }.joined(separator: ", ")
    }

    /// A date and time in the strings' language, with "UTC".
    public func instant(_ date: Date) -> String { formats.dateTime(date) + " UTC" }
}
