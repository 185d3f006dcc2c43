public import Foundation

/// The service's privacy policy as data: every screen, export and rule reads its facts from here.
public struct PolicyCatalogue: Codable, Sendable {
    /// Identifies this version of the policy (receipts record it).
    public let version: String
    /// The day (YYYY-MM-DD) this version took effect.
    public let effectiveDate: String
    /// The service the policy belongs to.
    public let service: String
    /// Nobody younger than this may hold an account.
    public let minimumAge: Int
    /// The deadlines the service promises.
    public let deadlines: Deadlines
    /// How many failed sign-ins lock an account, and for how long.
    public let lockout: LockoutRule
    /// The legal grounds processing can rest on.
    public let legalBases: [LegalBasis]
    /// Why data is processed.
    public let purposes: [Purpose]
    /// Who receives data.
    public let recipients: [Recipient]
    /// The six rights a subscriber can exercise.
    public let rights: [Right]
    /// The formats a portability export can take.
    public let exportFormats: [ExportFormat]
    /// Every kind of personal data held.
    public let categories: [DataCategory]
    /// How preferences are grouped on screen.
    public let preferenceGroups: [PreferenceGroup]
    /// Every switchable (or locked) preference.
    public let preferences: [PreferenceDefinition]
    /// The policy summarised section by section.
    public let sections: [PolicySection]
}

/// The service's promised deadlines.
public struct Deadlines: Codable, Sendable, Equatable {
    /// Hours within which receipt of a request is confirmed.
    public let receiptHours: Int
    /// Days within which a request is answered.
    public let responseDays: Int
    /// The most a response may be extended by, in days.
    public let maxExtensionDays: Int
    /// Hours within which affected subscribers hear of a breach.
    public let breachNoticeHours: Int
    /// Days of notice before a material policy change.
    public let policyChangeNoticeDays: Int
    /// Days after account deletion when its data is purged.
    public let accountPurgeDays: Int
}

/// The sign-in lockout rule.
public struct LockoutRule: Codable, Sendable, Equatable {
    /// Failures that lock the account.
    public let maxFailures: Int
    /// The window the failures are counted in, and the lock's length.
    public let windowMinutes: Int
}

/// A legal ground for processing.
public struct LegalBasis: Codable, Sendable, Identifiable {
    /// Stable id.
    public let id: String
    /// Display name.
    public let name: String
    /// One sentence in plain words.
    public let summary: String
}

/// A reason data is processed.
public struct Purpose: Codable, Sendable, Identifiable {
    /// Stable id.
    public let id: String
    /// Display name.
    public let name: String
    /// One sentence in plain words.
    public let summary: String
    /// The id of the legal basis this purpose rests on.
    public let legalBasis: String
    /// Whether the subscriber can object to this purpose.
    public let objectable: Bool?
}

/// Someone who receives data.
public struct Recipient: Codable, Sendable, Identifiable {
    /// Stable id.
    public let id: String
    /// Display name.
    public let name: String
    /// One sentence in plain words.
    public let summary: String
    /// "processor" or "when-required".
    public let kind: String
    /// True when the recipient only ever receives anonymised data.
    public let anonymisedOnly: Bool?
}

/// A data-protection right.
public struct Right: Codable, Sendable, Identifiable {
    /// Stable id (access, correction, deletion, portability, objection, restriction).
    public let id: String
    /// Display name.
    public let name: String
    /// One sentence in plain words.
    public let summary: String
    /// What a request for this right can target: all, category, field, purpose, format, account.
    public let scopes: [String]
}

/// A format a portability export can be written in.
public struct ExportFormat: Codable, Sendable, Identifiable {
    /// Stable id.
    public let id: String
    /// Display name.
    public let name: String
}

/// Where a category's data comes from.
public enum DataSource: String, Codable, Sendable {
    /// The subscriber gave it.
    case provided
    /// The service recorded it automatically.
    case automatic
    /// The service worked it out from other data.
    case derived
}

