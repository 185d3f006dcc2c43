import ArgumentParser
import Foundation
import PrivacyModel

/// A calendar day given as YYYY-MM-DD (UTC), parsed once by the model's day parser for every option that takes one.
struct DayArgument: ExpressibleByArgument {
    /// 00:00:00 UTC on the day.
    let start: Date

    init?(argument: String) {
        guard let start = UTCCalendar.day(argument) else { return nil }
        self.start = start
    }

    /// 00:00:00 UTC on the next day: the first instant after this day.
    var next: Date { UTCCalendar.dayAfter(start) }

    /// The option's value name in `--help` and in the message for a malformed day.
    static let valueName = "YYYY-MM-DD"
}
