import Foundation
import GRDB
import Testing

@testable import PrivacyModel

/// The consent receipt chain: intact chains verify, and an attacker editing the SQLite file is caught.
@Suite struct ReceiptChainTests {
    /// Four changes on one account: receipts 1…4.
    private func fourReceipts() throws -> (env: TestEnvironment, account: Account, service: PreferenceService) {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = PreferenceService(context: env.context)
        try service.set("communications.newsletter", to: true, accountId: account.id)
        env.clock.advance(by: 60)
        try service.set("cookies.analytics", to: true, accountId: account.id, channel: "ssh")
        env.clock.advance(by: 60)
        try service.set("recommendations.personalised", to: false, accountId: account.id)
        env.clock.advance(by: 60)
        try service.set("communications.newsletter", to: false, accountId: account.id, channel: "cli")
        return (env, account, service)
    }

    /// Edits the store as someone holding the file would: triggers dropped first.
    private func tamper(_ env: TestEnvironment, _ sql: String, _ arguments: StatementArguments = []) throws {
        try env.context.store.database.write { db in
            try db.execute(sql: "DROP TRIGGER IF EXISTS consent_receipt_no_update")
            try db.execute(sql: "DROP TRIGGER IF EXISTS consent_receipt_no_delete")
            try db.execute(sql: sql, arguments: arguments)
        }
    }

