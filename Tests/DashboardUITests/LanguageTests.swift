import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import TestSupport
import Testing

@Suite("Language: choosing it, keeping it per account, formats and catalogue texts")
@MainActor
struct LanguageTests {
    // MARK: - Resolution

    @Test("--lang beats the environment; the first locale variable set decides; C and POSIX mean English")
    func resolution() throws {
        let german = ["LANG": "de_DE.UTF-8"]
        #expect(
            try LanguageChoice.resolve(flag: "fr", environment: german)
                == .init(language: .french, source: .commandLine))
        #expect(try LanguageChoice.resolve(flag: "DE", environment: [:]).language == .german)
        #expect(
            try LanguageChoice.resolve(flag: nil, environment: german)
                == .init(language: .german, source: .environment("LANG")))
        let both = ["LC_ALL": "fr_FR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8", "LANG": "de_DE.UTF-8"]
        #expect(try LanguageChoice.resolve(flag: nil, environment: both).language == .french)
        #expect(
            try LanguageChoice.resolve(flag: nil, environment: ["LC_MESSAGES": "fr_CA", "LANG": "de_DE"]).language
                == .french)
        #expect(
            try LanguageChoice.resolve(flag: nil, environment: ["LC_ALL": "C", "LANG": "de_DE.UTF-8"]).language
                == .english)
        #expect(try LanguageChoice.resolve(flag: nil, environment: ["LANG": "C.UTF-8"]).language == .english)
        #expect(try LanguageChoice.resolve(flag: nil, environment: ["LANG": "POSIX"]).language == .english)
        #expect(try LanguageChoice.resolve(flag: nil, environment: ["LANG": "ja_JP.UTF-8"]).language == .english)
        // An empty variable counts as unset, as for the C library.
        #expect(
            try LanguageChoice.resolve(flag: nil, environment: ["LC_ALL": "", "LANG": "fr_FR"]).language == .french)
        #expect(try LanguageChoice.resolve(flag: nil, environment: [:]) == .init(language: .english, source: .fallback))
        #expect(throws: LanguageChoiceError.unknown("es")) {
            try LanguageChoice.resolve(flag: "es", environment: german)
        }
        #expect(!(try LanguageChoice.resolve(flag: nil, environment: german).isExplicit))
        #expect(try LanguageChoice.resolve(flag: "en", environment: german).isExplicit)
    }

    @Test("dates and numbers as each language writes them, every one a single column per character")
    func formats() {
        let day = TestDefaults.start
        #expect(Formats(language: "en").date(day) == "2026-11-29")
        #expect(Formats(language: "de").date(day) == "29.11.2026")
        #expect(Formats(language: "fr").date(day) == "29/11/2026")
        #expect(Formats(language: "de").dateTime(day) == "29.11.2026 09:00")
        #expect(Formats(language: "en").number(1234) == "1,234")
        #expect(Formats(language: "de").number(1234) == "1.234")
        #expect(Formats(language: "de").number(1_234_567) == "1.234.567")
        let french = Formats(language: "fr").number(1234)
        #expect(french == "1\u{00A0}234")
        #expect(TextWidth.columns(of: french) == 5)
        #expect(TextWrap.lines("total \(french) jours", width: 8).contains(french), "never broken inside a number")
        let strings = Strings(language: "fr", table: ["n.one": "{count} jour", "n.other": "{count} jours"])
        #expect(strings.plural("n", count: 0) == "0 jour")
        #expect(strings.plural("n", count: 2) == "2 jours")
        #expect(
            Strings(language: "de", table: ["n.one": "{count} Tag", "n.other": "{count} Tage"]).plural("n", count: 0)
                == "0 Tage")
    }

    // MARK: - Account language

    @Test("after sign-in the account's language replaces the locale's, never one chosen with --lang")
    func accountLanguageWins() throws {
        let following = try DashboardHarness(configuration: DashboardConfiguration(followsAccountLanguage: true))
        try following.signIn("elodie.fournier")
        #expect(following.dashboard.session?.language == .french)
        let french = try Strings.bundled(language: "fr")
        #expect(following.text.contains(french["tab.overview.short"]))
        // Haruto's profile says "ja", which is not shipped: the run's language stays.
        try following.press("5s")
        try following.signIn("haruto.sato")
        #expect(following.dashboard.session?.language == .english)

        let explicit = try DashboardHarness(configuration: DashboardConfiguration(followsAccountLanguage: false))
        try explicit.signIn("elodie.fournier")
        #expect(explicit.dashboard.session?.language == .english)
        #expect(explicit.text.contains("Overview"))
    }

    /// Keys that open the language dialog from anywhere when signed in.
    static let openLanguageDialog: String = {
        let row = 6  // email, username, full name, contact email, phone, country, language
        return "5<Home>" + String(repeating: "<Down>", count: row) + "<Enter>"
    }()

    /// Keys that pick `language` in the open dialog and save.
    static func pick(_ language: DisplayLanguage) -> String {
        let index = DisplayLanguage.allCases.firstIndex(of: language) ?? 0
        return "<Home>" + String(repeating: "<Down>", count: index) + "<Enter>"
    }

    @Test(
        "switching in Account changes the screen at once, is saved, and holds after signing in again",
        arguments: [DisplayLanguage.german, .french])
    func switchAndKeep(language: DisplayLanguage) throws {
        let harness = try DashboardHarness(configuration: DashboardConfiguration(followsAccountLanguage: true))
        let account = try harness.account("siobhan_oc")
        try harness.signIn("siobhan_oc")
        #expect(harness.dashboard.session?.language == .english)
        let requestsBefore = try RequestService(context: harness.context).requests(accountId: account.id).count
        let dialog = try harness.press(Self.openLanguageDialog)
        #expect(dialog.contains("English") && dialog.contains("Deutsch") && dialog.contains("Français"))
        let switched = try harness.press(Self.pick(language))
        let strings = try Strings.bundled(language: language.rawValue)
        #expect(harness.dashboard.session?.language == language)
        #expect(switched.contains(strings["tab.account.short"]))
        #expect(switched.contains(strings["account.profile.title"]))
        #expect(switched.contains(language.endonym), "the row shows the language by its own name")
        #expect(try LanguagePreferenceService(context: harness.context).language(accountId: account.id) == language)
        // A setting, not a request: nothing is filed.
        #expect(try RequestService(context: harness.context).requests(accountId: account.id).count == requestsBefore)

        // Signed out, the form is in the run's language; signed in again, the account's language is back.
        let signedOut = try harness.press("s")
        #expect(signedOut.contains("Sign in"))
        let again = try harness.signIn("siobhan_oc")
        #expect(harness.dashboard.session?.language == language)
        #expect(again.contains(strings["tab.overview.short"]))
    }

    @Test("erasing the contact details keeps the language: the next sign-in is in it")
    func languageOutlivesContactErasure() throws {
        let harness = try DashboardHarness(configuration: DashboardConfiguration(followsAccountLanguage: true))
        let account = try harness.account("siobhan_oc")
        try harness.signIn("siobhan_oc")
        try harness.press(Self.openLanguageDialog + Self.pick(.german))
        #expect(harness.dashboard.session?.language == .german)
        try ErasureService(context: harness.context).erase(accountId: account.id, categoryId: "contact")
        try harness.press("s")
        try harness.signIn("siobhan_oc")
        #expect(harness.dashboard.session?.language == .german)
    }

    @Test("choosing the language already shown files nothing and Esc leaves everything as it was")
    func noChange() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("siobhan_oc")
        try harness.signIn("siobhan_oc")
        let before = try RequestService(context: harness.context).requests(accountId: account.id).count
        try harness.press(Self.openLanguageDialog + Self.pick(.english))
        #expect(try RequestService(context: harness.context).requests(accountId: account.id).count == before)
        try harness.press(Self.openLanguageDialog + "<Down><Esc>")
        #expect(harness.dashboard.session?.language == .english)
        #expect(try LanguagePreferenceService(context: harness.context).language(accountId: account.id) == .english)
    }

    // MARK: - Catalogue texts

    @Test("a catalogue overlay replaces texts by key, keeps ids and rules, and keeps English where it lacks a key")
    func catalogueOverlay() throws {
        let catalogue = try CatalogueLoader.bundled()
        let texts = catalogue.texts
        #expect(texts["category.viewing.name"] == catalogue.category("viewing")?.name)
        #expect(texts["section.overview.title"] != nil)
        #expect(texts.keys.contains { $0.hasPrefix("category.viewing.collected.") })
        #expect(texts.keys.contains { $0.hasPrefix("recordSet.") && $0.hasSuffix(".retention") })
        let overlay = [
            "category.viewing.name": "Sehverlauf", "category.viewing.collected.0": "Was Sie wann gesehen haben",
            "right.access.name": "Auskunft", "purpose.marketing.summary": "",
        ]
        let localized = catalogue.localized(overlay)
        #expect(localized.category("viewing")?.name == "Sehverlauf")
        #expect(localized.category("viewing")?.collected.first == "Was Sie wann gesehen haben")
        #expect(localized.right("access")?.name == "Auskunft")
        #expect(
            localized.purpose("marketing")?.summary == catalogue.purpose("marketing")?.summary, "empty keeps English")
        #expect(localized.category("billing")?.name == catalogue.category("billing")?.name)
        #expect(localized.version == catalogue.version)
        #expect(localized.categories.map(\.id) == catalogue.categories.map(\.id))
        #expect(
            localized.category("viewing")?.recordSets.map(\.retention.period)
                == catalogue.category("viewing")?.recordSets.map(\.retention.period))
        #expect(Set(localized.texts.keys) == Set(texts.keys))
    }

    @Test("the session holds the catalogue in its language, so screens show translated catalogue texts")
    func sessionCatalogue() throws {
        let harness = try DashboardHarness()
        try harness.signIn()
        let session = try #require(harness.dashboard.session)
        let english = try #require(session.catalogue.category("viewing")?.name)
        #expect(harness.text.contains(english))
        session.use(strings: harness.strings, catalogueTexts: ["category.viewing.name": "Sehverlauf (Test)"])
        #expect(session.catalogue.category("viewing")?.name == "Sehverlauf (Test)")
        let overview = try harness.press("1")
        #expect(overview.contains("Sehverlauf (Test)"))
        let myData = try harness.press("2")
        #expect(myData.contains("Sehverlauf (Test)"))
        // The model's own context is untouched: rules and stored data still use the shipped catalogue.
        #expect(harness.context.catalogue.category("viewing")?.name == english)
    }

    // MARK: - Access report

    @Test("the access report is written in the language asked for, English unchanged", arguments: ["de", "fr"])
    func accessReport(language: String) throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        let writer = AccessReportWriter(context: harness.context)
        let english = try writer.render(accountId: account.id)
        #expect(english.contains("Your rights over it:"))
        #expect(english.hasSuffix("End of report.\n"))
        #expect(try writer.render(accountId: account.id, language: "en") == english)
        let text = try writer.render(accountId: account.id, language: language)
        let words = try Strings.bundled(language: language)
        let catalogue = try CatalogueLoader.bundled(language: language)
        for key in ["report.dataHeld", "report.collected", "report.rightsTitle", "report.end"] {
            #expect(text.contains(words[key]), "\(language) report lacks \(words[key])")
        }
        #expect(text.contains(try #require(catalogue.category("viewing")?.name)))
        #expect(text.contains(try #require(catalogue.right("access")?.name)))
        #expect(text.firstMatch(of: /report\.[a-zA-Z]/) == nil, "a key shows in place of a word")
    }

    // MARK: - Main flows in German and French

    /// The runs of hint keys on the bottom row: the hints that fit.
    static func hintCount(_ canvas: Canvas) -> Int {
        let y = canvas.size.height - 1
        var count = 0
        var inKey = false
        for x in 0..<canvas.size.width {
            let isKey = canvas[x, y].style == .hintKey
            if isKey && !inKey { count += 1 }
            inKey = isKey
        }
        return count
    }

    /// The main flows at 80×24 as named frames: sign-in, overview, My data, a preference switched,
    /// a correction request filed to its receipt, the account and its language dialog, the policy, help.
    static func flow(language: String) throws -> [(step: String, frame: Canvas)] {
        let harness = try DashboardHarness(language: language)
        var frames: [(String, Canvas)] = [("sign-in form", harness.frame)]
        func step(_ name: String, _ keys: String) throws {
            try harness.press(keys)
            frames.append((name, harness.frame))
        }
        try step("overview", "lena.mueller<Tab>\(DashboardHarness.password)<Enter>")
        try step("my data", "2")
        try step("my data, next category", "<Down>")
        try step("my data, records", "<Enter>")
        try step("my data, back", "<Esc>")
        try step("preferences", "3")
        try step("preferences, second row", "<Down>")
        try step("preference switched", "<Space>")
        // A correction of the contact email: every wizard step, with typed details, to the receipt.
        let catalogue = harness.context.catalogue
        let right = catalogue.rights.firstIndex { $0.id == "correction" } ?? 0
        let field = catalogue.categories.flatMap { $0.correctableFields ?? [] }.firstIndex(of: "contactEmail") ?? 0
        try step("requests", "4")
        try step("wizard: right", "n")
        try step("wizard: scope", String(repeating: "<Down>", count: right) + "<Enter>")
        try step("wizard: details", String(repeating: "<Down>", count: field) + "<Enter>")
        try step("wizard: details typed", "lena@example.de<Enter>")
        try step("wizard: identity", "old address<Enter>")
        try step("wizard: receipt", DashboardHarness.password + "<Enter>")
        try step("requests after filing", "<Enter>")
        try step("account", "5")
        try step("account, language row", String(repeating: "<Down>", count: 6))
        try step("language dialog", "<Enter>")
        try step("language dialog closed", "<Esc>")
        try step("password dialog", "p")
        try step("password dialog closed", "<Esc>")
        try step("policy", "6")
        try step("help", "?")
        return frames
    }

    @Test(
        "at the smallest size, 72×22, every screen's tab stays readable in each language",
        arguments: ["en", "de", "fr"])
    func tabsAtMinimum(language: String) throws {
        let harness = try DashboardHarness(size: Size(width: 72, height: 22), language: language)
        try harness.signIn()
        for (index, screen) in ScreenID.allCases.enumerated() {
            let tabs = try #require(try harness.press("\(index + 1)").split(separator: "\n").dropFirst().first)
            for (number, other) in ScreenID.allCases.enumerated() {
                let title = "\(number + 1) " + harness.strings[other.titleKey + ".short"]
                #expect(tabs.contains(title), "\(language) on \(screen): \(title) cut from \(tabs)")
            }
            #expect(!tabs.contains("…"), "\(language) on \(screen): \(tabs)")
        }
    }

    @Test(
        "the main flows at 80×24 are translated, hold their layout, and keep every key hint",
        arguments: ["de", "fr"])
    func mainFlows(language: String) throws {
        let english = try Self.flow(language: "en")
        let translated = try Self.flow(language: language)
        let strings = try Strings.bundled(language: language)
        #expect(english.count == translated.count)
        for (source, target) in zip(english, translated) {
            let text = target.frame.plainText
            #expect(target.frame.lines.count == 24)
            #expect(target.frame.lines.allSatisfy { TextWidth.columns(of: $0) <= 80 })
            #expect(!text.contains("⟦"), "\(language) \(target.step): missing string")
            #expect(
                Self.hintCount(target.frame) == Self.hintCount(source.frame),
                "\(language) \(target.step): key hints dropped:\n\(target.frame.lines.last ?? "")")
            if target.step != "help" && target.step != "sign-in form" {
                #expect(text.contains(strings["key.help.hint"]), "\(language) \(target.step): help hint missing")
            }
            #expect(text != source.frame.plainText, "\(language) \(target.step): the frame is still English:\n\(text)")
        }
        let overview = try #require(translated.first { $0.step == "overview" }).frame.plainText
        for screen in ScreenID.allCases {
            #expect(overview.contains(strings[screen.titleKey + ".short"]), "\(language) tab \(screen)")
        }
        // Filed at 29.11.2026 09:00 UTC: receipt confirmed by 01.12.2026 09:00, answered by 29.12.2026.
        let receipt = try #require(translated.first { $0.step == "wizard: receipt" }).frame.plainText
        let formats = Formats(language: language)
        let receiptDue = TestDefaults.start.addingTimeInterval(48 * 3600)
        let answerDue = TestDefaults.start.addingTimeInterval(30 * 86400)
        #expect(receipt.contains(formats.dateTime(receiptDue)), "\(language) receipt:\n\(receipt)")
        #expect(receipt.contains(formats.date(answerDue)), "\(language) receipt:\n\(receipt)")
    }
}
