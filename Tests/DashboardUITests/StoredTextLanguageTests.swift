import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import Testing

@Suite("Stored text in the reader's language")
@MainActor
struct StoredTextLanguageTests {
    /// English that stored text used to hold, or would hold if a sentence were stored in the writer's words.
    static let english = [
        "If you disagree", "data-protection authority", "Extended to", "extended to", "Identity confirmed",
        "identity confirmed", "Records of", "erased:", "Kept:", "is restricted", "kept but not used", "Viewing history",
        "via ", "über dashboard",
    ]

    @Test("a German subscriber reads a denial with its reason, an extension, an erasure and a restriction in German")
    func germanSessionShowsNoEnglish() throws {
        let harness = try DashboardHarness(size: Size(width: 150, height: 80), language: "de")
        let account = try harness.account("lena.mueller")
        let service = RequestService(context: harness.context)
        let denied = try service.file(accountId: account.id, type: .access, scope: .all)
        try service.deny(reference: denied.reference, actor: .support, reason: "Identität nicht belegt")
        let extended = try service.file(accountId: account.id, type: .portability, scope: .format("json"))
        try service.acknowledge(reference: extended.reference, actor: .support)
        try service.extend(
            reference: extended.reference, to: extended.responseDueAt.addingTimeInterval(86_400),
            reason: "Sehr viele Daten", actor: .support)
        let catalogue = harness.context.catalogue
        _ = try ErasureService(context: harness.context).erase(accountId: account.id, categoryId: "viewing")
        let restrictions = RestrictionService(context: harness.context)
        var restrictable: DataCategory?
        for category in RightScopes(catalogue: catalogue).categories(for: .restriction) where category.id != "viewing" {
            if try !restrictions.isRestricted(accountId: account.id, categoryId: category.id) {
                restrictable = category
                break
            }
        }
        let chosen = try #require(restrictable)
        try restrictions.restrict(accountId: account.id, categoryId: chosen.id)

        let german = try Strings.bundled(language: "de")
        try harness.signIn()
        try harness.press("4")
        // Newest first: the restriction, the erasure, the extension, the denial.
        var details: [String] = []
        for index in 0..<4 {
            let text = try harness.press(String(repeating: "<Down>", count: index) + "<Enter>")
            details.append(text)
            for phrase in Self.english {
                #expect(!text.contains(phrase), "detail \(index) shows English \"\(phrase)\":\n\(text)")
            }
            #expect(!text.contains("⟦"), "detail \(index): missing string")
            try harness.press("<Esc><Home>")
        }
        #expect(details[3].contains("Identität nicht belegt"))
        #expect(details[3].contains(german["stored.request.complaint"].prefix(30)))
        #expect(
            details[3].contains(
                german("requests.detail.filedVia", ["date": "", "channel": german["stored.channel.dashboard"]])
                    .trimmingCharacters(in: .whitespaces)))
        #expect(details[2].contains("Sehr viele Daten"))
        #expect(details[1].contains("Gelöschte Datensätze aus"))
        #expect(details[1].contains("Identität durch die angemeldete Sitzung"))
        #expect(details[0].contains("ist eingeschränkt"))
    }
}