    @Test func anEmptyChainIsIntact() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let report = try PreferenceService(context: env.context).verifyChain(accountId: account.id)
        #expect(report.isIntact)
        #expect(report.receiptCount == 0)
        #expect(report.summary.contains("intact"))
    }

    @Test func aChainOfSeveralReceiptsVerifies() throws {
        let (env, account, service) = try fourReceipts()
        let receipts = try service.receipts(accountId: account.id)
        #expect(receipts.map(\.sequence) == [1, 2, 3, 4])
        #expect(receipts.map(\.channel) == ["dashboard", "ssh", "dashboard", "cli"])
        for (previous, next) in zip(receipts, receipts.dropFirst()) {
            #expect(next.previousHash == previous.hash)
        }
        #expect(receipts[3].oldIsOn == true && receipts[3].newIsOn == false)
        let report = try ReceiptChainVerifier(context: env.context).verify(accountId: account.id)
        #expect(report == ReceiptChainReport(accountId: account.id, receiptCount: 4, problem: nil))
        #expect(
            report.summary
                == "Consent record of account \(account.id) is intact: 4 receipts, each linked to the one before.")
    }

    @Test func theTriggersRefuseUpdateAndDeleteOfReceipts() throws {
        let (env, account, service) = try fourReceipts()
        let before = try service.receipts(accountId: account.id)
        let update = #expect(throws: (any Error).self) {
            try env.context.store.write { db in
                try db.execute(sql: "UPDATE consent_receipt SET newValue = 1 - newValue WHERE sequence = 2")
            }
        }
        #expect(String(describing: update).contains("append-only"))
        let delete = #expect(throws: (any Error).self) {
            try env.context.store.write { db in try db.execute(sql: "DELETE FROM consent_receipt") }
        }
        #expect(String(describing: delete).contains("append-only"))
        #expect(try service.receipts(accountId: account.id) == before)
        #expect(try service.verifyChain(accountId: account.id).isIntact)
    }

    @Test func anEditedNewValueIsDetected() throws {
        let (env, account, service) = try fourReceipts()
        try tamper(
            env,
            "UPDATE consent_receipt SET oldValue = newValue, newValue = oldValue WHERE accountId = ? AND sequence = 2",
            [account.id])
        let report = try service.verifyChain(accountId: account.id)
        #expect(!report.isIntact)
        #expect(report.problem == .editedReceipt(sequence: 2))
        #expect(report.problem?.sequence == 2)
        #expect(report.summary.contains("receipt 2 was altered"))
        #expect(!report.summary.contains("\n"))
    }

    @Test func anEditedTimeIsDetected() throws {
        let (env, account, service) = try fourReceipts()
        try tamper(
            env, "UPDATE consent_receipt SET recordedAt = '2020-01-01T00:00:00Z' WHERE accountId = ? AND sequence = 3",
            [account.id])
        #expect(try service.verifyChain(accountId: account.id).problem == .editedReceipt(sequence: 3))
    }

    @Test func anEditedAndRehashedReceiptBreaksTheNextLink() throws {
        let (env, account, service) = try fourReceipts()
        try tamper(
            env, "UPDATE consent_receipt SET channel = 'support' WHERE accountId = ? AND sequence = 2", [account.id])
        let edited = try #require(try service.receipts(accountId: account.id).first { $0.sequence == 2 })
        try tamper(
            env, "UPDATE consent_receipt SET hash = ? WHERE accountId = ? AND sequence = 2",
            [edited.computedHash, account.id])
        let report = try service.verifyChain(accountId: account.id)
        #expect(report.problem == .brokenLink(sequence: 3))
        #expect(report.summary.contains("receipt 3 does not link to receipt 2"))
    }

    @Test func aDeletedMiddleReceiptIsDetected() throws {
        let (env, account, service) = try fourReceipts()
        try tamper(env, "DELETE FROM consent_receipt WHERE accountId = ? AND sequence = 2", [account.id])
        let report = try service.verifyChain(accountId: account.id)
        #expect(report.problem == .sequenceGap(expected: 2, found: 3))
        #expect(report.receiptCount == 3)
        #expect(report.summary.contains("receipt 2 is missing"))
    }

    @Test func aDeletedMiddleReceiptWithRenumberingIsDetected() throws {
        let (env, account, service) = try fourReceipts()
        try tamper(env, "DELETE FROM consent_receipt WHERE accountId = ? AND sequence = 2", [account.id])
        try tamper(
            env, "UPDATE consent_receipt SET sequence = sequence - 1 WHERE accountId = ? AND sequence > 2", [account.id]
        )
        #expect(try service.verifyChain(accountId: account.id).problem == .editedReceipt(sequence: 2))
    }

    @Test func aDeletedFirstReceiptIsDetected() throws {
        let (env, account, service) = try fourReceipts()
        try tamper(env, "DELETE FROM consent_receipt WHERE accountId = ? AND sequence = 1", [account.id])
        #expect(try service.verifyChain(accountId: account.id).problem == .sequenceGap(expected: 1, found: 2))
    }

    @Test func aDeletedLastReceiptIsDetectedEvenAfterANewChange() throws {
        let (env, account, service) = try fourReceipts()
        try tamper(env, "DELETE FROM consent_receipt WHERE accountId = ? AND sequence = 4", [account.id])
        let report = try service.verifyChain(accountId: account.id)
        #expect(report.problem == .headMismatch(lastSequence: 3))
        #expect(report.summary.contains("newest receipt was deleted or altered"))
        // The next change links to the recorded head, so it cannot hide the deletion.
        try service.set("cookies.performance", to: true, accountId: account.id)
        #expect(try service.verifyChain(accountId: account.id).problem == .brokenLink(sequence: 4))
    }

    @Test func deletingEveryReceiptIsDetected() throws {
        let (env, account, service) = try fourReceipts()
        try tamper(env, "DELETE FROM consent_receipt WHERE accountId = ?", [account.id])
        #expect(try service.verifyChain(accountId: account.id).problem == .headMismatch(lastSequence: nil))
    }

    @Test func anEditedHeadHashIsDetected() throws {
        let (env, account, service) = try fourReceipts()
        try env.context.store.write { db in
            try db.execute(sql: "UPDATE account SET consentHeadHash = NULL WHERE id = ?", arguments: [account.id])
        }
        #expect(try service.verifyChain(accountId: account.id).problem == .headMismatch(lastSequence: 4))
    }

    @Test func aForgedReceiptWithAWrongOldValueIsDetected() throws {
        let (env, account, service) = try fourReceipts()
        let head = try #require(try service.receipts(accountId: account.id).last?.hash)
        // A well-formed, correctly hashed and linked receipt 5 claiming surveys were on (the default is off).
        try tamper(
            env,
            """
            INSERT INTO consent_receipt (accountId, sequence, preferenceId, oldValue, newValue, recordedAt,
                                         policyVersion, channel, previousHash, hash)
            VALUES (?, 5, 'communications.surveys', 1, 0, '2026-11-29T09:10:00Z', '2025-01-25.1', 'cli', ?, ?)
            """, [account.id, head, String(repeating: "0", count: 64)])
        let forged = try #require(try service.receipts(accountId: account.id).last)
        try tamper(env, "UPDATE consent_receipt SET hash = ? WHERE id = ?", [forged.computedHash, forged.id])
        try tamper(env, "UPDATE account SET consentHeadHash = ? WHERE id = ?", [forged.computedHash, account.id])
        let report = try service.verifyChain(accountId: account.id)
        #expect(
            report.problem
                == .oldValueMismatch(sequence: 5, preferenceId: "communications.surveys", expected: false, found: true))
    }

    @Test func aStoredValueChangedWithoutAReceiptIsDetected() throws {
        let (env, account, service) = try fourReceipts()
        try env.context.store.write { db in
            try db.execute(
                sql: "UPDATE preference SET value = 0 WHERE accountId = ? AND preferenceId = 'cookies.analytics'",
                arguments: [account.id])
        }
        #expect(
            try service.verifyChain(accountId: account.id).problem
                == .storedValueMismatch(
                    preferenceId: "cookies.analytics", stored: false, receipted: true, lastSequence: 2))
    }

    @Test func aLockedPreferenceSwitchedOffInTheFileIsDetected() throws {
        let (env, account, service) = try fourReceipts()
        try env.context.store.write { db in
            try db.execute(
                sql:
                    "INSERT INTO preference (accountId, preferenceId, value, updatedAt) VALUES (?, 'cookies.essential', 0, 0)",
                arguments: [account.id])
        }
        let report = try service.verifyChain(accountId: account.id)
        #expect(
            report.problem
                == .storedValueMismatch(
                    preferenceId: "cookies.essential", stored: false, receipted: true, lastSequence: nil))
        #expect(report.summary.contains("changed without a receipt"))
    }

    @Test func twoAccountsHaveSeparateChains() throws {
        let env = try TestEnvironment()
        let ada = try env.makeAccount()
        let bob = try env.makeAccount(email: "bob@example.com", username: "bob")
        let service = PreferenceService(context: env.context)
        let ada1 = try #require(try service.set("cookies.analytics", to: true, accountId: ada.id))
        let bob1 = try #require(try service.set("cookies.analytics", to: true, accountId: bob.id))
        let ada2 = try #require(try service.set("communications.offers", to: true, accountId: ada.id))
        #expect(bob1.sequence == 1)
        #expect(bob1.previousHash == ConsentReceipt.genesisHash)
        #expect(bob1.hash != ada1.hash)
        #expect(ada2.sequence == 2 && ada2.previousHash == ada1.hash)
        #expect(try service.receipts(accountId: bob.id) == [bob1])
        #expect(try service.value("communications.offers", accountId: bob.id) == false)
        #expect(try service.verifyChain(accountId: ada.id).receiptCount == 2)
        #expect(try service.verifyChain(accountId: bob.id).isIntact)

        try tamper(env, "UPDATE consent_receipt SET channel = 'forged' WHERE id = ?", [ada1.id])
        #expect(try service.verifyChain(accountId: ada.id).problem == .editedReceipt(sequence: 1))
        #expect(try service.verifyChain(accountId: bob.id).isIntact)
    }

    @Test func changesFromTwoSessionsOnOneFileFormOneChain() async throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let first = PreferenceService(context: env.context)
        let second = PreferenceService(context: try env.secondSession())
        let ids = ["communications.newsletter", "communications.offers", "cookies.analytics", "cookies.performance"]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, id) in ids.enumerated() {
                let service = index.isMultiple(of: 2) ? first : second
                group.addTask { _ = try service.set(id, to: true, accountId: account.id) }
            }
            try await group.waitForAll()
        }
        let receipts = try first.receipts(accountId: account.id)
        #expect(receipts.map(\.sequence) == [1, 2, 3, 4])
        #expect(Set(receipts.map(\.preferenceId)) == Set(ids))
        #expect(try second.verifyChain(accountId: account.id).isIntact)
    }

    @Test func verifyingAMissingAccountIsRefused() throws {
        let env = try TestEnvironment()
        #expect(throws: PreferenceError.accountNotFound(42)) {
            try ReceiptChainVerifier(context: env.context).verify(accountId: 42)
        }
    }
}
