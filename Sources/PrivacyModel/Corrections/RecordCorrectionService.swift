import Foundation
import GRDB

/// Turns a subscriber's report of a wrong stored record (a viewing event, a device, a payment card's
/// country) into a correction request support reviews, and applies it when support completes the request.
///
/// Profile fields are corrected at once by `ProfileCorrectionService`; everything else goes through here,
/// so the record, the field and the values before and after travel with the request.
public struct RecordCorrectionService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// The longest text value a correction may set.
    public static let maximumTextLength = 200

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// The fields of a record set a correction may change (empty when the set is not corrected record by record).
    public func correctableFields(recordSet: String) -> [String] {
        guard let table = RecordSetTable.named(recordSet), allowsCorrection(table) else { return [] }
        return table.correctable.map(\.name)
    }

    /// Files a correction request as the subscriber for one field of one of their records.
    ///
    /// The value held now is read from the store and kept as the "before" value; the request is refused
    /// when the record is not the account's, the field cannot be corrected, the value is unchanged, or an
    /// open request for the same record and field exists (`RequestError.duplicate`).
    @discardableResult
    public func request(
        accountId: Int64, recordSet: String, recordKey: Int64, field: String, newValue: String, note: String? = nil
    ) throws -> RightsRequest {
        let (table, column) = try correctable(recordSet: recordSet, field: field)
        let after = try Self.normalised(newValue, for: column)
        let before = try context.store.read { db -> String? in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM account WHERE id = ?", arguments: [accountId]) == true
            else { throw RequestError.accountNotFound(accountId) }
            guard let held = try Self.heldValue(db, table: table, field: field, key: recordKey, accountId: accountId)
            else { throw RecordCorrectionError.recordNotFound(recordSet: table.id, key: recordKey) }
            return held.value
        }
        guard before != after else { throw RecordCorrectionError.unchanged }
        return try RequestService(context: context).file(
            accountId: accountId, type: .correction, scope: .record(table.id, key: recordKey, field: field),
            details: RequestDetails(
                field: field, currentValue: before, requestedValue: after, note: note, recordSet: table.id,
                recordKey: recordKey),
            actor: .subscriber)
    }

    /// Completes a record correction in progress: changes the record to the requested value and completes the
    /// request in one transaction, only if the record still holds the value the request was filed against.
    func apply(
        _ request: RightsRequest, actor: RequestActor, note: String, staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        guard let reference = RecordFieldReference(scopeValue: request.scope.value),
            let (table, column) = reference.column,
            request.details.recordSet == reference.recordSet, request.details.recordKey == reference.key,
            let requested = request.details.requestedValue
        else { throw RequestError.unreadable("the correction details of \(request.reference)") }
        let after = try Self.normalised(requested, for: column)
        let binding: any DatabaseValueConvertible = column.shape == .seconds ? Int64(after) ?? 0 : after
        let expected = request.details.currentValue
        let done = StoredText.message(
            "stored.correction.record",
            [
                "field": .term("mydata.column.\(reference.field)"), "set": .catalogue(["recordSet.\(table.id).name"]),
                "key": .text(String(reference.key)),
            ])
        let resolution = StoredText.typed(note) + done
        let now = context.now
        return try RequestService(context: context).complete(
            reference: request.reference, actor: actor, note: resolution, staff: staff
        ) { db, current in
            guard
                let held = try Self.heldValue(
                    db, table: table, field: reference.field, key: reference.key, accountId: current.accountId)
            else {
                throw RecordCorrectionError.recordGone(
                    reference: current.reference, recordSet: table.id, key: reference.key)
            }
            guard held.value == expected else {
                throw RecordCorrectionError.recordChanged(
                    reference: current.reference, field: reference.field, expected: expected, found: held.value)
            }
            try db.execute(
                sql: """
                    UPDATE \(table.table.quotedDatabaseIdentifier) SET \(reference.field.quotedDatabaseIdentifier) = ?
                    WHERE \(table.rowKey.quotedDatabaseIdentifier) = ? AND \(table.ownerColumn.quotedDatabaseIdentifier) = ?
                    """,
                arguments: [binding, reference.key, current.accountId])
            try AuditLog.append(
                db, at: now, accountId: current.accountId, actor: actor.rawValue, action: "record-corrected",
                detail: "\(current.reference) \(reference.scopeValue)", staff: staff?.citing(current.reference))
        }
    }

    // MARK: Rules

    /// The table and column when the catalogue lets the set's category be corrected and the column is correctable.
    private func correctable(recordSet: String, field: String) throws -> (RecordSetTable, CorrectableColumn) {
        guard let table = RecordSetTable.named(recordSet) else {
            throw RecordCorrectionError.unknownRecordSet(recordSet)
        }
        let allowed = correctableFields(recordSet: recordSet)
        guard allowed.contains(field), let column = table.correctable.first(where: { $0.name == field }) else {
            throw RecordCorrectionError.notCorrectable(recordSet: table.id, field: field, allowed: allowed)
        }
        return (table, column)
    }

    /// Whether the catalogue gives the set's category the correction right.
    private func allowsCorrection(_ table: RecordSetTable) -> Bool {
        context.catalogue.categories.contains { category in
            category.recordSets.contains { $0.id == table.id }
                && category.rights.contains(RightKind.correction.rawValue)
        }
    }

    /// What the field holds now, or nil when the account has no such record.
    private static func heldValue(
        _ db: Database, table: RecordSetTable, field: String, key: Int64, accountId: Int64
    ) throws -> HeldValue? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT \(field.quotedDatabaseIdentifier) FROM \(table.table.quotedDatabaseIdentifier)
                WHERE \(table.rowKey.quotedDatabaseIdentifier) = ? AND \(table.ownerColumn.quotedDatabaseIdentifier) = ?
                """,
            arguments: [key, accountId])
        guard let row else { return nil }
        let value = FieldValue(row[0] as DatabaseValue)
        return HeldValue(value: value == .null ? nil : value.text)
    }

    /// What a record's field holds: its text, or nil for nothing (NULL).
    private struct HeldValue {
        let value: String?
    }

    /// The new value as it will be stored, or the shape it lacks.
    static func normalised(_ text: String, for column: CorrectableColumn) throws(RecordCorrectionError) -> String {
        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { throw .emptyValue }
        switch column.shape {
        case .text:
            switch TextRules.problem(with: value, limit: maximumTextLength) {
            case nil: return value
            case .controlCharacters?: throw .valueControls(field: column.name)
            case .tooLong?, .empty?:
                throw .invalidValue(
                    field: column.name, expected: "one line of at most \(maximumTextLength) characters")
            }
        case .seconds:
            guard let seconds = Int64(value), (0...Int64(Int32.max)).contains(seconds) else {
                throw .invalidValue(field: column.name, expected: "a whole number of seconds, 0 or more")
            }
            return String(seconds)
        case .countryCode:
            let code = value.uppercased()
            guard code.count == 2, code.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                throw .invalidValue(field: column.name, expected: "a two-letter country code such as DE or IE")
            }
            return code
        case .yearMonth:
            let parts = value.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
                parts.allSatisfy({ $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }),
                let month = Int(parts[1]), (1...12).contains(month)
            else { throw .invalidValue(field: column.name, expected: "a year and month as YYYY-MM") }
            return value
        }
    }
}
