import DashboardUI
import Foundation
import PrivacyModel
import TerminalKit
import TestSupport
import Testing

@Suite("Restrictions lifted and objections kept, on screen")
@MainActor
struct RightsInEffectScreenTests {
    /// Moves the Preferences selection down until the selected row names `name`; returns that row.
    @discardableResult
    private func selectPreference(_ name: String, in harness: DashboardHarness) throws -> String {
        try harness.press("<Home>")
        for _ in 0..<30 {
            if let row = harness.lines.first(where: { $0.contains("▶") && $0.contains(name) }) { return row }
            try harness.press("<Down>")
        }
        Issue.record("could not select \(name)")
        return ""
    }

    @Test("a preference under an objection shows it, and Space asks before withdrawing the objection")
    func objectionSticksOnPreferences() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        let objections = ObjectionService(context: harness.context)
        let objection = try objections.object(accountId: account.id, purposeId: "marketing")
        let preferences = PreferenceService(context: harness.context)
        try harness.signIn()
        try harness.press("3")
        let row = try selectPreference("Newsletter", in: harness)
        #expect(row.contains("[ ] Newsletter") && row.contains("objected"), "\(row)")
        #expect(harness.text.contains("You object to Optional messages: switching on asks to withdraw it."))
        let receipts = try preferences.receipts(accountId: account.id).count

        // Space asks; any key but yes keeps the objection and writes nothing.
        let asked = try harness.press("<Space>")
        #expect(asked.contains("Withdraw your objection?"))
        #expect(asked.contains(objection.reference))
        let kept = try harness.press("n")
        #expect(kept.contains("Newsletter stays off; your objection stands."))
        #expect(try preferences.receipts(accountId: account.id).count == receipts)
        #expect(try objections.isObjecting(accountId: account.id, purposeId: "marketing"))

        // Yes withdraws it: the preference is on with its receipt, the others of the purpose stay off.
        try harness.press("<Space>")
        let done = try harness.press("y")
        #expect(done.contains("Objection to Optional messages withdrawn (recorded on \(objection.reference))"))
        #expect(done.contains("[x] Newsletter"))
        #expect(try preferences.receipts(accountId: account.id).count == receipts + 1)
        #expect(try !objections.isObjecting(accountId: account.id, purposeId: "marketing"))
        #expect(try preferences.value("communications.offers", accountId: account.id) == false)
        let offers = try selectPreference("Offers and promotions", in: harness)
        #expect(!offers.contains("objected"), "\(offers)")
    }

    @Test("My data marks a purpose the subscriber objects to")
    func myDataMarksObjectedPurpose() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        let account = try harness.account("lena.mueller")
        _ = try ObjectionService(context: harness.context).object(
            accountId: account.id, purposeId: "service-improvement")
        let text = try MyDataTestSupport.open(harness, category: "usage")
        #expect(text.contains("Improving the service"))
        // The purpose's bullet and the lines it wraps onto, up to the next bullet.
        let lines = harness.lines.map { $0.split(separator: "│").last.map(String.init) ?? "" }
        let start = try #require(lines.firstIndex { $0.contains("• Improving the service") })
        var item = lines[start]
        for line in lines[(start + 1)...] {
            guard !line.contains("•"), !line.trimmingCharacters(in: .whitespaces).isEmpty else { break }
            item += " " + line.trimmingCharacters(in: .whitespaces)
        }
        #expect(item.contains("objected to by you on 2026-11-29"), "\(item)")
        let security = try #require(lines.first { $0.contains("• Keeping accounts safe") })
        #expect(!security.contains("objected"))
    }

    @Test("a restricted category is lifted from My data with the password, a receipt and a timeline entry")
    func liftFromMyData() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        let account = try harness.account("lena.mueller")
        let restrictions = RestrictionService(context: harness.context)
        let restriction = try restrictions.restrict(accountId: account.id, categoryId: "usage")
        let reference = try #require(restriction.requestReference)
        try MyDataTestSupport.open(harness, category: "usage")
        #expect(harness.lines.last?.contains("lift restriction") == true)
        let asked = try harness.press("u")
        #expect(asked.contains("Lift the restriction"))
        let wrong = try harness.press("not-the-password<Enter>")
        #expect(wrong.contains("The password is wrong. The restriction stays."))
        #expect(try restrictions.isRestricted(accountId: account.id, categoryId: "usage"))
        let done = try harness.press(DashboardHarness.password + "<Enter>")
        #expect(done.contains("Restriction lifted on"))
        #expect(done.contains("Recorded on request \(reference)"))
        #expect(try !restrictions.isRestricted(accountId: account.id, categoryId: "usage"))
        let closed = try harness.press("<Enter>")
        #expect(!closed.contains("You restricted this category"))
        let request = try #require(try RequestService(context: harness.context).request(reference: reference))
        let events = try RequestService(context: harness.context).events(requestId: request.id)
        #expect(events.last?.isFollowUp == true)
    }

    @Test("a completed restriction request lifts its restriction from Requests")
    func liftFromRequests() throws {
        let harness = try DashboardHarness(size: Size(width: 120, height: 40))
        let account = try harness.account("lena.mueller")
        let restrictions = RestrictionService(context: harness.context)
        let restriction = try restrictions.restrict(accountId: account.id, categoryId: "viewing")
        let reference = try #require(restriction.requestReference)
        try harness.signIn()
        try harness.press("4")
        let requests = try RequestService(context: harness.context).requests(accountId: account.id)
        let index = try #require(requests.firstIndex { $0.reference == reference })
        try harness.press(String(repeating: "<Down>", count: index) + "<Enter>")
        #expect(harness.text.contains(reference))
        #expect(harness.lines.last?.contains("lift restriction") == true)
        try harness.press("u")
        let done = try harness.press(DashboardHarness.password + "<Enter>")
        #expect(done.contains("Restriction lifted on"))
        #expect(try !restrictions.isRestricted(accountId: account.id, categoryId: "viewing"))
        let detail = try harness.press("<Enter>")
        #expect(detail.contains("later step"))
        #expect(harness.lines.last?.contains("lift restriction") == false)
    }
}
