public import Foundation
import PrivacyResources

/// Why a policy catalogue could not be used.
public enum CatalogueError: Error, Equatable, CustomStringConvertible {
    /// The file is missing from the installation.
    case missing(String)
    /// The file is not valid JSON of the expected shape.
    case malformed(String)
    /// The file parsed but breaks a rule (an unknown reference, a duplicate id...).
    case invalid(String)

    /// A message a person can act on.
    public var description: String {
        switch self {
        case .missing(let path):
            return "policy catalogue not found at \(path); reinstall so the resources folder sits beside the binary"
        case .malformed(let reason): return "policy catalogue is not valid: \(reason)"
        case .invalid(let reason): return "policy catalogue is inconsistent: \(reason)"
        }
    }
}

/// Reads and validates the policy catalogue, so a typo in the data fails loudly at start-up instead of on a screen.
public enum CatalogueLoader {
    /// Where the shipped catalogue file is, if the resources are installed.
    public static var bundledURL: URL? {
        PrivacyResources.bundle.url(forResource: "policy", withExtension: "json", subdirectory: "catalogue")
    }

    /// The catalogue shipped with the program.
    public static func bundled() throws(CatalogueError) -> PolicyCatalogue {
        guard let url = bundledURL else { throw .missing("catalogue/policy.json") }
        return try load(from: url)
    }

