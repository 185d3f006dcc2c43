public import Foundation

/// The catalogue's deadlines applied to a filing instant, so every screen and rule counts them the same way.
public struct RequestDeadlines: Sendable, Equatable {
    /// When receipt must be confirmed by: filed + receipt hours.
    public let receiptDue: Date
    /// When the answer is due: filed + response days (UTC calendar days).
    public let responseDue: Date
    /// The latest an extension may move the due date to: filed + response days + maximum extension days.
    public let latestExtension: Date

    /// Applies `deadlines` to a request filed at `filedAt`.
    public init(filedAt: Date, deadlines: Deadlines) {
        let calendar = UTCCalendar.calendar
        receiptDue = filedAt.addingTimeInterval(TimeInterval(deadlines.receiptHours) * 3600)
        responseDue =
            calendar.date(byAdding: .day, value: deadlines.responseDays, to: filedAt)
            ?? filedAt.addingTimeInterval(TimeInterval(deadlines.responseDays) * 86_400)
        let extensionDays = deadlines.responseDays + deadlines.maxExtensionDays
        latestExtension =
            calendar.date(byAdding: .day, value: extensionDays, to: filedAt)
            ?? filedAt.addingTimeInterval(TimeInterval(extensionDays) * 86_400)
    }
}
