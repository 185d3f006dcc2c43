import Foundation
import Testing

@Suite("Dashboard language from the command line")
struct LanguageCommandTests {
    private static let signIn = "<Tab>demo-privacy-2026<Enter>"

    /// A shipped string of `language`, read from the source tree so the test follows the translators' wording.
    private static func string(_ key: String, language: String, file: String = "common.json") throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let url = root.appendingPathComponent("Resources/strings/\(language)/\(file)")
        let table = try JSONDecoder().decode([String: String].self, from: Data(contentsOf: url))
        return try #require(table[key], "\(language)/\(file) lacks \(key)")
    }

    /// Runs `screen` at 80×24 with a clean locale plus `environment`.
    private func screen(
        _ runner: ProgramRunner, _ arguments: [String], keys: String, environment: [String: String] = [:]
    ) throws -> ProgramResult {
        let locale = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"].merging(environment) { $1 }
        return try runner.run(
            ["screen", "--size", "80x24", "--keys", keys, "--store", runner.storePath] + arguments,
            environment: locale)
    }

    @Test(
        "screen --lang de and --lang fr show the sign-in form and the dashboard in that language",
        arguments: ["de", "fr"])
    func explicitLanguage(language: String) throws {
        let runner = try ProgramRunner.withDemoStore()
        let form = try screen(runner, ["--lang", language], keys: "")
        #expect(form.status == 0, "\(form.stderr)")
        #expect(form.stdout.contains(try Self.string("signin.title", language: language)))
        // Siobhan's account is English, Lena's German: --lang wins over both for this run.
        for user in ["siobhan_oc", "lena.mueller"] {
            let result = try screen(runner, ["--lang", language], keys: user + Self.signIn)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.count == 24)
            for tab in ["overview", "myData", "preferences", "requests", "account", "policy"] {
                let title = try Self.string("tab.\(tab).short", language: language)
                #expect(result.stdout.contains(title), "\(language) \(user): tab \(title)\n\(result.stdout)")
            }
            #expect(!result.stdout.contains("⟦"))
        }
        let account = try screen(runner, ["--lang", language], keys: "lena.mueller" + Self.signIn + "5")
        let birthdate = language == "de" ? "14.03.1988" : "14/03/1988"
        #expect(account.stdout.contains(birthdate), "\(account.stdout)")
    }

    @Test("without --lang the locale decides the sign-in form, and the account's language the dashboard")
    func localeAndAccount() throws {
        let runner = try ProgramRunner.withDemoStore()
        let french = try screen(runner, [], keys: "", environment: ["LANG": "fr_FR.UTF-8"])
        #expect(french.stdout.contains(try Self.string("signin.title", language: "fr")))
        let overruled = try screen(runner, [], keys: "", environment: ["LC_ALL": "C", "LANG": "fr_FR.UTF-8"])
        #expect(overruled.stdout.contains(try Self.string("signin.title", language: "en")))
        // Lena keeps German and Élodie French in their accounts; Siobhan English.
        let lena = try screen(runner, [], keys: "lena.mueller" + Self.signIn)
        #expect(lena.stdout.contains(try Self.string("tab.overview.short", language: "de")), "\(lena.stdout)")
        let elodie = try screen(runner, [], keys: "elodie.fournier" + Self.signIn, environment: ["LANG": "de_DE.UTF-8"])
        #expect(elodie.stdout.contains(try Self.string("tab.overview.short", language: "fr")), "\(elodie.stdout)")
        let siobhan = try screen(runner, [], keys: "siobhan_oc" + Self.signIn, environment: ["LANG": "de_DE.UTF-8"])
        #expect(siobhan.stdout.contains("Overview"), "\(siobhan.stdout)")
    }

    @Test("an unknown --lang is a one-line usage error, exit 64, before anything is opened or seeded")
    func unknownLanguage() throws {
        let runner = try ProgramRunner()
        for arguments in [["screen", "--lang", "es"], ["demo", "--lang", "xx"], ["open", "--lang", "klingon"]] {
            let result = try runner.run(arguments + ["--store", runner.storePath])
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("--lang"))
            #expect(result.stderr.split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: runner.storePath))
        }
    }
}