    /// Loads and validates a catalogue file.
    public static func load(from url: URL) throws(CatalogueError) -> PolicyCatalogue {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw .missing(url.path) }
        return try decode(data)
    }

    /// Decodes and validates catalogue JSON.
    public static func decode(_ data: Data) throws(CatalogueError) -> PolicyCatalogue {
        let catalogue: PolicyCatalogue
        do {
            catalogue = try JSONDecoder().decode(PolicyCatalogue.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw .malformed("missing \"\(key.stringValue)\" at \(pathText(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .malformed("wrong type at \(pathText(context.codingPath))")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .malformed("missing value at \(pathText(context.codingPath))")
        } catch let DecodingError.dataCorrupted(context) {
            throw .malformed("\(context.debugDescription) at \(pathText(context.codingPath))")
        } catch {
            throw .malformed("unreadable JSON")
        }
        try validate(catalogue)
        return catalogue
    }

    private static func pathText(_ path: [any CodingKey]) -> String {
        let text = path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return text.isEmpty ? "top level" : text
    }

    /// Checks every rule the rest of the model relies on.
    public static func validate(_ catalogue: PolicyCatalogue) throws(CatalogueError) {
        guard catalogue.effectiveDay != nil else {
            throw .invalid("effectiveDate \"\(catalogue.effectiveDate)\" is not a YYYY-MM-DD date")
        }
        guard catalogue.minimumAge > 0 else { throw .invalid("minimumAge must be positive") }
        let deadlines = catalogue.deadlines
        for (name, value) in [
            ("receiptHours", deadlines.receiptHours), ("responseDays", deadlines.responseDays),
            ("breachNoticeHours", deadlines.breachNoticeHours), ("accountPurgeDays", deadlines.accountPurgeDays),
            ("policyChangeNoticeDays", deadlines.policyChangeNoticeDays),
            ("lockout.maxFailures", catalogue.lockout.maxFailures),
            ("lockout.windowMinutes", catalogue.lockout.windowMinutes),
        ] where value <= 0 {
            throw .invalid("\(name) must be positive")
        }

        let bases = try ids(catalogue.legalBases.map(\.id), "legal basis")
        let purposes = try ids(catalogue.purposes.map(\.id), "purpose")
        let recipients = try ids(catalogue.recipients.map(\.id), "recipient")
        let rights = try ids(catalogue.rights.map(\.id), "right")
        let groups = try ids(catalogue.preferenceGroups.map(\.id), "preference group")
        _ = try ids(catalogue.categories.map(\.id), "category")
        _ = try ids(catalogue.preferences.map(\.id), "preference")
        _ = try ids(catalogue.sections.map(\.id), "section")
        _ = try ids(catalogue.exportFormats.map(\.id), "export format")
        _ = try ids(catalogue.categories.flatMap { $0.recordSets.map(\.id) }, "record set")

        for required in RightKind.allCases where !rights.contains(required.rawValue) {
            throw .invalid("the right \"\(required.rawValue)\" is missing")
        }
        let knownScopes = Set(RequestScopeKind.allCases.map(\.rawValue))
        for right in catalogue.rights {
            guard !right.scopes.isEmpty else { throw .invalid("right \"\(right.id)\" names no scope") }
            for scope in right.scopes where !knownScopes.contains(scope) {
                throw .invalid("right \"\(right.id)\" has unknown scope \"\(scope)\"")
            }
        }
        for purpose in catalogue.purposes where !bases.contains(purpose.legalBasis) {
            throw .invalid("purpose \"\(purpose.id)\" names unknown legal basis \"\(purpose.legalBasis)\"")
        }
        for category in catalogue.categories {
            let owner = "category \"\(category.id)\""
            try references(category.purposes, in: purposes, "purpose", owner)
            try references(category.recipients, in: recipients, "recipient", owner)
            try references(category.rights, in: rights, "right", owner)
            guard !category.recordSets.isEmpty else { throw .invalid("\(owner) has no record set") }
            for limit in category.rightLimits ?? [] {
                try references([limit.right], in: rights, "right", owner)
                try references([limit.basis], in: bases, "legal basis", owner)
            }
            for set in category.recordSets {
                try validate(set.retention, owner: "record set \"\(set.id)\"", bases: bases)
            }
        }
        for preference in catalogue.preferences {
            let owner = "preference \"\(preference.id)\""
            try references([preference.group], in: groups, "group", owner)
            if let purpose = preference.purpose { try references([purpose], in: purposes, "purpose", owner) }
            if preference.isLocked != (preference.lockedReason != nil) {
                throw .invalid("\(owner) must give a lockedReason exactly when it is mandatory")
            }
        }
    }

    private static func validate(_ rule: RetentionRule, owner: String, bases: Set<String>) throws(CatalogueError) {
        guard let kind = rule.kind else { throw .invalid("\(owner) has unknown retention rule \"\(rule.rule)\"") }
        guard rule.origin == "policy" || rule.origin == "service" else {
            throw .invalid("\(owner) retention origin must be \"policy\" or \"service\"")
        }
        if let hold = rule.legalHold, !bases.contains(hold) {
            throw .invalid("\(owner) names unknown legal basis \"\(hold)\"")
        }
        switch kind {
        case .fixed:
            let parts = [rule.years, rule.months, rule.days].compactMap { $0 }
            guard parts.count == 1, let amount = parts.first, amount > 0 else {
                throw .invalid("\(owner) needs exactly one positive period (years, months or days)")
            }
            guard rule.anchor == "record" || rule.anchor == "last-seen" else {
                throw .invalid("\(owner) anchor must be \"record\" or \"last-seen\"")
            }
        case .accountLifetime:
            guard rule.years == nil, rule.months == nil, rule.days == nil else {
                throw .invalid("\(owner) is account-lifetime and takes no period")
            }
        }
    }

    private static func ids(_ values: [String], _ kind: String) throws(CatalogueError) -> Set<String> {
        var seen = Set<String>()
        for value in values {
            guard !value.isEmpty else { throw .invalid("a \(kind) has an empty id") }
            guard seen.insert(value).inserted else { throw .invalid("\(kind) id \"\(value)\" appears twice") }
        }
        return seen
    }

    private static func references(
        _ values: [String], in known: Set<String>, _ kind: String, _ owner: String
    ) throws(CatalogueError) {
        for value in values where !known.contains(value) {
            throw .invalid("\(owner) names unknown \(kind) \"\(value)\"")
        }
    }
}
