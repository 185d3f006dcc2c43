public import Foundation

/// Reading a breach draft's parts from typed text, shared by the command line's options and the staff console's
/// dialog so both accept the same forms.
public enum BreachDraftText {
    /// "2026-12-01 09:30" (or "2026-12-01T09:30") as an instant in UTC; nil when malformed.
    public static func instant(_ text: String) -> Date? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == " " || $0 == "T" })
        guard parts.count == 2, let day = UTCCalendar.day(String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":")
        guard clock.count == 2, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]),
            let minute = Int(clock[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return day.addingTimeInterval(TimeInterval(hour * 3_600 + minute * 60))
    }

    /// An instant written the way `instant` reads it ("2026-12-01 09:30", UTC).
    public static func text(of date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(date.dayUTC) \(two(c.hour)):\(two(c.minute))"
    }

    /// Comma-separated words, trimmed, empty ones dropped.
    public static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The codes of `T` in comma-separated text, or the first word that is not one.
    public static func codes<T: RawRepresentable>(_ text: String, as _: T.Type) -> (codes: [T], unknown: String?)
    where T.RawValue == String {
        var codes: [T] = []
        for word in list(text) {
            guard let code = T(rawValue: word) else { return (codes, word) }
            codes.append(code)
        }
        return (codes, nil)
    }

    /// Every code of `T`, comma-separated, for a hint or a refusal.
    public static func names<T: CaseIterable & RawRepresentable>(_: T.Type) -> String where T.RawValue == String {
        T.allCases.map(\.rawValue).joined(separator: ", ")
    }
}
