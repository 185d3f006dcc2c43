import TestSupport
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

@Suite("text rules: notes, reasons and values")
struct NoteRulesTests {
    static let controls = ["\u{1B}[2J", "\u{9B}31m", "\u{7F}", "\u{202E}", "\u{2066}", "\u{0}"]

    @Test("a note is trimmed, may be blank or hold line breaks, and is refused when too long or holding a control")
    func notes() throws {
        #expect(try TextRules.note("  two\nlines\t ", limit: 20) == "two\nlines")
        #expect(try TextRules.note("   ", limit: 20) == "")
        #expect(throws: TextProblem.tooLong(limit: 3)) { try TextRules.note("four", limit: 3) }
        #expect(throws: TextProblem.controlCharacters) {
            try TextRules.note("a\nb", limit: 20, allowsLineBreaks: false)
        }
        for control in Self.controls {
            #expect(throws: TextProblem.controlCharacters, "\(control.debugDescription)") {
                try TextRules.note("Note " + control, limit: 2000)
            }
        }
    }

    @Test("request details, deny and extension reasons, identity notes and restriction reasons refuse controls")
    func requestTexts() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = env.requests
        for control in Self.controls {
            #expect(throws: RequestError.textControls("note"), "\(control.debugDescription)") {
                try service.file(
                    accountId: account.id, type: .access, scope: .all, details: RequestDetails(note: "a" + control))
            }
        }
        #expect(throws: RequestError.textControls("requested value")) {
            try service.file(
                accountId: account.id, type: .correction, scope: .field("phone"),
                details: RequestDetails(requestedValue: "+49 30\u{1B}[8m"))
        }
        let filed = try service.file(
            accountId: account.id, type: .access, scope: .all, details: RequestDetails(note: "line one\nline two"))
        #expect(filed.details.note == "line one\nline two")
        let reference = try env.request(for: account, in: .acknowledged, type: .portability, scope: .format("json"))
            .reference
        #expect(throws: RequestError.textControls("reason")) {
            try service.deny(reference: reference, actor: .support, reason: "no\u{1B}]0;owned\u{7}")
        }
        #expect(throws: RequestError.textControls("reason")) {
            try service.extend(
                reference: reference, to: TestDefaults.start.addingTimeInterval(40 * 86_400), reason: "busy\u{9B}",
                actor: .support)
        }
        #expect(throws: RequestError.textControls("note")) {
            try service.verifyIdentity(reference: reference, actor: .support, note: "seen\u{202E}")
        }
        #expect(try service.require(reference: reference).status == .acknowledged)
        #expect(throws: RequestError.textControls("reason")) {
            try RestrictionService(context: env.context).restrict(
                accountId: account.id, categoryId: "viewing", reason: "why\u{1B}")
        }
        #expect(try RestrictionService(context: env.context).restrictedCategories(accountId: account.id).isEmpty)
    }

    @Test("a record correction's new value with a control says so, not only that the shape is wrong")
    func correctionValue() throws {
        let column = CorrectableColumn("title")
        #expect(throws: RecordCorrectionError.valueControls(field: "title")) {
            try RecordCorrectionService.normalised("Title\u{202E}", for: column)
        }
        #expect(throws: RecordCorrectionError.valueControls(field: "title")) {
            try RecordCorrectionService.normalised("two\nlines", for: column)
        }
        #expect(try RecordCorrectionService.normalised(" Title ", for: column) == "Title")
    }
}
