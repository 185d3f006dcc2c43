public import Foundation

/// One line of the breach register: the breach, its notify-by time and how far the notices got.
public struct BreachRegisterEntry: Sendable, Equatable, Identifiable {
    /// The breach.
    public let breach: Breach
    /// When affected subscribers must have been told (discovery + 72 hours).
    public let notifyBy: Date
    /// Subscribers given a notice in the dashboard.
    public let notified: Int
    /// Notice mails queued, sent and failed (all versions).
    public let mailsQueued: Int
    /// Notice mails delivered to the mail system.
    public let mailsSent: Int
    /// Notice mails that could not be delivered.
    public let mailsFailed: Int
    /// Subscribers who acknowledged the current version.
    public let acknowledged: Int

    /// The row id, so lists can track it.
    public var id: Int64 { breach.id }

    /// Whether the deadline passed before (or without) the first publication.
    public func isOverdue(at now: Date) -> Bool {
        if let published = breach.publishedAt { return published > notifyBy }
        return now > notifyBy
    }

    /// Seconds left until the deadline (negative once passed); nil once published, when it no longer counts down.
    public func secondsLeft(at now: Date) -> Int64? {
        guard breach.publishedAt == nil else { return nil }
        return notifyBy.epochSeconds - now.epochSeconds
    }
}

/// What publishing a breach (or an update) did.
public struct BreachPublication: Sendable, Equatable {
    /// The breach as now published.
    public let breach: Breach
    /// Subscribers given (or given again) a notice.
    public let notified: Int
    /// Notice mails queued.
    public let mailsQueued: Int
}
