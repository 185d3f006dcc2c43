public import Foundation

/// One version of the policy as the history lists it: the built-in first version or a published one.
public struct PolicyVersion: Sendable, Equatable {
    /// The version's name (the catalogue's `version`).
    public let version: String
    /// The day it takes (or took) effect, YYYY-MM-DD: the revision date shown to subscribers.
    public let effectiveDate: String
    /// When it was published; nil for the built-in version.
    public let publishedAt: Date?
    /// Whether it is a material change (announced ahead by mail and alert).
    public let material: Bool
    /// What changes for the subscriber, by language code ("en" always present for published versions).
    public let summary: [String: String]

    /// Describes a version.
    public init(version: String, effectiveDate: String, publishedAt: Date?, material: Bool, summary: [String: String]) {
        self.version = version
        self.effectiveDate = effectiveDate
        self.publishedAt = publishedAt
        self.material = material
        self.summary = summary
    }

    /// The effective date as midnight UTC.
    public var effectiveDay: Date? { UTCCalendar.day(effectiveDate) }

    /// The summary in `language`, else in English.
    public func summary(in language: String) -> String { summary[language] ?? summary["en"] ?? "" }
}

/// What an approver publishes: the policy file's contents, when it applies, and what it changes.
public struct PolicyVersionDraft: Sendable {
    /// The catalogue JSON, checked by the same loader as the built-in catalogue.
    public let policy: Data
    /// The day it takes effect, YYYY-MM-DD.
    public let effectiveDate: String
    /// Whether the change is material (30 days' notice).
    public let material: Bool
    /// The summary by language code; "en" is required.
    public let summary: [String: String]
    /// Translated catalogue texts by language code (keys as in `PolicyCatalogue.texts`).
    public let texts: [String: [String: String]]

    /// Describes a version to publish.
    public init(
        policy: Data, effectiveDate: String, material: Bool, summary: [String: String],
        texts: [String: [String: String]] = [:]
    ) {
        self.policy = policy
        self.effectiveDate = effectiveDate
        self.material = material
        self.summary = summary
        self.texts = texts
    }
}
