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
}

/// A model error as a stable key and the values for its placeholders, so a screen can show it in any language.
///
/// The key names an entry of `Resources/strings/<language>/errors.json`; the English entry is the error's
/// `description`, the line the command line prints.
public struct UserFacingMessage: Sendable, Equatable {
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
