import Foundation

/// What a request targets: a kind and, for category/field/purpose/format, the catalogue id or field name.
public struct RequestScope: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The kind of target.
    public let kind: RequestScopeKind
    /// The category id, field name, purpose id or format id; empty for `all` and `account`.
    public let value: String

    /// The field name a correction uses for data that has no named field (a viewing event, a device...);
    /// such a correction must say in its note what is wrong.
    public static let otherField = "other"

    /// Builds a scope from its stored parts.
    public init(kind: RequestScopeKind, value: String = "") {
        self.kind = kind
        self.value = value.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Everything held about the subscriber.
    public static let all = RequestScope(kind: .all)
    /// The whole account (account deletion).
    public static let account = RequestScope(kind: .account)
    /// One data category by catalogue id.
    public static func category(_ id: String) -> RequestScope { RequestScope(kind: .category, value: id) }
    /// One correctable field by name (or `otherField`).
    public static func field(_ name: String) -> RequestScope { RequestScope(kind: .field, value: name) }
    /// One field of one stored record, for a correction support reviews ("viewing-events/42/title").
    public static func record(_ recordSet: String, key: Int64, field: String) -> RequestScope {
        RequestScope(kind: .field, value: RecordFieldReference(recordSet: recordSet, key: key, field: field).scopeValue)
    }
    /// One purpose by catalogue id.
    public static func purpose(_ id: String) -> RequestScope { RequestScope(kind: .purpose, value: id) }
    /// One export format by catalogue id.
    public static func format(_ id: String) -> RequestScope { RequestScope(kind: .format, value: id) }

    /// "category:viewing", or just "all"/"account": a compact form for logs and messages.
    public var description: String { value.isEmpty ? kind.rawValue : "\(kind.rawValue):\(value)" }
}
