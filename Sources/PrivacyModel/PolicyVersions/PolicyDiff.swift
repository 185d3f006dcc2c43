/// One change between two policy versions, as codes (put into words in the reader's language when shown).
public struct PolicyChange: Sendable, Equatable {
    /// What kind of change it is.
    public enum Kind: String, Sendable, Equatable {
        /// A data category appears in the newer version only.
        case categoryAdded = "category-added"
        /// A data category is gone from the newer version.
        case categoryRemoved = "category-removed"
        /// A category serves other purposes.
        case purposesChanged = "purposes-changed"
        /// A category goes to other recipients.
        case recipientsChanged = "recipients-changed"
        /// A category's record sets are kept for another period.
        case retentionChanged = "retention-changed"
        /// A policy section appears in the newer version only.
        case sectionAdded = "section-added"
        /// A policy section is gone.
        case sectionRemoved = "section-removed"
        /// A policy section's text changed.
        case sectionChanged = "section-changed"
    }

    /// The kind of change.
    public let kind: Kind
    /// The category or section id it is about.
    public let id: String
}

/// Compares two catalogues section by section, so a subscriber sees what a new version changes.
public enum PolicyDiff {
    /// The changes from `old` to `new`: per category (added, removed, purposes, recipients, retention), then
    /// per other section (added, removed, changed), in the newer version's order.
    public static func changes(from old: PolicyCatalogue, to new: PolicyCatalogue) -> [PolicyChange] {
        var changes: [PolicyChange] = []
        let oldCategories = Dictionary(old.categories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIds = Set(new.categories.map(\.id))
        for category in new.categories {
            guard let before = oldCategories[category.id] else {
                changes.append(PolicyChange(kind: .categoryAdded, id: category.id))
                continue
            }
            if Set(before.purposes) != Set(category.purposes) {
                changes.append(PolicyChange(kind: .purposesChanged, id: category.id))
            }
            if Set(before.recipients) != Set(category.recipients) {
                changes.append(PolicyChange(kind: .recipientsChanged, id: category.id))
            }
            if retention(before) != retention(category) {
                changes.append(PolicyChange(kind: .retentionChanged, id: category.id))
            }
        }
        for category in old.categories where !newIds.contains(category.id) {
            changes.append(PolicyChange(kind: .categoryRemoved, id: category.id))
        }
        let oldSections = Dictionary(old.sections.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newSections = Set(new.sections.map(\.id))
        for section in new.sections {
            guard let before = oldSections[section.id] else {
                changes.append(PolicyChange(kind: .sectionAdded, id: section.id))
                continue
            }
            if before.title != section.title || before.summary != section.summary {
                changes.append(PolicyChange(kind: .sectionChanged, id: section.id))
            }
        }
        for section in old.sections where !newSections.contains(section.id) {
            changes.append(PolicyChange(kind: .sectionRemoved, id: section.id))
        }
        return changes
    }

    private static func retention(_ category: DataCategory) -> [String] {
        category.recordSets.map { set in
            let rule = set.retention
            return [
                set.id, rule.rule, "\(rule.years ?? 0)", "\(rule.months ?? 0)", "\(rule.days ?? 0)",
                rule.anchor ?? "",
            ].joined(separator: "|")
        }
    }
}
