/// Why a correction of a stored record could not be filed or applied; each message says what to do instead.
public enum RecordCorrectionError: UserFacingError, Equatable {
    /// No record set has this id.
    case unknownRecordSet(String)
    /// The record set or field cannot be corrected this way; `allowed` lists the fields that can (maybe none).
    case notCorrectable(recordSet: String, field: String, allowed: [String])
    /// The account holds no record with this key in the set.
    case recordNotFound(recordSet: String, key: Int64)
    /// No new value was given.
    case emptyValue
    /// The new value does not have the shape the field needs; `expected` says which.
    case invalidValue(field: String, expected: String)
    /// The new value is the one held already.
    case unchanged
    /// The record no longer holds the value the request was filed against, so it was left alone.
    case recordChanged(reference: String, field: String, expected: String?, found: String?)
    /// The record was erased after the request was filed.
    case recordGone(reference: String, recordSet: String, key: Int64)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .recordNotFound: return .noInput
        case .recordChanged, .recordGone: return .dataError
        default: return .usage
        }
    }

    /// A one-line message a person can act on.
    public var description: String {
        switch self {
        case .unknownRecordSet(let id):
            let known = RecordSetTable.all.filter { !$0.correctable.isEmpty }.map(\.id).joined(separator: ", ")
            return "there is no record set \"\(id)\"; records can be corrected in: \(known)"
        case .notCorrectable(let set, let field, let allowed):
            if allowed.isEmpty {
                return set == "account" || set == "profile"
                    ? "\(set) data is corrected as a profile field (Account screen), not record by record"
                    : "\(set) records cannot be corrected field by field; file a correction request with a note instead"
            }
            return
                "\"\(field)\" of \(set) records cannot be corrected; choose one of: \(allowed.joined(separator: ", "))"
        case .recordNotFound(let set, let key):
            return "this account holds no \(set) record with the key \(key); check the key in My data"
        case .emptyValue:
            return "say what the value should be"
        case .invalidValue(let field, let expected):
            return "the new \(field) must be \(expected)"
        case .unchanged:
            return "the record already holds that value; nothing to correct"
        case .recordChanged(let reference, let field, let expected, let found):
            return "request \(reference) was filed when \(field) held \(Self.quoted(expected)), but it now holds"
                + " \(Self.quoted(found)); nothing was changed: look at the record again before completing or denying it"
        case .recordGone(let reference, let set, let key):
            return "the \(set) record \(key) named by request \(reference) no longer exists (it was erased);"
                + " nothing was changed: deny the request or ask the subscriber what they want"
        }
    }

    private static func quoted(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "nothing"
    }
}
