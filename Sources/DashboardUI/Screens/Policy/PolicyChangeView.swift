import Foundation
import PrivacyModel
import TerminalKit

/// A published policy version the subscriber has not acknowledged, with what it changes against the version
/// before it, in the reader's language: loaded once when the Policy screen is shown, laid out per width.
@MainActor
struct PolicyChangeView {
    /// The version on show.
    let version: PolicyVersion
    /// The changes from the version before it, as `PolicyDiff` codes.
    let changes: [PolicyChange]
    /// The version before it, with its texts in the reader's language (names of what was removed).
    let before: PolicyCatalogue
    /// The version itself, with its texts in the reader's language (names of what was added or changed).
    let after: PolicyCatalogue
    /// How many more versions wait after this one.
    let waitingAfter: Int

    /// Loads the oldest of `pending` with its changes against the version preceding it in `history`.
    static func load(
        pending: [PolicyVersion], history: [PolicyVersion], session: Session
    ) throws -> PolicyChangeView? {
        guard let version = pending.first,
            let index = history.firstIndex(where: { $0.version == version.version }), index > 0
        else { return nil }
        let service = PolicyVersionService(context: session.context)
        let language = session.strings.language
        let store = session.context.store
        func localized(_ name: String) throws -> PolicyCatalogue {
            try service.catalogue(version: name).localized(
                PolicyTexts.texts(store: store, version: name, language: language))
        }
        let before = try localized(history[index - 1].version)
        let after = try localized(version.version)
        return PolicyChangeView(
            version: version, changes: PolicyDiff.changes(from: before, to: after), before: before, after: after,
            waitingAfter: pending.count - 1)
    }

    /// The view as styled lines `width` columns wide: title, dates and days left, the summary, the changes
    /// section by section, and the keys to act before it applies.
    func lines(width: Int, session: Session, bullet: Character, glyphs: Glyphs) -> [PolicyDocument.Line] {
        let strings = session.strings
        let formats = session.formats
        var lines: [PolicyDocument.Line] = []
        func add(_ text: String, _ style: Style = .normal, indent: String = "", first: String? = nil) {
            let pieces = TextWrap.lines(text, width: max(1, width - TextWidth.columns(of: indent)))
            for (index, piece) in pieces.enumerated() {
                let lead = index == 0 ? (first ?? indent) : indent
                lines.append(PolicyDocument.Line(text: lead + piece, style: style, part: 0, isHeading: false))
            }
        }
        func heading(_ text: String) {
            lines.append(PolicyDocument.Line(text: "", style: .normal, part: 0, isHeading: false))
            lines.append(PolicyDocument.Line(text: text, style: .heading, part: 0, isHeading: true))
        }
        let daysLeft = version.effectiveDay.map { PolicyVersionRules.daysLeft(until: $0, now: session.now) } ?? 0
        let effective = version.effectiveDay.map(formats.date) ?? version.effectiveDate
        let revised = version.publishedAt.map(formats.date) ?? effective
        add(strings("policy.change.title", ["version": version.version]), .title)
        add(strings("policy.change.dates", ["revised": revised, "effective": effective]))
        if daysLeft > 0 {
            add(strings.plural("policy.change.daysLeft", count: daysLeft, ["date": effective]), .warning)
        } else if daysLeft == 0 {
            add(strings["policy.change.appliesToday"], .warning)
        } else {
            add(strings("policy.change.applied", ["date": effective]), .warning)
        }
        let noticeDays = session.catalogue.deadlines.policyChangeNoticeDays
        add(
            version.material
                ? strings("policy.change.material", ["days": String(noticeDays)]) : strings["policy.change.minor"])
        heading(strings["policy.change.summary.title"])
        add(TextSanitizer.visible(version.summary(in: strings.language)))
        heading(strings["policy.change.sections.title"])
        if changes.isEmpty { add(strings["policy.change.none"], .muted) }
        for change in changes {
            add(text(of: change, strings: strings), indent: "  ", first: "\(bullet) ")
        }
        heading(strings[daysLeft > 0 ? "policy.change.act.before" : "policy.change.act.now"])
        let keys: [(Action, String)] = [
            (.objectToPurpose, "policy.change.act.object"), (.deleteAccount, "policy.change.act.delete"),
            (.acknowledgePolicy, "policy.change.act.acknowledge"),
        ]
        for (action, key) in keys {
            let name = KeyHints.name(of: action, contexts: [.policy], strings: strings, glyphs: glyphs)
            add(strings(key, ["key": name]), indent: "  ", first: "\(bullet) ")
        }
        if waitingAfter > 0 {
            lines.append(PolicyDocument.Line(text: "", style: .normal, part: 0, isHeading: false))
            add(strings.plural("policy.change.waiting", count: waitingAfter), .muted)
        }
        return lines
    }

    /// One change in words, naming the category or section in the reader's language.
    func text(of change: PolicyChange, strings: Strings) -> String {
        let key = "policy.change.\(Self.wordKey(change.kind))"
        switch change.kind {
        case .categoryAdded:
            return strings(key, ["category": after.category(change.id)?.name ?? change.id])
        case .purposesChanged:
            let category = after.category(change.id)
            let names = (category?.purposes ?? []).map { after.purpose($0)?.name ?? $0 }
            return strings(
                key,
                [
                    "category": category?.name ?? change.id,
                    "purposes": names.isEmpty ? strings["policy.change.nothing"] : names.joined(separator: ", "),
                ])
        case .recipientsChanged:
            let category = after.category(change.id)
            let names = (category?.recipients ?? []).map { id in after.recipients.first { $0.id == id }?.name ?? id }
            return strings(
                key,
                [
                    "category": category?.name ?? change.id,
                    "recipients": names.isEmpty ? strings["policy.change.nobody"] : names.joined(separator: ", "),
                ])
        case .retentionChanged:
            let category = after.category(change.id)
            let rules = (category?.recordSets ?? []).map { "\($0.name): \($0.retention.summary)" }
            return strings(
                key, ["category": category?.name ?? change.id, "retention": rules.joined(separator: "; ")])
        case .categoryRemoved:
            return strings(key, ["category": before.category(change.id)?.name ?? change.id])
        case .sectionAdded, .sectionChanged:
            return strings(key, ["section": after.sections.first { $0.id == change.id }?.title ?? change.id])
        case .sectionRemoved:
            return strings(key, ["section": before.sections.first { $0.id == change.id }?.title ?? change.id])
        }
    }

    /// The strings key part of a change kind ("category-added" → "categoryAdded").
    private static func wordKey(_ kind: PolicyChange.Kind) -> String {
        let parts = kind.rawValue.split(separator: "-")
        return parts.enumerated().map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
    }
}
