import GRDB

/// Recomputes an account's receipt chain so a person (or a test) learns whether the consent record was tampered with.
///
/// The chain detects edits, deletions and insertions made without recomputing every later hash and the
/// account's head; it is a tamper-evidence check, not a signature.
public struct ReceiptChainVerifier: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the verifier to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Checks the account's receipts, its head hash and its stored preference values, in one read.
    public func verify(accountId: Int64) throws -> ReceiptChainReport {
        let catalogue = context.catalogue
        return try context.store.read { db in
            guard let account = try Account.fetchOne(db, key: accountId) else {
                throw PreferenceError.accountNotFound(accountId)
            }
            let receipts = try PreferenceService.receipts(accountId: accountId, db)
            var stored: [String: Bool] = [:]
            let rows = try Row.fetchAll(
                db, sql: "SELECT preferenceId, value FROM preference WHERE accountId = ?", arguments: [accountId])
            for row in rows {
                let id: String = row["preferenceId"]
                let value: Int64 = row["value"]
                stored[id] = value != 0
            }
            let problem = Self.firstProblem(
                receipts: receipts, headHash: account.consentHeadHash, storedValues: stored, catalogue: catalogue)
            return ReceiptChainReport(accountId: accountId, receiptCount: receipts.count, problem: problem)
        }
    }

    /// The first problem in receipts ordered by sequence, checked against the head and stored values.
    static func firstProblem(
        receipts: [ConsentReceipt], headHash: String?, storedValues: [String: Bool], catalogue: PolicyCatalogue
    ) -> ReceiptChainProblem? {
        var expectedSequence: Int64 = 1
        var previousHash = ConsentReceipt.genesisHash
        var receipted: [String: (value: Bool, sequence: Int64)] = [:]
        for receipt in receipts {
            guard receipt.sequence == expectedSequence else {
                return .sequenceGap(expected: expectedSequence, found: receipt.sequence)
            }
            guard receipt.computedHash == receipt.hash else { return .editedReceipt(sequence: receipt.sequence) }
            guard receipt.previousHash == previousHash else { return .brokenLink(sequence: receipt.sequence) }
            guard [0, 1].contains(receipt.oldValue), [0, 1].contains(receipt.newValue),
                receipt.oldValue != receipt.newValue
            else { return .impossibleChange(sequence: receipt.sequence) }
            let before = receipted[receipt.preferenceId]?.value ?? catalogue.preference(receipt.preferenceId)?.default
            if let before, before != receipt.oldIsOn {
                return .oldValueMismatch(
                    sequence: receipt.sequence, preferenceId: receipt.preferenceId, expected: before,
                    found: receipt.oldIsOn)
            }
            receipted[receipt.preferenceId] = (receipt.newIsOn, receipt.sequence)
            previousHash = receipt.hash
            expectedSequence += 1
        }
        let lastHash = receipts.last?.hash
        guard headHash == lastHash else { return .headMismatch(lastSequence: receipts.last?.sequence) }
        let extraIds = Set(storedValues.keys).union(receipted.keys)
            .subtracting(catalogue.preferences.map(\.id)).sorted()
        for id in catalogue.preferences.map(\.id) + extraIds {
            let fallback = catalogue.preference(id)?.default
            guard let stored = storedValues[id] ?? fallback,
                let expected = receipted[id]?.value ?? fallback
            else { continue }
            if stored != expected {
                return .storedValueMismatch(
                    preferenceId: id, stored: stored, receipted: expected, lastSequence: receipted[id]?.sequence)
            }
        }
        return nil
    }
}
