import PrivacyModel
import TerminalKit

/// A breach notice in the reader's words: the five headings, which of their own data categories were involved
/// and which were not (catalogue names in their language), and the approver's details shown as written, made
/// visible first so no control character reaches the terminal.
@MainActor
enum BreachNoticeText {
    /// The notice as wrapped lines, each with its style, `width` columns wide.
    static func lines(_ notice: BreachNotice, session: Session, width: Int) -> [(text: String, style: Style)] {
        let strings = session.strings
        let breach = notice.breach
        var lines: [(text: String, style: Style)] = []
        func add(_ text: String, _ style: Style = .normal, indent: Int = 0) {
            let pad = String(repeating: " ", count: indent)
            for line in TextWrap.lines(text, width: max(1, width - indent)) { lines.append((pad + line, style)) }
        }
        func heading(_ key: String) {
            lines.append(("", .normal))
            add(strings[key], .heading)
        }
        func names(_ ids: [String]) -> String {
            ids.isEmpty
                ? strings["breach.involved.none"]
                : ids.map { session.catalogue.category($0)?.name ?? $0 }.joined(separator: ", ")
        }
        add(strings("notices.title", ["reference": breach.reference]), .title)
        add(strings("breach.discovered", ["day": session.formats.date(breach.discoveredAt)]), .muted)
        if notice.version > 1 {
            add(strings("notices.updated", ["version": session.formats.number(notice.version)]), .warning)
        }
        heading("breach.heading.whatHappened")
        add(strings["breach.kind.\(breach.kind.rawValue)"])
        if !breach.details.isEmpty {
            add(strings["breach.details"], .muted)
            add(TextSanitizer.visible(breach.details), indent: 2)
        }
        if !breach.consequences.isEmpty {
            add(strings["notices.consequences"], .muted)
            for code in breach.consequences { add("• " + strings["breach.consequence.\(code.rawValue)"], indent: 2) }
        }
        heading("breach.heading.information")
        add(strings["breach.involved.yours"] + " " + names(notice.involved), .danger)
        add(strings["breach.involved.notYours"] + " " + names(notice.notInvolved))
        heading("breach.heading.measures")
        for code in breach.measures { add("• " + strings["breach.measure.\(code.rawValue)"], indent: 2) }
        heading("breach.heading.advice")
        for code in breach.advice { add("• " + strings["breach.advice.\(code.rawValue)"], indent: 2) }
        heading("breach.heading.contact")
        add(TextSanitizer.visible(breach.contact))
        add(strings("breach.reference", ["reference": breach.reference]), .muted)
        return lines
    }
}
