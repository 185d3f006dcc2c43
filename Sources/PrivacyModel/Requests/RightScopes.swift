/// Which scopes each right can take under a catalogue: the one list the request checks, the filing
/// wizard and the command line all read, so what can be asked for and what is accepted cannot drift.
public struct RightScopes: Sendable {
    /// The catalogue in force.
    public let catalogue: PolicyCatalogue

    /// Reads the scopes from `catalogue`.
    public init(catalogue: PolicyCatalogue) { self.catalogue = catalogue }

    /// The scope kinds the catalogue lets `right` target, in its order (none when the right is not offered).
    public func kinds(for right: RightKind) -> [RequestScopeKind] {
        (catalogue.right(right.rawValue)?.scopes ?? []).compactMap(RequestScopeKind.init(rawValue:))
    }

    /// Every scope `right` can target: for each of its kinds in catalogue order, the categories it applies
    /// to, the correctable fields and "other", the purposes (only objectable ones for an objection), the
    /// export formats, or everything / the whole account.
    public func scopes(for right: RightKind) -> [RequestScope] {
        kinds(for: right).flatMap { kind -> [RequestScope] in
            switch kind {
            case .all: return [.all]
            case .account: return [.account]
            case .category: return categories(for: right).map { .category($0.id) }
            case .field: return fields.map { .field($0) }
            case .purpose: return purposes(for: right).map { .purpose($0.id) }
            case .format: return catalogue.exportFormats.map { .format($0.id) }
            }
        }
    }

    /// The categories `right` can be filed for, in catalogue order: those it applies to, except that the
    /// category holding the account itself is erased only by deleting the account (the `.account` scope).
    public func categories(for right: RightKind) -> [DataCategory] {
        catalogue.categories.filter {
            $0.rights.contains(right.rawValue) && !(right == .deletion && Self.holdsAccount($0))
        }
    }

    /// Whether `category` holds the account row itself, so erasing it means deleting the account.
    public static func holdsAccount(_ category: DataCategory) -> Bool {
        category.recordSets.contains { RecordSetTable.named($0.id)?.table == "account" }
    }

    /// The purposes `right` can name: the objectable ones for an objection, every purpose otherwise.
    public func purposes(for right: RightKind) -> [Purpose] {
        catalogue.purposes.filter { right != .objection || $0.objectable == true }
    }

    /// Every field some category lists as correctable, in catalogue order.
    public var correctableFields: [String] {
        catalogue.categories.flatMap { $0.correctableFields ?? [] }
    }

    /// The fields a correction can name: the correctable ones, then "other" for data without a named field.
    public var fields: [String] { correctableFields + [RequestScope.otherField] }

    /// The category that lists `field` as correctable, if any (for labels such as "Phone (Contact details)").
    public func category(ofField field: String) -> DataCategory? {
        catalogue.categories.first { ($0.correctableFields ?? []).contains(field) }
    }
}
