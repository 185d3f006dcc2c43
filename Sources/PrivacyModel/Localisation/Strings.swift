import Foundation
import PrivacyResources

/// Every user-facing string, looked up by key from `Resources/strings/<language>/`: the one lookup the
/// screens, the access report, error descriptions and the command line share.
///
/// Screens never hold English text; they ask this catalogue, so a translation is a new folder of
/// JSON files and no screen changes. Placeholders are written `{name}`.
public struct Strings: Sendable {
    /// The language code these strings are in ("en").
    public let language: String
    private let table: [String: String]

    /// Makes a catalogue from a ready table (tests, or strings loaded elsewhere).
    public init(language: String, table: [String: String]) {
        self.language = language
        self.table = table
    }

    /// Loads the shipped strings for `language`, falling back to English for any key it lacks.
    public static func bundled(language: String = "en") throws(StringsError) -> Strings {
        do { return Strings(language: language, table: try StringTables.tableWithFallback(language: language)) } catch {
            throw StringsError(error)
        }
    }

    /// The shipped English strings, loaded once: the words of every error's `description`.
    public static let english: Strings =
        (try? Strings.bundled(language: "en")) ?? Strings(language: "en", table: [:])

    /// Every key and text of one shipped language, for tests that compare languages.
    public static func loadTable(language: String) throws(StringsError) -> [String: String] {
        do { return try StringTables.table(language: language) } catch { throw StringsError(error) }
    }

    /// The shipped strings of one language file by file ("account.json" → its keys and texts).
    public static func loadFiles(language: String) throws(StringsError) -> [String: [String: String]] {
        do { return try StringTables.files(language: language) } catch { throw StringsError(error) }
    }

    /// Whether the catalogue has a text for `key`.
    public func contains(_ key: String) -> Bool { table[key] != nil }

    /// The text for a key when the table has it, for callers with a fallback of their own.
    public func optional(_ key: String) -> String? { table[key] }

    /// Every key, for tests.
    public var keys: Set<String> { Set(table.keys) }

    /// The text for a key; a missing key shows as ⟦key⟧ so tests and reviewers spot it.
    public subscript(_ key: String) -> String { table[key] ?? "⟦\(key)⟧" }

    /// The text for a key with `{name}` placeholders filled in.
    public func callAsFunction(_ key: String, _ values: KeyValuePairs<String, String> = [:]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// A count with the right plural form: looks up `key.one` or `key.other` and fills `{count}`.
    ///
    /// French takes the singular for 0 as for 1 ("0 demande"); English and German only for 1.
    public func plural(_ key: String, count: Int, _ values: KeyValuePairs<String, String> = [:]) -> String {
        let isOne = language == "fr" ? (count == 0 || count == 1) : count == 1
        let form = isOne ? "\(key).one" : "\(key).other"
        var text = self(form, values)
        text = text.replacingOccurrences(of: "{count}", with: Formats(language: language).number(count))
        return text
    }
}

/// Why the string catalogue could not be loaded.
public enum StringsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder is missing from the installation.
    case missing(String)
    /// A file is not a flat JSON object of strings.
    case malformed(String)
    /// Two files define the same key.
    case duplicate(String)

    /// The same failure as the shared loader reports it.
    init(_ error: StringTableError) {
        switch error {
        case .missing(let path): self = .missing(path)
        case .malformed(let file): self = .malformed(file)
        case .duplicate(let key): self = .duplicate(key)
        }
    }

    /// One line for the person starting the program.
    public var description: String {
        switch self {
        case .missing(let path):
            return
                "user interface strings not found (\(path)); reinstall so the resources folder sits beside the binary"
        case .malformed(let file): return "user interface strings file \(file) is not a JSON object of strings"
        case .duplicate(let key): return "user interface string \(key) is defined twice"
        }
    }
}
