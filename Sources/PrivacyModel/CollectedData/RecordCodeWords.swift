/// The one table of stored code values a reader sees (`from-support`, `sign-in`, `metric`, `paid`, a security hold's 0 or 1, the
/// channel a request came through…) and the strings key each is put into words with, for My data's records,
/// request details and the access report.
public enum RecordCodeWords {
    /// For each record set, the columns that hold codes and the family of strings keys their words are under.
    static let families: [String: [String: String]] = [
        "account": ["status": "stored.code.accountStatus"],
        "payment-transactions": ["outcome": "stored.code.paymentOutcome"],
        "support-messages": ["channel": "stored.code.messageChannel", "direction": "stored.code.direction"],
        "usage-events": ["kind": "stored.code.usageKind"],
        "technical-logs": ["level": "stored.code.logLevel", "securityHold": "stored.code.securityHold"],
    ]

    /// The columns whose text the program writes as `StoredText` (a usage event's detail, "via dashboard").
    static let storedTextColumns: [String: Set<String>] = ["usage-events": ["detail"]]

    /// The strings key of a code value ("stored.code.direction.from-support"), nil when the column holds no codes.
    public static func key(recordSet: String, column: String, value: String) -> String? {
        families[recordSet]?[column].map { "\($0).\(value)" }
    }

    /// The strings key of a channel a request or sign-in came through ("stored.channel.dashboard").
    public static func channelKey(_ channel: String) -> String { "stored.channel.\(channel)" }

    /// Whether the column holds `StoredText` to put into words rather than text shown as it is.
    public static func holdsStoredText(recordSet: String, column: String) -> Bool {
        storedTextColumns[recordSet]?.contains(column) == true
    }
}