/// A kind of personal data the service holds.
public struct DataCategory: Codable, Sendable, Identifiable {
    /// Stable id.
    public let id: String
    /// Display name.
    public let name: String
    /// One sentence in plain words.
    public let summary: String
    /// What exactly is collected.
    public let collected: [String]
    /// Where the data comes from.
    public let source: DataSource
    /// Ids of the purposes it serves.
    public let purposes: [String]
    /// Ids of the recipients it goes to.
    public let recipients: [String]
    /// Ids of the rights that apply.
    public let rights: [String]
    /// Limits on rights, with the reason.
    public let rightLimits: [RightLimit]?
    /// Fields a correction request may name.
    public let correctableFields: [String]?
    /// How this data feeds automated decisions, in plain words.
    public let profiling: String?
    /// The stored record sets that make up the category.
    public let recordSets: [RecordSetDefinition]
}

/// A right that applies only in part to a category, and why.
public struct RightLimit: Codable, Sendable {
    /// The right that is limited.
    public let right: String
    /// The legal basis that limits it.
    public let basis: String
    /// The reason in plain words.
    public let summary: String
}

/// One stored table of a category, with its retention rule.
public struct RecordSetDefinition: Codable, Sendable, Identifiable {
    /// Stable id, bound to a table in the store.
    public let id: String
    /// Display name.
    public let name: String
    /// How long records are kept.
    public let retention: RetentionRule
}

/// A group of preferences shown together.
public struct PreferenceGroup: Codable, Sendable, Identifiable {
    /// Stable id.
    public let id: String
    /// Display name.
    public let name: String
}

/// A preference a subscriber can switch, or a locked one with its reason.
public struct PreferenceDefinition: Codable, Sendable, Identifiable {
    /// Stable id, recorded in consent receipts.
    public let id: String
    /// The id of its group.
    public let group: String
    /// Display name.
    public let name: String
    /// One sentence in plain words.
    public let summary: String
    /// The value an account starts with.
    public let `default`: Bool
    /// True for notices and cookies the service cannot run without.
    public let mandatory: Bool?
    /// Why it cannot be switched (present exactly when mandatory).
    public let lockedReason: String?
    /// The purpose it switches on or off.
    public let purpose: String?

    /// Whether the subscriber may change it.
    public var isLocked: Bool { mandatory == true }
}

/// One section of the policy, summarised.
public struct PolicySection: Codable, Sendable, Identifiable {
    /// Stable id.
    public let id: String
    /// Section title.
    public let title: String
    /// The section in a few plain sentences.
    public let summary: String
}

extension PolicyCatalogue {
    /// The category with `id`, if any.
    public func category(_ id: String) -> DataCategory? { categories.first { $0.id == id } }
    /// The purpose with `id`, if any.
    public func purpose(_ id: String) -> Purpose? { purposes.first { $0.id == id } }
    /// The recipient with `id`, if any.
    public func recipient(_ id: String) -> Recipient? { recipients.first { $0.id == id } }
    /// The right with `id`, if any.
    public func right(_ id: String) -> Right? { rights.first { $0.id == id } }
    /// The legal basis with `id`, if any.
    public func legalBasis(_ id: String) -> LegalBasis? { legalBases.first { $0.id == id } }
    /// The preference with `id`, if any.
    public func preference(_ id: String) -> PreferenceDefinition? { preferences.first { $0.id == id } }
    /// The record set with `id` and the category that holds it.
    public func recordSet(_ id: String) -> (category: DataCategory, set: RecordSetDefinition)? {
        for category in categories {
            if let set = category.recordSets.first(where: { $0.id == id }) { return (category, set) }
        }
        return nil
    }
    /// The day the policy took effect, as midnight UTC.
    public var effectiveDay: Date? { UTCCalendar.day(effectiveDate) }
}
