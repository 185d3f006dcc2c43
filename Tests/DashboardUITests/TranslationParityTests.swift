import DashboardUI
import Foundation
import PrivacyModel
import Testing

/// German and French hold exactly the English keys, file by file, with the same placeholders.
@Suite("Translations: German and French match English")
struct TranslationParityTests {
    static let languages = ["de", "fr"]

    /// The `{name}` placeholders of a text.
    static func placeholders(_ text: String) -> Set<String> {
        Set(text.matches(of: /\{([A-Za-z0-9_]+)\}/).map { String($0.output.1) })
    }

    /// A short list of keys for a failure message.
    static func sample(_ keys: [String]) -> String {
        let shown = keys.prefix(60).joined(separator: ", ")
        return keys.count > 60 ? shown + ", … (\(keys.count) in all)" : shown
    }

    @Test(
        "every English strings file has a translation with the same keys, none missing and none extra",
        arguments: languages)
    func sameKeys(language: String) throws {
        let english = try Strings.loadFiles(language: "en")
        let translated = try Strings.loadFiles(language: language)
        var missing: [String] = []
        var extra: [String] = []
        for (file, entries) in english.sorted(by: { $0.key < $1.key }) {
            guard let other = translated[file] else {
                missing.append("\(file) (the whole file, \(entries.count) keys)")
                continue
            }
            missing += Set(entries.keys).subtracting(other.keys).sorted().map { "\(file): \($0)" }
            extra += Set(other.keys).subtracting(entries.keys).sorted().map { "\(file): \($0)" }
        }
        extra += translated.keys.filter { english[$0] == nil }.sorted().map { "\($0) (no English file)" }
        #expect(missing.isEmpty, "\(language) lacks \(missing.count): \(Self.sample(missing))")
        #expect(extra.isEmpty, "\(language) has keys English lacks: \(Self.sample(extra))")
    }

    @Test(
        "each translated text has exactly the placeholders of its English text and is not empty",
        arguments: languages)
    func samePlaceholders(language: String) throws {
        let english = try Strings.loadTable(language: "en")
        let translated = try Strings.loadTable(language: language)
        var wrong: [String] = []
        for (key, text) in translated.sorted(by: { $0.key < $1.key }) {
            guard let source = english[key] else { continue }
            #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(language) \(key) is empty")
            let expected = Self.placeholders(source)
            let found = Self.placeholders(text)
            if expected != found {
                wrong.append("\(key): \(found.sorted()) instead of \(expected.sorted())")
            }
        }
        #expect(wrong.isEmpty, "\(language) placeholders differ: \(Self.sample(wrong))")
    }

    @Test("plural keys come in .one/.other pairs in every language", arguments: ["en"] + languages)
    func pluralPairs(language: String) throws {
        let english = try Strings.loadTable(language: "en").keys
        let bases = english.filter { $0.hasSuffix(".one") }.map { String($0.dropLast(4)) }
        #expect(bases.count > 10, "the scan found too few plural keys to be working")
        let keys = Set(try Strings.loadTable(language: language).keys)
        for base in bases {
            #expect(keys.contains(base + ".one") && keys.contains(base + ".other"), "\(language) \(base) lacks a form")
        }
    }

    @Test("the catalogue's texts file has exactly the catalogue's keys, none empty", arguments: languages)
    func catalogueTexts(language: String) throws {
        let expected = Set(try CatalogueLoader.bundled().texts.keys)
        #expect(CatalogueLoader.bundledTextsURL(language: language) != nil, "no catalogue/texts.\(language).json")
        let texts = try CatalogueLoader.bundledTexts(language: language)
        let missing = expected.subtracting(texts.keys).sorted()
        let extra = Set(texts.keys).subtracting(expected).sorted()
        #expect(missing.isEmpty, "texts.\(language).json lacks \(missing.count): \(Self.sample(missing))")
        #expect(extra.isEmpty, "texts.\(language).json has keys the catalogue lacks: \(Self.sample(extra))")
        let empty = texts.filter { $0.value.trimmingCharacters(in: .whitespaces).isEmpty }.keys.sorted()
        #expect(empty.isEmpty, "texts.\(language).json leaves empty: \(Self.sample(empty))")
    }

    @Test("the catalogue's key set in Swift is the one scripts/catalogue-texts prints")
    func keysMatchScript() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let script = root.appendingPathComponent("scripts/catalogue-texts")
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let python, FileManager.default.fileExists(atPath: script.path) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let printed = try JSONDecoder().decode([String: String].self, from: data)
        let swift = try CatalogueLoader.bundled().texts
        #expect(swift == printed)
    }

    @Test(
        "every case of every model error names a key of errors.json whose placeholders are exactly its values",
        arguments: ["en"] + languages)
    func errorKeys(language: String) throws {
        let files = try Strings.loadFiles(language: language)
        let errors = try #require(files["errors.json"])
        var used = Set<String>()
        for error in ModelErrors.examples {
            let message = error.message
            used.insert(message.key)
            let text = try #require(errors[message.key], "\(language) errors.json lacks \(message.key) (\(error))")
            #expect(
                Self.placeholders(text) == Set(message.values.keys), "\(language) \(message.key): placeholders differ")
            for case .term(let term) in message.values.values {
                #expect(errors[term] != nil, "\(language) errors.json lacks the term \(term)")
                used.insert(term)
            }
        }
        let unused = Set(errors.keys).subtracting(used).filter { !$0.hasPrefix("error.term.") }.sorted()
        #expect(unused.isEmpty, "\(language) errors.json keys no error uses: \(unused)")
    }

    @Test("an error's description is its English message as a one-line clause, every placeholder filled")
    func descriptionsAreTheEnglishTable() throws {
        let english = try Strings.bundled(language: "en")
        for error in ModelErrors.examples {
            let sentence = english.text(of: error.message, formats: Formats(language: "en"))
            let key = error.message.key
            #expect(error.description.lowercased() == sentence.lowercased().replacing(/\.$/, with: ""), "\(key)")
            #expect(!error.description.contains("{") && !error.description.contains("⟦"), "\(key)")
            #expect(!error.description.contains("\n"), "\(key)")
        }
        #expect(AccountError.underage(minimumAge: 18).description == "accounts are only for people aged 18 or over")
        #expect(
            RequestError.notFound("PD-1").description
                == "no request has the reference \"PD-1\"; references look like PD-7K3M-9QXD")
    }

    @Test("an error shows in the strings' language with its values formatted for it")
    func errorText() {
        let error = AccountDeletionError.alreadyRequested(purgeOn: Date(timeIntervalSince1970: 1_795_942_800))
        let strings = Strings(
            language: "de",
            table: ["error.deletion.alreadyRequested": "Die Löschung wurde schon beantragt; gelöscht wird am {date}."])
        #expect(
            strings.message(for: error, formats: Formats(language: "de"))
                == "Die Löschung wurde schon beantragt; gelöscht wird am 29.11.2026.")
        // A key the table lacks falls back to the English description as a sentence.
        let bare = Strings(language: "de", table: [:])
        #expect(
            bare.message(for: AccountError.invalidName(.empty), formats: Formats(language: "de"))
                == "The name is empty.")
    }
}
