public import Foundation

/// A value filled into a message's `{placeholder}`, formatted by whoever shows the message in its language.
public enum MessageValue: Sendable, Equatable {
    /// Shown as it is: an id, a path, a reference, a value the person typed.
    case text(String)
    /// A whole number, grouped as the language writes numbers.
    case number(Int)
    /// A day.
    case day(Date)
    /// A day and a time.
    case instant(Date)
    /// Several texts, shown as a list ("a, b, c").
    case list([String])
    /// A word the strings table translates, named by its key (e.g. "error.term.status.completed").
    case term(String)
    /// Texts of the policy catalogue by key ("category.payment.name"), shown in the reader's language as a list.
    case catalogue([String])
}

/// A model error as a stable key and the values for its placeholders, so a screen can show it in any language.
///
/// The key names an entry of `Resources/strings/<language>/errors.json`; the English entry is the error's
/// `description`, the line the command line prints.
public struct UserFacingMessage: Sendable, Equatable, Codable {
    /// The strings key, e.g. "error.request.duplicate".
    public let key: String
    /// The placeholder values by name.
    public let values: [String: MessageValue]

    /// Makes a message.
    public init(_ key: String, _ values: [String: MessageValue] = [:]) {
        self.key = key
        self.values = values
    }
}

extension UserFacingMessage {
    /// The message in words: `lookup` gives the key's text, `value` how a placeholder's value reads.
    public func text(lookup: (String) -> String, value: (MessageValue) -> String) -> String {
        var text = lookup(key)
        for (name, filled) in values.sorted(by: { $0.key < $1.key }) {
            text = text.replacingOccurrences(of: "{\(name)}", with: value(filled))
        }
        return text
    }
}

/// A user-facing error that also names its message by key, for translation.
public protocol KeyedUserFacingError: UserFacingError {
    /// The message as a key and its values.
    var message: UserFacingMessage { get }
    /// One value of every case, so the translation test covers each message.
    static var examples: [Self] { get }
}

extension MessageValue {
    /// The term key for a request status.
    static func status(_ status: RequestStatus) -> MessageValue { .term("error.term.status.\(status.rawValue)") }
    /// The term key for a right.
    static func right(_ right: RightKind) -> MessageValue { .term("error.term.right.\(right.rawValue)") }
}

extension MessageValue: Codable {
    private enum CodingKeys: String, CodingKey {
        case text, number, day, instant, list, term, catalogue
    }

    /// Reads a value stored as a one-key object ({"day": 1767225600}); instants are whole seconds since 1970.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let key = container.allKeys.first, container.allKeys.count == 1 else {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "one kind of value expected"))
        }
        switch key {
        case .text: self = .text(try container.decode(String.self, forKey: key))
        case .number: self = .number(try container.decode(Int.self, forKey: key))
        case .day: self = .day(Date(epochSeconds: try container.decode(Int64.self, forKey: key)))
        case .instant: self = .instant(Date(epochSeconds: try container.decode(Int64.self, forKey: key)))
        case .list: self = .list(try container.decode([String].self, forKey: key))
        case .term: self = .term(try container.decode(String.self, forKey: key))
        case .catalogue: self = .catalogue(try container.decode([String].self, forKey: key))
        }
    }

    /// Writes the value as a one-key object naming its kind.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .text(let text): try container.encode(text, forKey: .text)
        case .number(let number): try container.encode(number, forKey: .number)
        case .day(let date): try container.encode(date.epochSeconds, forKey: .day)
        case .instant(let date): try container.encode(date.epochSeconds, forKey: .instant)
        case .list(let items): try container.encode(items, forKey: .list)
        case .term(let key): try container.encode(key, forKey: .term)
        case .catalogue(let keys): try container.encode(keys, forKey: .catalogue)
        }
    }
}
