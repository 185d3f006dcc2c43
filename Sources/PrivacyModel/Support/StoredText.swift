import Foundation

/// Text kept in the store for a person to read later (a resolution, an event's note, a usage event's detail):
/// keyed messages with their values, put into words when shown, in the reader's language.
///
/// What a person typed (a reason, a note) is one message of `typedKey` holding the text as it was typed.
/// The stored form is JSON (`{"messages":[…]}`); a column written before messages were stored holds plain
/// English text, which reads back as typed text, so old rows keep working.
public struct StoredText: Sendable, Equatable, Codable {
    /// The sentences, in order; each is shown in words and joined by a space.
    public let messages: [UserFacingMessage]

    /// The key of text kept as typed; its entry in every language is just "{text}".
    public static let typedKey = "stored.text"

    /// Text from messages.
    public init(_ messages: [UserFacingMessage]) { self.messages = messages }

    /// No text.
    public static let empty = StoredText([])

    /// Text a person typed (or an old row's plain text), kept as it is; nothing when blank.
    public static func typed(_ text: String?) -> StoredText {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return .empty }
        return StoredText([UserFacingMessage(typedKey, ["text": .text(text)])])
    }

    /// One keyed message.
    public static func message(_ key: String, _ values: [String: MessageValue] = [:]) -> StoredText {
        StoredText([UserFacingMessage(key, values)])
    }

    /// Whether there is nothing to show.
    public var isEmpty: Bool { messages.isEmpty }

    /// The typed texts in it, in order (a reason or note), without the program's own sentences.
    public var typedTexts: [String] {
        messages.compactMap { message in
            guard message.key == Self.typedKey, case .text(let text)? = message.values["text"] else { return nil }
            return text
        }
    }

    /// Both texts' sentences, this one's first.
    public static func + (lhs: StoredText, rhs: StoredText) -> StoredText { StoredText(lhs.messages + rhs.messages) }

    private static let marker = "{\"messages\":"

    /// The form kept in a text column: "" when empty, else JSON with sorted keys.
    public var storedForm: String {
        guard !isEmpty else { return "" }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a column: the JSON form, or plain text from a row written before (read as typed text).
    public init(storedForm: String) {
        if storedForm.hasPrefix(Self.marker),
            let decoded = try? JSONDecoder().decode(StoredText.self, from: Data(storedForm.utf8))
        {
            self = decoded
        } else {
            self = .typed(storedForm)
        }
    }

    /// The text in words: `lookup` gives a key's text, `value` how a placeholder's value reads.
    ///
    /// Sentences are joined by a space; one that ends without punctuation (a typed reason) gets a full stop
    /// before the next.
    public func text(lookup: (String) -> String, value: (MessageValue) -> String) -> String {
        let sentences = messages.map { $0.text(lookup: lookup, value: value) }.filter { !$0.isEmpty }
        return sentences.enumerated().map { index, sentence in
            guard index < sentences.count - 1, let last = sentence.last, last.isLetter || last.isNumber else {
                return sentence
            }
            return sentence + "."
        }.joined(separator: " ")
    }
}
