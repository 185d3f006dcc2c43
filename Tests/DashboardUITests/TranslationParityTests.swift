import DashboardUI
import Foundation
import PrivacyModel
import TestSupport
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

    /// One error of every case the model can raise, for the keyed-message checks.
    static var everyError: [any KeyedUserFacingError] {
        let day = TestDefaults.start
        let account: [AccountError] = [
            .invalidEmail("x"), .invalidUsername("x"), .invalidName(.empty), .invalidName(.tooLong(limit: 200)),
            .invalidName(.controlCharacters), .invalidBirthdate("x"),
            .underage(minimumAge: 18), .emailTaken("x"), .usernameTaken("x"), .weakPassword(minimumLength: 12),
            .notFound("x"), .notActive("x"),
        ]
        let profile: [ProfileCorrectionError] = [
            .notSelfCorrectable("birthdate"), .unchanged, .emptyValue, .tooLong(limit: 32),
            .invalidPhone("x"), .invalidCountry("x"), .invalidLanguage("x"), .changedMeanwhile,
        ]
        let password: [PasswordChangeError] = [
            .wrongCurrentPassword, .mismatch, .sameAsCurrent, .locked(until: day), .changedMeanwhile,
        ]
        let hash: [PasswordHashError] = [.malformed, .unsupportedParameters("ln=99")]
        let policy: [PolicyAcknowledgementError] = [.notCurrent(version: "1", current: "2")]
        let preference: [PreferenceError] = [
            .unknownPreference("x"), .locked(id: "a", name: "A", reason: "r"), .accountNotFound(1),
            .accountNotActive(1), .invalidChannel("x"),
        ]
        let store: [StoreError] = [
            .directoryMissing("/d"), .notFound("/s"), .notAStore("/s"), .corrupt("/s", detail: "d"),
            .newerSchema("/s", found: 9, supported: 1), .readOnly("/s"), .cannotCreate("/s", reason: "r"),
            .busy("/s"), .io("/s", detail: "d"),
        ]
        let record: [RecordCorrectionError] = [
            .unknownRecordSet("x"),
            .notCorrectable(recordSet: "profile", field: "f", allowed: []),
            .notCorrectable(recordSet: "devices", field: "f", allowed: []),
            .notCorrectable(recordSet: "devices", field: "f", allowed: ["name"]),
            .recordNotFound(recordSet: "devices", key: 3), .emptyValue,
            .invalidValue(field: "f", expected: "e"), .unchanged,
            .recordChanged(reference: "PD-1", field: "f", expected: "a", found: nil),
            .recordGone(reference: "PD-1", recordSet: "devices", key: 3),
        ]
        let deletion: [AccountDeletionError] = [
            .accountNotFound(1), .wrongPassword, .locked(until: day), .alreadyRequested(purgeOn: day),
            .alreadyPurged(1), .purgeNotDue(purgeOn: day), .notPendingDeletion(1),
            .notAnAccountDeletion(reference: "PD-1"),
        ]
        let erasure: [ErasureError] = [
            .unknownCategory("x"), .notErasable(category: "x"), .useAccountDeletion, .accountNotFound(1),
            .accountNotActive(1),
        ]
        let restriction: [RestrictionError] = [
            .unknownCategory("x"), .notRestrictable(category: "x"), .alreadyRestricted(category: "x"),
            .notRestricted(category: "x"), .unknownPurpose("x"), .notObjectable(purpose: "x"), .accountNotFound(1),
            .accountNotActive(1), .reasonTooLong(limit: 500),
        ]
        let export: [ExportError] = [
            .outputExists("/o"), .folderMissing("/o"), .folderNotWritable("/o"),
            .unknownCategory("", known: ["a"]), .unknownCategory("x", known: ["a"]), .emptyRange,
            .invalidOutput("/o"), .writeFailed("/o", reason: "r"), .cancelled,
            .notFulfillable(reference: "PD-1", reason: "r"),
        ]
        let demo: [DemoSeederError] = [.invalidSize(-1, maximum: 10)]
        let request: [RequestError] = [
            .rightNotOffered(.access), .scopeNotAllowed(.access, .field, allowed: ["all"]),
            .missingScopeValue(.category), .unexpectedScopeValue(.all, "x"), .unknownCategory("x"),
            .rightNotApplicable(.deletion, category: "x"), .unknownPurpose("x"), .purposeNotObjectable("x"),
            .unknownFormat("x"), .unknownField("x", allowed: ["a"]), .fieldMismatch(scope: "a", details: "b"),
            .correctionValueMissing(field: RequestScope.otherField), .correctionValueMissing(field: "phone"),
            .detailsNotApplicable(.access), .textTooLong("note", limit: 2000), .invalidChannel("x"),
            .accountNotFound(1), .accountNotActive(1), .duplicate(existingReference: "PD-1"), .notFound("PD-1"),
            .notPermitted(.cancel, actor: .support), .notPermitted(.complete, actor: .subscriber),
            .illegalTransition(reference: "PD-1", from: .completed, to: .cancelled),
            .illegalTransition(reference: "PD-1", from: .submitted, to: .completed),
            .illegalTransition(reference: "PD-1", from: .submitted, to: .denied),
            .notOpen(reference: "PD-1", status: .denied), .denialReasonRequired, .extensionReasonRequired,
            .alreadyExtended(reference: "PD-1", until: day), .extensionNotLater(currentDue: day),
            .extensionTooLong(latest: day), .referenceUnavailable, .unreadable("x"),
        ]
        var errors: [any KeyedUserFacingError] = []
        errors += account.map { $0 as any KeyedUserFacingError }
        errors += profile.map { $0 as any KeyedUserFacingError }
        errors += password.map { $0 as any KeyedUserFacingError }
        errors += hash.map { $0 as any KeyedUserFacingError }
        errors += policy.map { $0 as any KeyedUserFacingError }
        errors += preference.map { $0 as any KeyedUserFacingError }
        errors += store.map { $0 as any KeyedUserFacingError }
        errors += record.map { $0 as any KeyedUserFacingError }
        errors += deletion.map { $0 as any KeyedUserFacingError }
        errors += erasure.map { $0 as any KeyedUserFacingError }
        errors += restriction.map { $0 as any KeyedUserFacingError }
        errors += export.map { $0 as any KeyedUserFacingError }
        errors += demo.map { $0 as any KeyedUserFacingError }
        errors += request.map { $0 as any KeyedUserFacingError }
        return errors
    }

    @Test("every model error names a key of errors.json whose placeholders are exactly the error's values")
    func errorKeys() throws {
        let english = try Strings.loadFiles(language: "en")
        let errors = try #require(english["errors.json"])
        var used = Set<String>()
        for error in Self.everyError {
            let message = error.message
            used.insert(message.key)
            let text = try #require(errors[message.key], "errors.json lacks \(message.key) (\(error))")
            #expect(Self.placeholders(text) == Set(message.values.keys), "\(message.key): placeholders differ")
            for case .term(let term) in message.values.values {
                #expect(errors[term] != nil, "errors.json lacks the term \(term)")
                used.insert(term)
            }
        }
        let unused = Set(errors.keys).subtracting(used).filter { !$0.hasPrefix("error.term.") }.sorted()
        #expect(unused.isEmpty, "errors.json keys no error uses: \(unused)")
    }

    @Test("an error shows in the strings' language with its values formatted for it")
    func errorText() {
        let error = AccountDeletionError.alreadyRequested(purgeOn: TestDefaults.start)
        let strings = Strings(
            language: "de",
            table: ["error.deletion.alreadyRequested": "Die Löschung wurde schon beantragt; gelöscht wird am {date}."])
        #expect(
            strings.message(for: error, formats: Formats(language: "de"))
                == "Die Löschung wurde schon beantragt; gelöscht wird am 29.11.2026.")
        // A key the table lacks falls back to the English description as a sentence.
        let bare = Strings(language: "de", table: [:])
        #expect(
            bare.message(for: AccountError.invalidName(.tooLong(limit: 200)), formats: Formats(language: "de"))
                == "The name is longer than 200 characters.")
    }
}
