public import Foundation

/// How long records of one set are kept, and from which instant the period runs.
public struct RetentionRule: Codable, Sendable, Equatable {
    /// "fixed" (a period from an anchor) or "account-lifetime" (while open, then the purge delay).
    public let rule: String
    /// Whole years in the period.
    public let years: Int?
    /// Whole months in the period.
    public let months: Int?
    /// Whole days in the period.
    public let days: Int?
    /// "record" (when the record was made) or "last-seen" (its latest activity).
    public let anchor: String?
    /// "policy" when the policy states the period, "service" when the service set it.
    public let origin: String
    /// The legal basis that forbids earlier erasure, if any.
    public let legalHold: String?
    /// True when a record may be held past its period for a security investigation.
    public let securityHold: Bool?
    /// The rule in plain words.
    public let summary: String

    /// Rule kinds the model understands.
    public enum Kind: String, Sendable {
        /// A fixed period counted from the record's anchor.
        case fixed
        /// Kept while the account is open, then for the purge delay.
        case accountLifetime = "account-lifetime"
    }

    /// The rule's kind, nil when the catalogue names an unknown one.
    public var kind: Kind? { Kind(rawValue: rule) }

    /// The period as calendar components (nil for account-lifetime rules).
    public var period: DateComponents? {
        guard kind == .fixed else { return nil }
        return DateComponents(year: years, month: months, day: days)
    }

    /// The day a record anchored at `anchor` falls due for deletion, in the UTC calendar.
    ///
    /// A period in years or months that lands on a day the month lacks (29 February) falls on
    /// the month's last day, so a record is never kept longer than its period.
    public func dueDate(anchoredAt anchor: Date) -> Date? {
        guard let period else { return nil }
        return UTCCalendar.calendar.date(byAdding: period, to: anchor)
    }

    /// The latest anchor whose record is due at `instant`: records anchored at or before it are due.
    public func dueCutoff(at instant: Date) -> Date? {
        guard let period else { return nil }
        let negated = DateComponents(
            year: period.year.map { -$0 }, month: period.month.map { -$0 }, day: period.day.map { -$0 })
        guard var cutoff = UTCCalendar.calendar.date(byAdding: negated, to: instant) else { return nil }
        // Going back from 28 Feb by a year reaches 28 Feb, yet a record of 29 Feb is due then too.
        while let next = dueDate(anchoredAt: cutoff.addingTimeInterval(86_400)), next <= instant {
            cutoff = cutoff.addingTimeInterval(86_400)
        }
        return cutoff
    }
}

extension RetentionRule {
    /// The period in a few words for tables ("2 years", "90 days, longer if held", "while open + 30 days").
    public func brief(purgeDays: Int) -> String {
        switch kind {
        case .accountLifetime: return "while open + \(purgeDays) days"
        case .fixed:
            let amount: String
            if let years {
                amount = years == 1 ? "1 year" : "\(years) years"
            } else if let months {
                amount = months == 1 ? "1 month" : "\(months) months"
            } else {
                amount = (days ?? 0) == 1 ? "1 day" : "\(days ?? 0) days"
            }
            let anchorText = anchor == "last-seen" ? " after last use" : ""
            return amount + anchorText + (securityHold == true ? ", longer if held" : "")
        case nil: return rule
        }
    }
}
