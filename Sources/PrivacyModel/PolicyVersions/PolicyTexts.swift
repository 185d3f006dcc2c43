public import Foundation
import GRDB

/// The catalogue's translated texts for a reader: those an approver published with a version, else the shipped
/// ones, so a published version's new names never show in English to a German or French reader.
public enum PolicyTexts {
    /// The texts (keys as in `PolicyCatalogue.texts`) in `language` of the version in force on `day` in `store`:
    /// that version's published translation when it has one for the language, else the shipped translation
    /// (none for English, whose words are the catalogue's own).
    public static func texts(store: PrivacyStore, day: Date, language: String) throws -> [String: String] {
        let stored = try PolicyVersionService.inForce(.texts, store: store, day: day)
        return published(stored, language: language) ?? shipped(language: language)
    }

    /// The texts in `language` of the version named `version` (the shipped ones for the built-in version, or
    /// for a published one without a translation into that language).
    public static func texts(store: PrivacyStore, version: String, language: String) throws -> [String: String] {
        let stored = try store.read { db in
            try String.fetchOne(db, sql: "SELECT texts FROM policy_version WHERE version = ?", arguments: [version])
        }
        return published(stored, language: language) ?? shipped(language: language)
    }

    /// The shipped translation into `language`; none when the file is missing or unreadable.
    public static func shipped(language: String) -> [String: String] {
        (try? CatalogueLoader.bundledTexts(language: language)) ?? [:]
    }

    /// The language's map from a version's stored `texts` column, or nil when it has none for it.
    private static func published(_ stored: String?, language: String) -> [String: String]? {
        guard let stored,
            let all = try? JSONDecoder().decode([String: [String: String]].self, from: Data(stored.utf8)),
            let texts = all[language], !texts.isEmpty
        else { return nil }
        return texts
    }
}
