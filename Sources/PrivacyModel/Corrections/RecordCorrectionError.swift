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
    /// The new value holds a control character (ESC, a line break, DEL, a C1 control or a direction override).
    case valueControls(field: String)
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

    private static func quoted(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "nothing"
    }
}
