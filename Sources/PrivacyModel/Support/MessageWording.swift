public import Foundation

/// How stored messages read in one language outside the screens (the access report, the command line):
/// where a key's text comes from and how each kind of value is written.
///
/// It takes its lookups as functions, so it follows whichever string engine it is given.
public struct MessageWording {
    /// A key's text in the language, nil when the table lacks it.
    public let lookup: (String) -> String?
    /// A whole number as the language groups it.
    public let number: (Int) -> String
    /// A day.
    public let day: (Date) -> String
    /// A day and a time.
    public let instant: (Date) -> String
    /// The catalogue's text for a key ("category.payment.name") in the language, nil when it has none.
    public let catalogue: (String) -> String?

    /// Wording from its parts; days and instants default to ISO 8601 (UTC), as the report and the CLI write them.
    public init(
        lookup: @escaping (String) -> String?, number: @escaping (Int) -> String,
        day: @escaping (Date) -> String = { $0.dayUTC }, instant: @escaping (Date) -> String = { $0.iso8601UTC },
        catalogue: @escaping (String) -> String?
    ) {
        self.lookup = lookup
        self.number = number
        self.day = day
        self.instant = instant
        self.catalogue = catalogue
    }

    /// English from the shipped `en` tables and the catalogue as shipped, for the command line's output.
    public static func english(catalogue: PolicyCatalogue) -> MessageWording {
        Strings.english.plainWording(catalogue: catalogue)
    }

    /// A message in words; a key the table lacks shows as the key itself.
    public func text(_ message: UserFacingMessage) -> String {
        message.text(lookup: { lookup($0) ?? $0 }, value: value)
    }

    /// Stored text in words, its sentences joined by a space.
    public func text(_ stored: StoredText) -> String {
        stored.text(lookup: { lookup($0) ?? $0 }, value: value)
    }

    /// How one placeholder value reads.
    public func value(_ value: MessageValue) -> String {
        switch value {
        case .text(let text): return text
        case .number(let count): return number(count)
        case .day(let date): return day(date)
        case .instant(let date): return instant(date)
        case .list(let items): return items.joined(separator: ", ")
        case .term(let key): return lookup(key) ?? key
        case .catalogue(let keys): return keys.map { catalogue($0) ?? $0 }.joined(separator: ", ")
        }
    }
}
