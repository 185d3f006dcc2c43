import PrivacyModel

/// The command line's one-line English account of what `requests complete` carried out.
enum FulfilmentSummary {
    /// "Erased 120 records; kept 2.", "Wrote the access report and a zip export of 1,826 records."… ("" when
    /// the request was only completed with its note).
    static func english(_ outcome: FulfilmentOutcome) -> String {
        switch outcome.work {
        case .filed, .noted:
            return ""
        case .exported(let outputs):
            let parts = outputs.map { output in
                output.format == "report"
                    ? "the access report"
                    : "a \(output.format) export of \(Formatting.count(output.rows)) record\(output.rows == 1 ? "" : "s")"
            }
            return "Wrote " + parts.joined(separator: " and ") + "."
        case .erased(let receipt):
            return "Erased \(receipt.deletedCount) records; kept \(receipt.keptCount)."
        case .accountClosed(let receipt):
            return "The account is closed; its data is purged on \(receipt.purgeDueAt.dayUTC)."
        case .objected(let receipt):
            return "Switched off \(receipt.receipts.count) preference(s)."
        case .restricted(let restriction):
            return "The \(restriction.categoryId) category is restricted."
        case .recordCorrected:
            let details = outcome.request.details
            return "The \(details.recordSet ?? "") record \(details.recordKey ?? 0) now holds the requested"
                + " \(details.field ?? "value")."
        }
    }
}
