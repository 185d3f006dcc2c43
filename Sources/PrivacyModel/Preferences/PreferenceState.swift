public import Foundation

/// One catalogue preference as it currently stands for an account: what a screen or export shows.
public struct PreferenceState: Sendable {
    /// The catalogue entry this state belongs to.
    public let definition: PreferenceDefinition
    /// The current value: the stored choice, or the catalogue default when none was made.
    public let value: Bool
    /// When the subscriber last changed it, or nil when it was never changed (the default applies).
    public let changedAt: Date?
    /// The standing objection that covers it, if any: switching it on then means withdrawing the objection.
    public let objection: Objection?

    /// Pairs a definition with its current value and the objection covering it.
    public init(definition: PreferenceDefinition, value: Bool, changedAt: Date?, objection: Objection? = nil) {
        self.definition = definition
        self.value = value
        self.changedAt = changedAt
        self.objection = objection
    }

    /// The preference id (recorded in consent receipts).
    public var id: String { definition.id }
    /// The id of the group it is shown under.
    public var group: String { definition.group }
    /// True when the current value is the catalogue default.
    public var isDefault: Bool { value == definition.default }
    /// Why it cannot be changed, or nil when the subscriber may switch it.
    public var lockedReason: String? { definition.isLocked ? definition.lockedReasonText : nil }
    /// Whether the subscriber may change it.
    public var isLocked: Bool { definition.isLocked }
}

extension PreferenceDefinition {
    /// The catalogue's reason a mandatory preference is locked, with a plain fallback when it gives none.
    var lockedReasonText: String { lockedReason ?? "The service cannot run without it." }
}
