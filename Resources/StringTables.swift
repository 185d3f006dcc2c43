public import Foundation

/// Why a shipped string table could not be read.
public enum StringTableError: Error, Sendable, Equatable {
    /// The folder (`strings` or `strings/<language>`) is missing from the installation.
    case missing(String)
    /// A file is not a flat JSON object of strings.
    case malformed(String)
    /// Two files of one language define the same key.
    case duplicate(String)
}

/// The shipped user-facing strings, `Resources/strings/<language>/*.json`: flat `{"key": "text"}` files.
///
/// `Strings` in PrivacyModel reads them from here for the screens, the access report and the command line.
public enum StringTables {
    /// The strings of one language file by file ("account.json" → its keys and texts).
    public static func files(language: String) throws(StringTableError) -> [String: [String: String]] {
        guard let root = PrivacyResources.bundle.url(forResource: "strings", withExtension: nil) else {
            throw .missing("strings")
        }
        let folder = root.appendingPathComponent(language, isDirectory: true)
        let urls: [URL]
        do {
            urls = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "json" }
        } catch { throw .missing("strings/\(language)") }
        var tables: [String: [String: String]] = [:]
        for url in urls {
            do {
                tables[url.lastPathComponent] = try JSONDecoder().decode(
                    [String: String].self, from: Data(contentsOf: url))
            } catch { throw .malformed(url.lastPathComponent) }
        }
        return tables
    }

    /// Every key and text of one language, its files merged; a key defined in two files is an error.
    public static func table(language: String) throws(StringTableError) -> [String: String] {
        var table: [String: String] = [:]
        for (_, entries) in try files(language: language).sorted(by: { $0.key < $1.key }) {
            for (key, value) in entries {
                if table[key] != nil { throw .duplicate(key) }
                table[key] = value
            }
        }
        return table
    }

    /// The strings of `language` over English, so a key the language lacks keeps its English text.
    public static func tableWithFallback(language: String) throws(StringTableError) -> [String: String] {
        var table = try self.table(language: "en")
        if language != "en" {
            for (key, value) in try self.table(language: language) { table[key] = value }
        }
        return table
    }
}
