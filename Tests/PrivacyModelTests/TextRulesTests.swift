import Testing

@testable import PrivacyModel

@Suite("text rules: one check per field")
struct TextRulesTests {
    @Test("a name is trimmed and refused when empty, too long or holding any control, each with its own problem")
    func names() throws {
        #expect(try TextRules.name("  Ada Lovelace \n") == "Ada Lovelace")
        #expect(throws: AccountError.invalidName(.empty)) { try TextRules.name("   ") }
        #expect(throws: AccountError.invalidName(.tooLong(limit: 200))) {
            try TextRules.name(String(repeating: "x", count: 201))
        }
        for control in ["\u{1B}[31m", "\u{9B}", "\u{7F}", "\u{202E}", "a\nb", "\u{0}"] {
            #expect(throws: AccountError.invalidName(.controlCharacters), "\(control.debugDescription)") {
                try TextRules.name("Ada" + control)
            }
        }
    }

    @Test("account creation and the profile correction apply the same name and email rules")
    func sameRuleEverywhere() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        let new = NewAccount(
            email: "eve@example.com", username: "eve", fullName: "Eve\u{1B}]0;x", birthdate: "1990-01-01")
        #expect(throws: AccountError.invalidName(.controlCharacters)) {
            try AccountService(context: env.context).create(new, password: "correct horse battery")
        }
        #expect(throws: AccountError.invalidName(.controlCharacters)) {
            try ProfileCorrectionService(context: env.context).normalised(.fullName, "Ada\u{9B}31m")
        }
        #expect(throws: AccountError.invalidEmail("ada\u{85}@example.com")) {
            try ProfileCorrectionService(context: env.context).normalised(.contactEmail, "ada\u{85}@example.com")
        }
    }
}
