public import Foundation
import PrivacyResources

/// The catalogue's texts as a flat key → text map, and the catalogue with those texts in another language.
///
/// The keys follow `scripts/catalogue-texts`: `category.<id>.name`, `category.<id>.collected.<n>`,
/// `category.<id>.rightLimit.<n>`, `recordSet.<id>.retention`, `purpose.<id>.summary`,
/// `preference.<id>.lockedReason`, `section.<id>.title` and so on. A translation is
/// `Resources/catalogue/texts.<language>.json` with the same keys; a key it lacks keeps the English text.
extension PolicyCatalogue {
    /// Every translatable text of the catalogue by key, exactly the set `scripts/catalogue-texts` prints.
    public var texts: [String: String] {
        var texts: [String: String] = [:]
        func add(_ prefix: String, _ id: String, _ fields: [(String, String?)]) {
            for (field, text) in fields { if let text { texts["\(prefix).\(id).\(field)"] = text } }
        }
        for basis in legalBases { add("legalBasis", basis.id, [("name", basis.name), ("summary", basis.summary)]) }
        for purpose in purposes { add("purpose", purpose.id, [("name", purpose.name), ("summary", purpose.summary)]) }
        for recipient in recipients {
            add("recipient", recipient.id, [("name", recipient.name), ("summary", recipient.summary)])
        }
        for right in rights { add("right", right.id, [("name", right.name), ("summary", right.summary)]) }
        for format in exportFormats { add("exportFormat", format.id, [("name", format.name)]) }
        for category in categories {
            add(
                "category", category.id,
                [("name", category.name), ("summary", category.summary), ("profiling", category.profiling)])
            for (index, phrase) in category.collected.enumerated() {
                texts["category.\(category.id).collected.\(index)"] = phrase
            }
            for (index, limit) in (category.rightLimits ?? []).enumerated() {
                texts["category.\(category.id).rightLimit.\(index)"] = limit.summary
            }
            for set in category.recordSets {
                texts["recordSet.\(set.id).name"] = set.name
                texts["recordSet.\(set.id).retention"] = set.retention.summary
            }
        }
        for group in preferenceGroups { add("preferenceGroup", group.id, [("name", group.name)]) }
        for preference in preferences {
            add(
                "preference", preference.id,
                [
                    ("name", preference.name), ("summary", preference.summary),
                    ("lockedReason", preference.lockedReason),
                ])
        }
        for section in sections {
            add("section", section.id, [("title", section.title), ("summary", section.summary)])
        }
        return texts
    }

    /// The same catalogue with its texts replaced by `texts` (keys as in `texts`); ids, rules and numbers
    /// stay as they are, and a text the map lacks (or leaves empty) keeps its English wording.
    public func localized(_ texts: [String: String]) -> PolicyCatalogue {
        guard !texts.isEmpty else { return self }
        func text(_ key: String, _ english: String) -> String {
            guard let translated = texts[key], !translated.isEmpty else { return english }
            return translated
        }
        return PolicyCatalogue(
            version: version, effectiveDate: effectiveDate, service: service, minimumAge: minimumAge,
            deadlines: deadlines, lockout: lockout,
            legalBases: legalBases.map {
                LegalBasis(
                    id: $0.id, name: text("legalBasis.\($0.id).name", $0.name),
                    summary: text("legalBasis.\($0.id).summary", $0.summary))
            },
            purposes: purposes.map {
                Purpose(
                    id: $0.id, name: text("purpose.\($0.id).name", $0.name),
                    summary: text("purpose.\($0.id).summary", $0.summary), legalBasis: $0.legalBasis,
                    objectable: $0.objectable)
            },
            recipients: recipients.map {
                Recipient(
                    id: $0.id, name: text("recipient.\($0.id).name", $0.name),
                    summary: text("recipient.\($0.id).summary", $0.summary), kind: $0.kind,
                    anonymisedOnly: $0.anonymisedOnly)
            },
            rights: rights.map {
                Right(
                    id: $0.id, name: text("right.\($0.id).name", $0.name),
                    summary: text("right.\($0.id).summary", $0.summary), scopes: $0.scopes)
            },
            exportFormats: exportFormats.map {
                ExportFormat(id: $0.id, name: text("exportFormat.\($0.id).name", $0.name))
            },
            categories: categories.map { $0.localized(text) },
            preferenceGroups: preferenceGroups.map {
                PreferenceGroup(id: $0.id, name: text("preferenceGroup.\($0.id).name", $0.name))
            },
            preferences: preferences.map { preference in
                let key = "preference.\(preference.id)"
                return PreferenceDefinition(
                    id: preference.id, group: preference.group, name: text("\(key).name", preference.name),
                    summary: text("\(key).summary", preference.summary), default: preference.default,
                    mandatory: preference.mandatory,
                    lockedReason: preference.lockedReason.map { text("\(key).lockedReason", $0) },
                    purpose: preference.purpose)
            },
            sections: sections.map {
                PolicySection(
                    id: $0.id, title: text("section.\($0.id).title", $0.title),
                    summary: text("section.\($0.id).summary", $0.summary))
            })
    }
}

extension DataCategory {
    /// The category with its texts looked up through `text(key, english)`.
    fileprivate func localized(_ text: (String, String) -> String) -> DataCategory {
        DataCategory(
            id: id, name: text("category.\(id).name", name), summary: text("category.\(id).summary", summary),
            collected: collected.enumerated().map { text("category.\(id).collected.\($0.offset)", $0.element) },
            source: source, purposes: purposes, recipients: recipients, rights: rights,
            rightLimits: rightLimits.map { limits in
                limits.enumerated().map {
                    RightLimit(
                        right: $0.element.right, basis: $0.element.basis,
                        summary: text("category.\(id).rightLimit.\($0.offset)", $0.element.summary))
                }
            },
            correctableFields: correctableFields, profiling: profiling.map { text("category.\(id).profiling", $0) },
            recordSets: recordSets.map { set in
                let rule = set.retention
                return RecordSetDefinition(
                    id: set.id, name: text("recordSet.\(set.id).name", set.name),
                    retention: RetentionRule(
                        rule: rule.rule, years: rule.years, months: rule.months, days: rule.days, anchor: rule.anchor,
                        origin: rule.origin, legalHold: rule.legalHold, securityHold: rule.securityHold,
                        summary: text("recordSet.\(set.id).retention", rule.summary)))
            })
    }
}

extension CatalogueLoader {
    /// Where the shipped translation of the catalogue's texts into `language` is, if there is one.
    public static func bundledTextsURL(language: String) -> URL? {
        PrivacyResources.bundle.url(forResource: "texts.\(language)", withExtension: "json", subdirectory: "catalogue")
    }

    /// The shipped translation of the catalogue's texts into `language` (empty for English, or when none is shipped).
    public static func bundledTexts(language: String) throws(CatalogueError) -> [String: String] {
        guard language != "en", let url = bundledTextsURL(language: language) else { return [:] }
        return try texts(from: url)
    }

    /// Reads a flat key → text translation file.
    public static func texts(from url: URL) throws(CatalogueError) -> [String: String] {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .missing(url.path) }
        do {
            return try JSONDecoder().decode([String: String].self, from: data)
        } catch {
            throw .malformed("\(url.lastPathComponent) is not a flat JSON object of texts")
        }
    }

    /// The shipped catalogue with its texts in `language` (English for "en" or a language without texts).
    public static func bundled(language: String) throws(CatalogueError) -> PolicyCatalogue {
        try bundled().localized(bundledTexts(language: language))
    }
}
