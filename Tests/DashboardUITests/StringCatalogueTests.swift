import DashboardUI
import Foundation
import PrivacyModel
import Testing

@Suite("String catalogue")
struct StringCatalogueTests {
    /// Sources/DashboardUI, found from this file's place in the tree.
    private static var sourceFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/DashboardUI")
    }

    /// Every literal key passed to `strings[…]`, `strings(…)` or `plural(…)` in the dashboard's sources.
    private static func keysUsedInSources() throws -> (plain: Set<String>, plural: Set<String>) {
        var plain = Set<String>()
        var plural = Set<String>()
        let pattern = try NSRegularExpression(pattern: #"(strings\[|strings\(|plural\()"([a-zA-Z0-9_.]+)""#)
        let files = FileManager.default.enumerator(at: sourceFolder, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                guard let callRange = Range(match.range(at: 1), in: text),
                    let keyRange = Range(match.range(at: 2), in: text)
                else { continue }
                let key = String(text[keyRange])
                if text[callRange] == "plural(" { plural.insert(key) } else { plain.insert(key) }
            }
        }
        return (plain, plural)
    }

    @Test("every key the sources use literally is in the English catalogue")
    func literalKeysExist() throws {
        let strings = try Strings.bundled(language: "en")
        let (plain, plural) = try Self.keysUsedInSources()
        #expect(plain.count > 50, "the scan found too few keys to be working")
        for key in plain { #expect(strings.keys.contains(key), "missing string \(key)") }
        for key in plural {
            #expect(strings.keys.contains(key + ".one") && strings.keys.contains(key + ".other"), "missing \(key)")
        }
    }

    @Test("every key binding, tab and help heading has its strings")
    func tableKeysExist() throws {
        let strings = try Strings.bundled(language: "en")
        for binding in KeyBindings.table {
            #expect(strings.keys.contains(binding.hint), "missing \(binding.hint)")
            #expect(strings.keys.contains(binding.help), "missing \(binding.help)")
        }
        for context in BindingContext.allCases {
            #expect(strings.keys.contains("help.context.\(context.rawValue)"))
        }
        for screen in ScreenID.allCases {
            #expect(strings.keys.contains(screen.titleKey) && strings.keys.contains(screen.titleKey + ".short"))
        }
    }

    @Test("placeholders are filled and plural forms chosen by count")
    func placeholders() {
        let strings = Strings(
            language: "en", table: ["a": "Hello {name}", "n.one": "{count} day", "n.other": "{count} days"])
        #expect(strings("a", ["name": "Lena"]) == "Hello Lena")
        #expect(strings.plural("n", count: 1) == "1 day")
        #expect(strings.plural("n", count: 1200) == "1,200 days")
        #expect(strings["absent"] == "⟦absent⟧")
    }
}
