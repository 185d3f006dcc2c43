import GRDB

/// Binds a catalogue record set to its table: which column orders it in time and which columns a person sees.
public struct RecordSetTable: Sendable, Equatable {
    /// The catalogue's record-set id.
    public let id: String
    /// The SQLite table.
    public let table: String
    /// The column records are ordered and paged by (seconds since 1970).
    public let timeColumn: String
    /// The columns shown and exported, in order (the time column among them).
    public let columns: [String]
    /// The text columns a filter searches.
    public let searchable: [String]
    /// The 0/1 column that exempts a record from retention when 1 (e.g. a security hold), if any.
    public let heldColumn: String?
    /// The condition that exempts a record from retention (e.g. a security hold), if any.
    public var heldCondition: String? { heldColumn.map { "\($0.quotedDatabaseIdentifier) = 1" } }

    /// Every record set the store holds.
    public static let all: [RecordSetTable] = [
        RecordSetTable(
            id: "account", table: "account", timeColumn: "createdAt",
            columns: [
                "createdAt", "email", "username", "birthdate", "status", "passwordChangedAt", "lastSignInAt",
                "language",
            ],
            searchable: ["email", "username"], ownerColumn: "id"),
        RecordSetTable(
            id: "profile", table: "profile", timeColumn: "updatedAt",
            columns: ["updatedAt", "fullName", "contactEmail", "phone", "country"],
            searchable: ["fullName", "contactEmail", "phone", "country"], ownerColumn: "accountId", rowKey: "accountId"),
        RecordSetTable(
            id: "payment-methods", table: "payment_method", timeColumn: "addedAt",
            columns: ["addedAt", "brand", "last4", "expiry", "billingCountry", "token"],
            searchable: ["brand", "last4", "billingCountry"],
            correctable: [CorrectableColumn("billingCountry", .countryCode), CorrectableColumn("expiry", .yearMonth)]),
        RecordSetTable(
            id: "payment-transactions", table: "payment_transaction", timeColumn: "occurredAt",
            columns: ["occurredAt", "amountCents", "currency", "description", "outcome", "paymentMethodId"],
            searchable: ["description", "outcome", "currency"]),
        RecordSetTable(
            id: "support-messages", table: "support_message", timeColumn: "sentAt",
            columns: ["sentAt", "channel", "direction", "body"], searchable: ["channel", "direction", "body"]),
        RecordSetTable(
            id: "viewing-events", table: "viewing_event", timeColumn: "startedAt",
            columns: ["startedAt", "channel", "title", "genre", "durationSeconds"],
            searchable: ["channel", "title", "genre"],
            correctable: [
                CorrectableColumn("channel"), CorrectableColumn("title"), CorrectableColumn("genre"),
                CorrectableColumn("durationSeconds", .seconds),
            ]),
        RecordSetTable(
            id: "devices", table: "device", timeColumn: "lastSeenAt",
            columns: ["lastSeenAt", "deviceType", "operatingSystem", "client", "firstSeenAt"],
            searchable: ["deviceType", "operatingSystem", "client"],
            correctable: [
                CorrectableColumn("deviceType"), CorrectableColumn("operatingSystem"), CorrectableColumn("client"),
            ]),
        RecordSetTable(
            id: "connection-records", table: "connection_record", timeColumn: "recordedAt",
            columns: ["recordedAt", "ipAddress", "downloadMbps", "streamQuality", "stabilityPercent"],
            searchable: ["ipAddress", "streamQuality"]),
        RecordSetTable(
            id: "usage-events", table: "usage_event", timeColumn: "occurredAt",
            columns: ["occurredAt", "kind", "detail"], searchable: ["kind", "detail"]),
        RecordSetTable(
            id: "technical-logs", table: "technical_log", timeColumn: "loggedAt",
            columns: ["loggedAt", "level", "component", "message", "securityHold"],
            searchable: ["level", "component", "message"], heldColumn: "securityHold"),
        RecordSetTable(
            id: "locations", table: "location_record", timeColumn: "recordedAt",
            columns: ["recordedAt", "country", "region", "city", "ipAddress"],
            searchable: ["country", "region", "city", "ipAddress"]),
    ]

    /// The column naming the owning account.
    public let ownerColumn: String
    /// The columns a correction request may change (time columns, keys and tokens never; the account and
    /// profile are corrected as profile fields instead).
    public let correctable: [CorrectableColumn]
    /// The column that identifies a row (the keyset tie-breaker).
    public let rowKey: String

    init(
        id: String, table: String, timeColumn: String, columns: [String], searchable: [String],
        heldColumn: String? = nil, ownerColumn: String = "accountId", rowKey: String = "id",
        correctable: [CorrectableColumn] = []
    ) {
        self.id = id
        self.table = table
        self.timeColumn = timeColumn
        self.columns = columns
        self.searchable = searchable
        self.heldColumn = heldColumn
        self.ownerColumn = ownerColumn
        self.rowKey = rowKey
        self.correctable = correctable
    }

    /// The binding for a record-set id.
    public static func named(_ id: String) -> RecordSetTable? { all.first { $0.id == id } }
}
