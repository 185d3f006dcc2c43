/// One account the demo seeder created, so the caller can show how to sign in and how big the history is.
public struct DemoSeededAccount: Sendable, Equatable {
    /// The account's row id.
    public let id: Int64
    /// Who it is (email, username, name).
    public let subscriber: DemoSubscriber
    /// How many viewing events it got.
    public let viewingEvents: Int
}

/// What a demo seeding produced: the accounts and how many rows each table holds for them.
public struct DemoSeedSummary: Sendable, Equatable {
    /// The tables counted, in the order a report lists them.
    public static let tables = [
        "account", "profile", "payment_method", "payment_transaction", "support_message", "viewing_event", "device",
        "connection_record", "usage_event", "technical_log", "location_record", "preference", "consent_receipt",
        "rights_request", "request_event", "audit_log",
    ]

    /// The seed the data was generated from.
    public let seed: UInt64
    /// The accounts created, in `DemoSubscriber.all` order.
    public let accounts: [DemoSeededAccount]
    /// Rows per table belonging to the demo accounts, keyed by table name (every name in `tables`).
    public let rowCounts: [String: Int]

    /// The number of rows in `table` for the demo accounts (0 for a table not counted).
    public func rows(in table: String) -> Int { rowCounts[table] ?? 0 }

    /// Every row the seeding wrote, across all tables.
    public var totalRows: Int { rowCounts.values.reduce(0, +) }
}
