import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// Preferences: catalogue defaults, changes that leave receipts, and refusals that leave nothing.
@Suite struct PreferenceTests {
    @Test func defaultsComeFromTheCatalogueInCatalogueOrder() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = PreferenceService(context: env.context)
        let states = try service.preferences(accountId: account.id)
        let catalogue = env.context.catalogue.preferences
        #expect(states.map(\.id) == catalogue.map(\.id))
        #expect(states.map(\.value) == catalogue.map(\.default))
        #expect(states.map(\.group) == catalogue.map(\.group))
        #expect(states.allSatisfy { $0.isDefault && $0.changedAt == nil })
        let essential = try #require(states.first { $0.id == "cookies.essential" })
        #expect(essential.isLocked)
        #expect(essential.lockedReason == env.context.catalogue.preference("cookies.essential")?.lockedReason)
        let newsletter = try #require(states.first { $0.id == "communications.newsletter" })
        #expect(newsletter.lockedReason == nil)
        #expect(try service.value("communications.newsletter", accountId: account.id) == false)
        #expect(try service.value("recommendations.personalised", accountId: account.id) == true)
        #expect(try service.receipts(accountId: account.id).isEmpty)
    }

    @Test func aChangeAppendsAReceiptWithEveryField() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = PreferenceService(context: env.context)
        let receipt = try #require(try service.set("communications.newsletter", to: true, accountId: account.id))
        #expect(receipt.accountId == account.id)
        #expect(receipt.sequence == 1)
        #expect(receipt.preferenceId == "communications.newsletter")
        #expect(receipt.oldValue == 0 && receipt.newValue == 1)
        #expect(!receipt.oldIsOn && receipt.newIsOn)
        #expect(receipt.recordedAt == "2026-11-29T09:00:00Z")
        #expect(receipt.policyVersion == "2025-01-25.1")
        #expect(receipt.policyVersion == env.context.catalogue.version)
        #expect(receipt.channel == "dashboard")
        #expect(receipt.previousHash == String(repeating: "0", count: 64))
        #expect(receipt.hash.count == 64 && receipt.hash.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(receipt.hash == receipt.computedHash)
        #expect(try service.receipts(accountId: account.id) == [receipt])

        #expect(try service.value("communications.newsletter", accountId: account.id) == true)
        let state = try #require(try service.preferences(accountId: account.id).first { $0.id == receipt.preferenceId })
        #expect(state.value && !state.isDefault)
        #expect(state.changedAt == TestDefaults.start)

        let head = try AccountService(context: env.context).account(id: account.id)?.consentHeadHash
        #expect(head == receipt.hash)
        let audit = try env.context.store.read { db in try AuditLog.entries(db, accountId: account.id) }
        let entry = try #require(audit.first { $0.action == "preference-changed" })
        #expect(entry.detail.contains("communications.newsletter"))
        #expect(entry.at == TestDefaults.start.epochSeconds)
    }

    @Test func laterChangesContinueTheSequenceWithTheirOwnTimeAndChannel() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = PreferenceService(context: env.context)
        let first = try #require(try service.set("recommendations.personalised", to: false, accountId: account.id))
        env.clock.advance(by: 5405)
        let second = try #require(
            try service.set("recommendations.personalised", to: true, accountId: account.id, channel: "ssh"))
        #expect(second.sequence == 2)
        #expect(second.previousHash == first.hash)
        #expect(second.oldIsOn == false && second.newIsOn == true)
        #expect(second.recordedAt == "2026-11-29T10:30:05Z")
        #expect(second.channel == "ssh")
        #expect(first.oldIsOn == true && first.newIsOn == false)
        #expect(try service.receipts(accountId: account.id).map(\.sequence) == [1, 2])
    }

    @Test func anUnchangedValueAppendsNothing() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = PreferenceService(context: env.context)
        #expect(try service.set("recommendations.personalised", to: true, accountId: account.id) == nil)
        #expect(try service.receipts(accountId: account.id).isEmpty)
        _ = try service.set("cookies.analytics", to: true, accountId: account.id)
        #expect(try service.set("cookies.analytics", to: true, accountId: account.id) == nil)
        #expect(try service.receipts(accountId: account.id).count == 1)
        let changes = try env.context.store.read { db in
            try AuditLog.entries(db, accountId: account.id).filter { $0.action == "preference-changed" }
        }
        #expect(changes.count == 1)
        let rows = try env.context.store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM preference WHERE accountId = ?", arguments: [account.id])
        }
        #expect(rows == 1)
    }

    @Test func aLockedPreferenceIsRefusedAndNothingIsAppended() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = PreferenceService(context: env.context)
        let reason = try #require(env.context.catalogue.preference("cookies.essential")?.lockedReason)
        let expected = PreferenceError.locked(id: "cookies.essential", name: "Essential cookies", reason: reason)
        #expect(throws: expected) { try service.set("cookies.essential", to: false, accountId: account.id) }
        #expect(throws: expected) { try service.set("cookies.essential", to: true, accountId: account.id) }
        #expect(expected.kind == .permission)
        #expect(expected.description.contains(reason))
        #expect(try service.value("cookies.essential", accountId: account.id) == true)
        #expect(try service.receipts(accountId: account.id).isEmpty)
        let head = try AccountService(context: env.context).account(id: account.id)?.consentHeadHash
        #expect(head == nil)
    }

    @Test func anUnknownPreferenceIsRefused() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = PreferenceService(context: env.context)
        #expect(throws: PreferenceError.unknownPreference("cookies.tasty")) {
            try service.set("cookies.tasty", to: true, accountId: account.id)
        }
        #expect(throws: PreferenceError.unknownPreference("cookies.tasty")) {
            try service.value("cookies.tasty", accountId: account.id)
        }
        #expect(try service.receipts(accountId: account.id).isEmpty)
    }

    @Test func missingAndInactiveAccountsAreRefused() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = PreferenceService(context: env.context)
        #expect(throws: PreferenceError.accountNotFound(9999)) {
            try service.set("cookies.analytics", to: true, accountId: 9999)
        }
        #expect(throws: PreferenceError.accountNotFound(9999)) { try service.preferences(accountId: 9999) }
        try env.context.store.write { db in
            try db.execute(sql: "UPDATE account SET status = 'deletion-pending' WHERE id = ?", arguments: [account.id])
        }
        #expect(throws: PreferenceError.accountNotActive(account.id)) {
            try service.set("cookies.analytics", to: true, accountId: account.id)
        }
        #expect(try service.value("cookies.analytics", accountId: account.id) == false)
        #expect(try service.receipts(accountId: account.id).isEmpty)
    }

    @Test func aBadChannelIsRefused() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = PreferenceService(context: env.context)
        #expect(throws: PreferenceError.invalidChannel("")) {
            try service.set("cookies.analytics", to: true, accountId: account.id, channel: "")
        }
        #expect(throws: PreferenceError.invalidChannel("ssh\nforged")) {
            try service.set("cookies.analytics", to: true, accountId: account.id, channel: "ssh\nforged")
        }
        #expect(try service.receipts(accountId: account.id).isEmpty)
    }

    @Test func errorMessagesAreSingleLines() {
        let errors: [PreferenceError] = [
            .unknownPreference("x"), .locked(id: "a", name: "A", reason: "needed"), .accountNotFound(3),
            .accountNotActive(3), .invalidChannel("?"),
        ]
        for error in errors {
            #expect(!error.description.isEmpty)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func theCanonicalFormIsExactlyAsDocumented() {
        let form = ConsentReceipt.canonicalForm(
            accountId: 7, sequence: 3, preferenceId: "communications.newsletter", oldValue: 0, newValue: 1,
            recordedAt: "2026-11-29T09:00:00Z", policyVersion: "2025-01-25.1", channel: "ssh",
            previousHash: String(repeating: "ab", count: 32))
        #expect(
            form == """
                consent-receipt-v1
                accountId=7
                sequence=3
                preferenceId=communications.newsletter
                oldValue=0
                newValue=1
                recordedAt=2026-11-29T09:00:00Z
                policyVersion=2025-01-25.1
                channel=ssh
                previousHash=\(String(repeating: "ab", count: 32))
                """)
        let escaped = ConsentReceipt.canonicalForm(
            accountId: 1, sequence: 1, preferenceId: "p", oldValue: 0, newValue: 1, recordedAt: "t",
            policyVersion: "v", channel: "a\\n\nb\r", previousHash: "h")
        #expect(escaped.contains("channel=a\\\\n\\nb\\r\npreviousHash=h"))
    }

    @Test func theHashIsSHA256OfTheCanonicalForm() throws {
        // Expected value from: printf 'consent-receipt-v1\naccountId=7\n…previousHash=abab…' | sha256sum
        let json = """
            {"id": 1, "accountId": 7, "sequence": 3, "preferenceId": "communications.newsletter",
             "oldValue": 0, "newValue": 1, "recordedAt": "2026-11-29T09:00:00Z", "policyVersion": "2025-01-25.1",
             "channel": "ssh", "previousHash": "\(String(repeating: "ab", count: 32))", "hash": "unset"}
            """
        let receipt = try JSONDecoder().decode(ConsentReceipt.self, from: Data(json.utf8))
        #expect(receipt.computedHash == "7cff8aca66acaada8d1c388d9851ef8b42413653789690a70fb2129c81776d31")
    }
}
