import Foundation
import GRDB
import Testing

@testable import PrivacyModel

@Suite("breach register and notices")
struct BreachRegisterTests {
    /// A payment breach for the holders of a payment method, discovered an hour ago.
    static func paymentDraft(_ env: TestEnvironment) -> BreachDraft {
        BreachDraft(
            kind: .unauthorisedAccess, discoveredAt: env.clock.now().addingTimeInterval(-3_600),
            categories: ["payment"], audience: .holders(category: "payment"), consequences: [.fraud],
            measures: [.accessContained, .paymentProviderAlerted], advice: [.watchStatements],
            contact: "privacy@example.com")
    }

    static func addPaymentMethod(_ account: Account, _ env: TestEnvironment) throws {
        try env.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO payment_method (accountId, token, brand, last4, expiry, addedAt)
                    VALUES (?, 'tok', 'visa', '4242', '2030-01', 0)
                    """, arguments: [account.id])
        }
    }

    @Test("publishing notifies only the holders of the category, naming their involved and other categories")
    func publishToHolders() throws {
        let env = try TestEnvironment()
        let lena = try env.makeAccount(email: "lena@example.com", username: "lena")
        let noah = try env.makeAccount(email: "noah@example.com", username: "noah")
        try Self.addPaymentMethod(lena, env)
        let approver = try env.staffMember("paul", role: .approver)
        let register = BreachRegister(context: env.context)

        let breach = try register.record(Self.paymentDraft(env), staff: approver)
        #expect(breach.status == .draft)
        #expect(breach.reference.hasPrefix("B-"))
        #expect(try BreachNoticeService(context: env.context).notices(accountId: lena.id).isEmpty)
        let entry = try register.entry(reference: breach.reference, staff: approver)
        #expect(entry.secondsLeft(at: env.clock.now()) == Int64(71 * 3_600))
        #expect(!entry.isOverdue(at: env.clock.now()))

        let publication = try register.publish(reference: breach.reference, staff: approver)
        #expect(publication.notified == 1)
        #expect(publication.mailsQueued == 1)
        let notices = BreachNoticeService(context: env.context)
        let lenas = try notices.unacknowledged(accountId: lena.id)
        #expect(lenas.count == 1)
        #expect(lenas.first?.involved == ["payment"])
        #expect(lenas.first?.notInvolved.contains("account") == true)
        #expect(lenas.first?.notInvolved.contains("payment") == false)
        #expect(try notices.notices(accountId: noah.id).isEmpty)
        let mail = try env.context.store.read { db in
            try Row.fetchOne(
                db, sql: "SELECT recipient, kind, params FROM outbox WHERE breachId = ?", arguments: [breach.id])
        }
        #expect(mail?["recipient"] == "lena@example.com")
        #expect(mail?["kind"] == MailKind.breachNotice.rawValue)
        #expect((mail?["params"] as String?)?.contains("\"involved\":\"payment\"") == true)
    }

    @Test("an acknowledged notice comes back after an update, and closing ends the alert but keeps the notice")
    func acknowledgeUpdateClose() throws {
        let env = try TestEnvironment()
        let lena = try env.makeAccount(email: "lena@example.com", username: "lena")
        let approver = try env.staffMember("paul", role: .approver)
        let register = BreachRegister(context: env.context)
        var draft = Self.paymentDraft(env)
        draft.audience = .everyone
        let breach = try register.record(draft, staff: approver)
        try register.publish(reference: breach.reference, staff: approver)
        let notices = BreachNoticeService(context: env.context)
        let notice = try #require(try notices.unacknowledged(accountId: lena.id).first)
        #expect(try notices.acknowledge(accountId: lena.id, noticeId: notice.id))
        #expect(try !notices.acknowledge(accountId: lena.id, noticeId: notice.id))
        #expect(try notices.unacknowledged(accountId: lena.id).isEmpty)
        #expect(try register.entry(reference: breach.reference, staff: approver).acknowledged == 1)

        draft.advice = [.watchStatements, .bewarePhishing]
        let update = try register.update(reference: breach.reference, draft, staff: approver)
        #expect(update.breach.version == 2)
        #expect(try notices.unacknowledged(accountId: lena.id).count == 1)
        #expect(try register.entry(reference: breach.reference, staff: approver).acknowledged == 0)
        #expect(try register.entry(reference: breach.reference, staff: approver).mailsQueued == 2)
        #expect(try notices.open(accountId: lena.id).count == 1)

        try register.close(reference: breach.reference, staff: approver)
        #expect(try notices.open(accountId: lena.id).isEmpty)
        #expect(try notices.notices(accountId: lena.id).count == 1)
        #expect(throws: BreachError.closed(reference: breach.reference)) {
            try register.close(reference: breach.reference, staff: approver)
        }
    }

    @Test("only approvers keep the register; bad drafts are refused before anything is written")
    func refusals() throws {
        let env = try TestEnvironment()
        let agent = try env.staffMember("ana", role: .agent)
        let approver = try env.staffMember("paul", role: .approver)
        let register = BreachRegister(context: env.context)
        #expect(throws: StaffError.notPermitted(role: .agent, action: .manageBreaches)) {
            try register.record(Self.paymentDraft(env), staff: agent)
        }
        var draft = Self.paymentDraft(env)
        draft.categories = ["nonsense"]
        #expect(throws: BreachError.unknownCategory("nonsense")) { try register.record(draft, staff: approver) }
        draft = Self.paymentDraft(env)
        draft.discoveredAt = env.clock.now().addingTimeInterval(60)
        #expect(throws: BreachError.discoveredInFuture) { try register.record(draft, staff: approver) }
        draft = Self.paymentDraft(env)
        draft.contact = "call us\u{1B}[2J"
        #expect(throws: BreachError.invalidContact) { try register.record(draft, staff: approver) }
        draft = Self.paymentDraft(env)
        draft.details = "see \u{9B}31m"
        #expect(throws: BreachError.controlCharacters) { try register.record(draft, staff: approver) }
        draft = Self.paymentDraft(env)
        draft.audience = .list([999])
        #expect(throws: BreachError.unknownAccount("#999")) { try register.record(draft, staff: approver) }
        #expect(try register.entries(staff: approver).isEmpty)
    }

    @Test("the register flags a breach overdue when 72 hours pass before publishing")
    func overdue() throws {
        let env = try TestEnvironment()
        let approver = try env.staffMember("paul", role: .approver)
        let register = BreachRegister(context: env.context)
        let breach = try register.record(Self.paymentDraft(env), staff: approver)
        env.clock.advance(by: 71 * 3_600 - 1)
        #expect(try !register.entry(reference: breach.reference, staff: approver).isOverdue(at: env.clock.now()))
        env.clock.advance(by: 2)
        let entry = try register.entry(reference: breach.reference, staff: approver)
        #expect(entry.isOverdue(at: env.clock.now()))
        #expect(entry.secondsLeft(at: env.clock.now()) == -1)
    }

    @Test("an update that no longer names a subscriber does not show them the notice again; mail-less notices say so")
    func updateLeavesOthersAlone() throws {
        let env = try TestEnvironment()
        let lena = try env.makeAccount(email: "lena@example.com", username: "lena")
        let noah = try env.makeAccount(email: "noah@example.com", username: "noah")
        let approver = try env.staffMember("paul", role: .approver)
        let register = BreachRegister(context: env.context)
        var draft = Self.paymentDraft(env)
        draft.audience = .list([lena.id, noah.id])
        let breach = try register.record(draft, staff: approver)
        try register.publish(reference: breach.reference, staff: approver)
        let notices = BreachNoticeService(context: env.context)
        let noahs = try #require(try notices.unacknowledged(accountId: noah.id).first)
        #expect(noahs.byEmail)
        try notices.acknowledge(accountId: noah.id, noticeId: noahs.id)
        draft.audience = .list([lena.id])
        try register.update(reference: breach.reference, draft, staff: approver)
        #expect(try notices.unacknowledged(accountId: noah.id).isEmpty)
        #expect(try notices.unacknowledged(accountId: lena.id).first?.version == 2)
        #expect(try register.entry(reference: breach.reference, staff: approver).acknowledged == 1)
    }
}
