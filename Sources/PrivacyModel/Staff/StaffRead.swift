/// What a member of staff read of a subscriber's data, as the code the audit log keeps, so the subscriber's
/// "who has seen my data" list can say it in their language.
public enum StaffRead: Sendable, Equatable {
    /// The details of one of the subscriber's requests.
    case requestDetails(reference: String)
    /// The summary of every data category (counts, dates, deletions).
    case dataSummary
    /// The records of one record set.
    case records(recordSet: String)
    /// An export in a format ("zip", "json", "csv").
    case export(format: String)
    /// The access report.
    case accessReport

    /// The audit log's action code, also the key of its words (`access.action.<code>`).
    public var auditAction: String {
        switch self {
        case .requestDetails: return "staff-read-request"
        case .dataSummary: return "staff-read-summary"
        case .records: return "staff-read-records"
        case .export: return "staff-read-export"
        case .accessReport: return "staff-read-report"
        }
    }

    /// The audit log's detail: the code of what exactly was read (a reference, a record set, a format), or "".
    public var auditDetail: String {
        switch self {
        case .requestDetails(let reference): return reference
        case .dataSummary, .accessReport: return ""
        case .records(let recordSet): return recordSet
        case .export(let format): return format
        }
    }

    /// The action codes of staff reads, whose detail is a code that may be shown.
    static let auditActions: Set<String> = [
        "staff-read-request", "staff-read-summary", "staff-read-records", "staff-read-export", "staff-read-report",
    ]
}
