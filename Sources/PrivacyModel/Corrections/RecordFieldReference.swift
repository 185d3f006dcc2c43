/// One field of one stored record, written into a correction's scope as "viewing-events/42/title".
///
/// Putting the record in the scope makes the request service's duplicate check refuse a second open
/// correction of the same record and field, while corrections of other records stay independent.
struct RecordFieldReference: Sendable, Equatable {
    /// The record set's id.
    let recordSet: String
    /// The record's key in its set.
    let key: Int64
    /// The column to correct.
    let field: String

    /// The scope value ("viewing-events/42/title").
    var scopeValue: String { "\(recordSet)/\(key)/\(field)" }

    /// Names a record's field.
    init(recordSet: String, key: Int64, field: String) {
        self.recordSet = recordSet
        self.key = key
        self.field = field
    }

    /// Reads a scope value; nil when it is not of the form set/key/field.
    init?(scopeValue: String) {
        let parts = scopeValue.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[2].isEmpty, let key = Int64(parts[1]) else { return nil }
        self.init(recordSet: String(parts[0]), key: key, field: String(parts[2]))
    }

    /// The table binding and the correctable column named, when both exist.
    var column: (table: RecordSetTable, column: CorrectableColumn)? {
        guard let table = RecordSetTable.named(recordSet), table.columns.contains(field),
            let column = table.correctable.first(where: { $0.name == field })
        else { return nil }
        return (table, column)
    }
}
