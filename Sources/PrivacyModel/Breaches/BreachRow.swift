import Foundation
import GRDB

/// Reading breaches back from their rows, shared by the register and the subscriber's notices.
extension Breach {
    /// The breach in `row` (a `breach` row, or a join that includes its columns under their own names), nil when a
    /// stored code is one this build does not know.
    init?(row: Row, listed: [Int64] = []) {
        func codes<T: RawRepresentable>(_ column: String, as: T.Type) -> [T]? where T.RawValue == String {
            let text: String = row[column]
            let parts = text.split(separator: ",").map(String.init)
            let values = parts.compactMap(T.init(rawValue:))
            return values.count == parts.count ? values : nil
        }
        guard let kind = BreachKind(rawValue: row["kind"]),
            let status = BreachStatus(rawValue: row["status"]),
            let consequences = codes("consequences", as: BreachConsequence.self),
            let measures = codes("measures", as: BreachMeasure.self),
            let advice = codes("advice", as: BreachAdvice.self)
        else { return nil }
        let audienceCode: String = row["audience"]
        let audience: BreachAudience
        switch audienceCode {
        case "everyone": audience = .everyone
        case "holders":
            guard let category: String = row["audienceCategory"] else { return nil }
            audience = .holders(category: category)
        case "list": audience = .list(listed)
        default: return nil
        }
        let categories: String = row["categories"]
        self.init(
            id: row["id"], reference: row["reference"], kind: kind, details: row["details"],
            discoveredAt: Date(epochSeconds: row["discoveredAt"]), recordedAt: Date(epochSeconds: row["recordedAt"]),
            categories: categories.split(separator: ",").map(String.init), audience: audience,
            consequences: consequences, measures: measures, advice: advice, contact: row["contact"], status: status,
            version: row["version"], publishedAt: (row["publishedAt"] as Int64?).map(Date.init(epochSeconds:)),
            updatedAt: (row["updatedAt"] as Int64?).map(Date.init(epochSeconds:)),
            closedAt: (row["closedAt"] as Int64?).map(Date.init(epochSeconds:)))
    }
}
