import Foundation
import PrivacyModel
import TerminalKit

/// One wrapped line of a category's details and how it is drawn.
struct DetailLine: Sendable, Equatable {
    /// The text (already fitted to the width).
    let text: String
    /// The style it is drawn in.
    let style: Style
}

/// A category's details as lines: what is collected, why, who receives it, how long it is kept, where it comes from.
///
/// Built from the catalogue (its texts as they are) and the category's summary; pure and cheap, so
/// both `update` (for scrolling limits) and `render` call it.
enum CategoryDetails {
    /// The lines of `summary` wrapped to `width` columns; purposes the subscriber objects to are marked.
    static func lines(
        for summary: CategorySummary, objections: [Objection] = [], width: Int, catalogue: PolicyCatalogue,
        strings: Strings, formats: Formats,
        bullet: Character
    ) -> [DetailLine] {
        guard width > 4 else { return [] }
        var lines: [DetailLine] = []
        let category = summary.category

        func paragraph(_ text: String, style: Style = .normal, indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            for line in TextWrap.lines(text, width: max(1, width - indent)) {
                lines.append(DetailLine(text: pad + line, style: style))
            }
        }
        func item(_ text: String, style: Style = .normal) {
            let wrapped = TextWrap.lines(text, width: max(1, width - 2))
            for (index, line) in wrapped.enumerated() {
                lines.append(DetailLine(text: (index == 0 ? "\(bullet) " : "  ") + line, style: style))
            }
        }
        func heading(_ key: String) {
            if !lines.isEmpty { lines.append(DetailLine(text: "", style: .normal)) }
            paragraph(strings[key], style: .heading)
        }

        paragraph(category.summary)
        if summary.isRestricted { paragraph(strings["mydata.details.restricted"], style: .warning) }

        heading("mydata.details.collected")
        for entry in category.collected { item(entry) }

        heading("mydata.details.purposes")
        for id in category.purposes {
            guard let purpose = catalogue.purpose(id) else { continue }
            let basis = catalogue.legalBasis(purpose.legalBasis)?.name ?? purpose.legalBasis
            if let objection = objections.first(where: { $0.purposeId == id }) {
                item(
                    strings(
                        "mydata.details.purposeObjected",
                        ["purpose": purpose.name, "basis": basis, "date": formats.date(objection.objectedAt)]),
                    style: .warning)
            } else {
                item(strings("mydata.details.purposeLine", ["purpose": purpose.name, "basis": basis]))
            }
        }

        heading("mydata.details.recipients")
        for id in category.recipients {
            guard let recipient = catalogue.recipient(id) else { continue }
            var text = recipient.name
            if recipient.anonymisedOnly == true { text += " " + strings["mydata.details.anonymisedOnly"] }
            if recipient.kind == "when-required" { text += " " + strings["mydata.details.whenRequired"] }
            item(text)
        }

        heading("mydata.details.retention")
        for set in category.recordSets {
            let held = summary.sets.first { $0.id == set.id }
            item(strings("mydata.details.retentionLine", ["set": set.name, "rule": set.retention.summary]))
            // A rule of the service's own already says so in its summary (the catalogue tests hold it to that).
            if set.retention.origin == "policy" {
                paragraph(strings["mydata.details.origin.policy"], style: .muted, indent: 2)
            }
            if let held {
                paragraph(holding(held, strings: strings, formats: formats), style: .muted, indent: 2)
                if let next = held.nextDeletion {
                    paragraph(
                        strings("mydata.details.nextDeletion", ["date": formats.date(next)]), style: .normal, indent: 2)
                } else if held.count > 0 {
                    paragraph(strings["mydata.details.noDeletionDue"], style: .muted, indent: 2)
                }
                if held.heldCount > 0 {
                    paragraph(
                        strings.plural("mydata.details.held", count: held.heldCount), style: .warning, indent: 2)
                }
            }
            if let hold = set.retention.legalHold {
                let basis = catalogue.legalBasis(hold)?.name ?? hold
                paragraph(strings("mydata.details.legalHold", ["basis": basis]), style: .muted, indent: 2)
            }
        }

        heading("mydata.details.source")
        paragraph(strings["mydata.details.source.\(category.source.rawValue)"])

        if let profiling = category.profiling {
            heading("mydata.details.profiling")
            paragraph(profiling)
        }
        return lines
    }

    /// "1,234 records, 2024-12-05 to 2026-11-29" or "Nothing held".
    private static func holding(_ set: RecordSetSummary, strings: Strings, formats: Formats) -> String {
        guard set.count > 0, let oldest = set.oldest, let newest = set.newest else {
            return strings["mydata.details.nothingHeld"]
        }
        return strings.plural(
            "mydata.details.holding", count: set.count,
            ["oldest": formats.date(oldest), "newest": formats.date(newest)])
    }
}
