import Foundation
import GRDB

/// Reads and switches an account's preferences; the one place a change is receipted, chained and audited.
public struct PreferenceService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Every catalogue preference with the account's current value, in catalogue order.
    public func preferences(accountId: Int64) throws -> [PreferenceState] {
        try context.store.read { db in
            try requireAccount(accountId, db)
            return try Self.states(accountId: accountId, catalogue: context.catalogue, db)
        }
    }

    /// The current value of one preference: the stored choice or else the catalogue default.
    public func value(_ id: String, accountId: Int64) throws -> Bool {
        let definition = try definition(id)
        return try context.store.read { db in
            try requireAccount(accountId, db)
            return try Self.storedValue(id, accountId: accountId, db) ?? definition.default
        }
    }

    /// Switches a preference; returns the new receipt, or nil when the value already was `value`.
    ///
    /// The stored value, the receipt, the account's chain head and the audit entry are written in one
    /// transaction. A new receipt links to the head recorded in the account row (not merely to the
    /// newest receipt still present), so a deleted or edited last receipt cannot be papered over.
    @discardableResult
    public func set(
        _ id: String, to value: Bool, accountId: Int64, channel: String? = nil, actor: String = "subscriber"
    ) throws -> ConsentReceipt? {
        let definition = try definition(id)
        if definition.isLocked {
            throw PreferenceError.locked(id: id, name: definition.name, reason: definition.lockedReasonText)
        }
        let channel = channel ?? context.settings.channel
        guard Self.isValidChannel(channel) else { throw PreferenceError.invalidChannel(channel) }
        let now = context.now
        let policyVersion = context.catalogue.version
        return try context.store.write { db in
            let account = try requireAccount(accountId, db)
            guard account.status == .active else { throw PreferenceError.accountNotActive(accountId) }
            let current = try Self.storedValue(id, accountId: accountId, db) ?? definition.default
            guard current != value else { return nil }
            if value, let purpose = definition.purpose,
                try ObjectionService.isObjecting(accountId: accountId, purposeId: purpose, db)
            {
                throw PreferenceError.objectionStands(id: id, purpose: purpose)
            }
            let lastSequence =
                try Int64.fetchOne(
                    db, sql: "SELECT MAX(sequence) FROM consent_receipt WHERE accountId = ?", arguments: [accountId])
                ?? 0
            let fields = (
                sequence: lastSequence + 1, old: Int64(current ? 1 : 0), new: Int64(value ? 1 : 0),
                recordedAt: now.iso8601UTC, previousHash: account.consentHeadHash ?? ConsentReceipt.genesisHash
            )
            let hash = ConsentReceipt.sha256Hex(
                ConsentReceipt.canonicalForm(
                    accountId: accountId, sequence: fields.sequence, preferenceId: id, oldValue: fields.old,
                    newValue: fields.new, recordedAt: fields.recordedAt, policyVersion: policyVersion,
                    channel: channel, previousHash: fields.previousHash))
            try db.execute(
                sql: """
                    INSERT INTO preference (accountId, preferenceId, value, updatedAt) VALUES (?, ?, ?, ?)
                    ON CONFLICT (accountId, preferenceId) DO UPDATE SET value = excluded.value, updatedAt = excluded.updatedAt
                    """,
                arguments: [accountId, id, fields.new, now.epochSeconds])
            try db.execute(
                sql: """
                    INSERT INTO consent_receipt (accountId, sequence, preferenceId, oldValue, newValue, recordedAt,
                                                 policyVersion, channel, previousHash, hash)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    accountId, fields.sequence, id, fields.old, fields.new, fields.recordedAt, policyVersion, channel,
                    fields.previousHash, hash,
                ])
            let receipt = ConsentReceipt(
                id: db.lastInsertedRowID, accountId: accountId, sequence: fields.sequence, preferenceId: id,
                oldValue: fields.old, newValue: fields.new, recordedAt: fields.recordedAt,
                policyVersion: policyVersion, channel: channel, previousHash: fields.previousHash, hash: hash)
            try db.execute(
                sql: "UPDATE account SET consentHeadHash = ? WHERE id = ?", arguments: [hash, accountId])
            let change = "\(id) \(current ? "on" : "off") -> \(value ? "on" : "off")"
            try AuditLog.append(
                db, at: now, accountId: accountId, actor: actor, action: "preference-changed",
                detail: "\(change) (receipt \(fields.sequence), \(channel))")
            return receipt
        }
    }

    /// The account's consent receipts, oldest first.
    public func receipts(accountId: Int64) throws -> [ConsentReceipt] {
        try context.store.read { db in
            try requireAccount(accountId, db)
            return try Self.receipts(accountId: accountId, db)
        }
    }

    /// Checks the account's receipt chain, its head and its stored values; see `ReceiptChainVerifier`.
    public func verifyChain(accountId: Int64) throws -> ReceiptChainReport {
        try ReceiptChainVerifier(context: context).verify(accountId: accountId)
    }

    /// The catalogue definition with `id`, or an unknown-preference error.
    public func definition(_ id: String) throws(PreferenceError) -> PreferenceDefinition {
        guard let definition = context.catalogue.preference(id) else { throw .unknownPreference(id) }
        return definition
    }

    /// Channels are short printable names, since they are shown and hashed.
    public static func isValidChannel(_ channel: String) -> Bool {
        (1...64).contains(channel.count)
            && !channel.unicodeScalars.contains {
                $0.properties.generalCategory == .control || ($0.properties.isWhitespace && $0 != " ")
            }
    }

    // MARK: - Inside a transaction

    @discardableResult
    private func requireAccount(_ accountId: Int64, _ db: Database) throws -> Account {
        guard let account = try Account.fetchOne(db, key: accountId) else {
            throw PreferenceError.accountNotFound(accountId)
        }
        return account
    }

    /// The stored choice for one preference, or nil when none was made.
    static func storedValue(_ id: String, accountId: Int64, _ db: Database) throws -> Bool? {
        try Int64.fetchOne(
            db, sql: "SELECT value FROM preference WHERE accountId = ? AND preferenceId = ?",
            arguments: [accountId, id]
        ).map { $0 != 0 }
    }

    /// Every catalogue preference's state for an account, in catalogue order.
    static func states(accountId: Int64, catalogue: PolicyCatalogue, _ db: Database) throws -> [PreferenceState] {
        var stored: [String: (value: Bool, at: Int64)] = [:]
        let rows = try Row.fetchAll(
            db, sql: "SELECT preferenceId, value, updatedAt FROM preference WHERE accountId = ?",
            arguments: [accountId])
        for row in rows {
            let id: String = row["preferenceId"]
            let value: Int64 = row["value"]
            let at: Int64 = row["updatedAt"]
            stored[id] = (value != 0, at)
        }
        let objections = try ObjectionService.objections(accountId: accountId, db)
        return catalogue.preferences.map { definition in
            let choice = stored[definition.id]
            return PreferenceState(
                definition: definition, value: choice?.value ?? definition.default,
                changedAt: choice.map { Date(epochSeconds: $0.at) },
                objection: objections.first { ObjectionService.covers($0.purposeId, definition) })
        }
    }

    /// An account's receipts in chain order.
    static func receipts(accountId: Int64, _ db: Database) throws -> [ConsentReceipt] {
        try ConsentReceipt.fetchAll(
            db, sql: "SELECT * FROM consent_receipt WHERE accountId = ? ORDER BY sequence, id",
            arguments: [accountId])
    }
}
