import PrivacyModel
import TerminalKit

/// The policy as lines for a given width: "Our promises" from the catalogue's deadlines, then each section.
///
/// Built from the catalogue and strings only, so `update` (for scrolling limits) and `render` get the same lines.
@MainActor
struct PolicyDocument {
    /// One line of text with its style and the part it belongs to (0 = promises, then one per section).
    struct Line {
        let text: String
        let style: Style
        let part: Int
        let isHeading: Bool
    }

    /// The headings of the parts, in order, for the section list.
    let headings: [String]
    /// The lines at the width asked for.
    let lines: [Line]

    /// Lays the policy out at `width` columns.
    init(session: Session, width: Int, bullet: Character) {
        let strings = session.strings
        let catalogue = session.catalogue
        let deadlines = catalogue.deadlines
        let promises = [
            strings("policy.promise.receipt", ["hours": String(deadlines.receiptHours)]),
            strings("policy.promise.response", ["days": String(deadlines.responseDays)]),
            strings("policy.promise.extension", ["days": String(deadlines.maxExtensionDays)]),
            strings("policy.promise.breach", ["hours": String(deadlines.breachNoticeHours)]),
            strings("policy.promise.changes", ["days": String(deadlines.policyChangeNoticeDays)]),
            strings("policy.promise.age", ["age": String(catalogue.minimumAge)]),
            strings("policy.promise.purge", ["days": String(deadlines.accountPurgeDays)]),
        ]
        var headings = [strings["policy.promises.title"]]
        var lines: [Line] = [Line(text: headings[0], style: .heading, part: 0, isHeading: true)]
        let textWidth = max(1, width - 2)
        for promise in promises {
            for (index, piece) in TextWrap.lines(promise, width: textWidth).enumerated() {
                lines.append(
                    Line(text: (index == 0 ? "\(bullet) " : "  ") + piece, style: .normal, part: 0, isHeading: false))
            }
        }
        for (offset, section) in catalogue.sections.enumerated() {
            let part = offset + 1
            lines.append(Line(text: "", style: .normal, part: part - 1, isHeading: false))
            headings.append(section.title)
            lines.append(Line(text: section.title, style: .heading, part: part, isHeading: true))
            for piece in TextWrap.lines(section.summary, width: max(1, width)) {
                lines.append(Line(text: piece, style: .normal, part: part, isHeading: false))
            }
        }
        self.headings = headings
        self.lines = lines
    }

    /// The largest scroll offset that still fills `visible` rows.
    func maxOffset(visible: Int) -> Int { max(0, lines.count - max(1, visible)) }

    /// The line index of each part's heading.
    var headingRows: [Int] { lines.indices.filter { lines[$0].isHeading } }

    /// The part shown at the top of a window starting at `offset`.
    func part(at offset: Int) -> Int {
        guard lines.indices.contains(offset) else { return max(0, headings.count - 1) }
        return lines[offset].part
    }
}
