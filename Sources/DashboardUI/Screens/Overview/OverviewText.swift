import Foundation
import PrivacyModel
import TerminalKit

/// Turns the overview snapshot into words: alert sentences, table cells and preference lines.
@MainActor
enum OverviewText {
    /// An alert's sentence and how it reads.
    static func alert(_ alert: OverviewSnapshot.Alert, session: Session) -> (text: String, kind: Flash.Kind) {
        let strings = session.strings
        switch alert {
        case .policy(let current, let acknowledged):
            return acknowledged == nil
                ? (strings("overview.alert.policyNever", ["version": current]), .warning)
                : (strings("overview.alert.policyNew", ["version": current]), .warning)
        case .brokenChain(let problem):
            return (strings("overview.alert.chain", ["problem": problem]), .danger)
        case .overdue(let references):
            return (
                strings.plural(
                    "overview.alert.overdue", count: references.count,
                    ["references": references.joined(separator: ", ")]
                ), .danger
            )
        case .receiptOverdue(let references):
            return (
                strings.plural(
                    "overview.alert.receiptOverdue", count: references.count,
                    [
                        "references": references.joined(separator: ", "),
                        "hours": String(session.catalogue.deadlines.receiptHours),
                    ]), .danger
            )
        case .deletionPending(let date):
            return date.map { (strings("overview.alert.deletion", ["date": session.formats.date($0)]), .danger) }
                ?? (strings["overview.alert.deletionUndated"], .danger)
        case .policyChange(let summary, let effective, let days):
            return (
                strings.plural(
                    "overview.alert.policyChange", count: days,
                    ["date": session.formats.date(effective), "summary": TextSanitizer.visible(summary)]), .warning
            )
        case .retentionOverdue(let category, let days):
            return (strings.plural("overview.alert.retentionOverdue", count: days, ["category": category]), .danger)
        case .breach(let references):
            let key = KeyHints.name(of: .openNotices, contexts: [.overview], strings: strings, glyphs: .unicode)
            return (
                strings.plural(
                    "notices.alert", count: references.count,
                    [
                        "references": references.joined(separator: ", "),
                        "key": key,
                    ]), .danger
            )
        }
    }

    /// The cells of a category row: name, records, from, to, next deletion (empty ones left blank).
    static func cells(_ row: OverviewSnapshot.CategoryRow, session: Session) -> [String] {
        let formats = session.formats
        let strings = session.strings
        guard row.count > 0 else { return [row.name, formats.number(0), "", "", ""] }
        let next: String
        if let date = row.nextDeletion {
            next = formats.date(date)
        } else if row.heldCount > 0 {
            next = strings["overview.data.onHold"]
        } else if row.keptWhileOpen {
            next = strings["overview.data.whenClosed"]
        } else {
            next = strings["overview.data.noDate"]
        }
        return [
            row.name, formats.number(row.count), row.oldest.map(formats.date) ?? "", row.newest.map(formats.date) ?? "",
            next,
        ]
    }

    /// The cells of a request row: reference, type, status, due date, days left.
    static func cells(_ row: OverviewSnapshot.RequestRow, session: Session) -> [String] {
        let strings = session.strings
        var status = strings["overview.status.\(row.status.rawValue)"]
        if row.isReceiptOverdue {
            status = strings["overview.request.receiptOverdue"]
        } else if row.isExtended {
            status = strings("overview.request.extended", ["status": status])
        }
        let days: String
        if row.isOverdue {
            days = strings.plural("overview.request.overdue", count: max(1, -row.daysLeft))
        } else if row.daysLeft == 0 {
            days = strings["overview.request.dueToday"]
        } else {
            days = strings.plural("overview.request.daysLeft", count: row.daysLeft)
        }
        return [row.reference, row.typeName, status, session.formats.date(row.due), days]
    }

    /// A preference group's summary after its name: "2 of 3 on: A, B · 3 always on".
    static func summary(_ group: OverviewSnapshot.PreferenceGroupLine, session: Session, separator: String) -> String {
        let strings = session.strings
        let count = strings(
            "overview.prefs.count",
            [
                "on": session.formats.number(group.optionalOn.count),
                "total": session.formats.number(group.optionalCount),
            ])
        var parts = [
            group.optionalOn.isEmpty
                ? count
                : strings("overview.prefs.onList", ["count": count, "names": group.optionalOn.joined(separator: ", ")])
        ]
        if group.lockedCount > 0 { parts.append(strings.plural("overview.prefs.locked", count: group.lockedCount)) }
        return parts.joined(separator: separator)
    }
}
