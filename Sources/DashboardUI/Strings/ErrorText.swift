import Foundation
public import PrivacyModel

extension Strings {
    /// A model error as one sentence in this language: its keyed message from `errors.json` when the error
    /// names one, else the error's English description as a sentence, else the generic message.
    public func message(for error: any Error, formats: Formats) -> String {
        if let keyed = error as? any KeyedUserFacingError, contains(keyed.message.key) {
            return text(of: keyed.message, formats: formats)
        }
        guard let failure = error as? any UserFacingError else {
            return self("error.unexpected", ["detail": String(describing: error)])
        }
        let text = failure.description
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst() + "."
    }

    /// A keyed message with its placeholders filled, dates and numbers formatted for this language;
    /// `catalogue` gives the catalogue's texts in this language.
    public func text(
        of message: UserFacingMessage, formats: Formats, catalogue: (String) -> String? = { _ in nil }
    ) -> String {
        message.text(lookup: { self[$0] }, value: { format($0, formats: formats, catalogue: catalogue) })
    }

    /// Text kept in the store (a resolution, an event's note) in this language, its sentences joined by a space.
    public func text(of stored: StoredText, formats: Formats, catalogue: (String) -> String? = { _ in nil }) -> String {
        stored.text(lookup: { self[$0] }, value: { format($0, formats: formats, catalogue: catalogue) })
    }

    private func format(_ value: MessageValue, formats: Formats, catalogue: (String) -> String?) -> String {
        switch value {
        case .text(let text): return text
        case .number(let number): return formats.number(number)
        case .day(let date): return formats.date(date)
        case .instant(let date): return formats.dateTime(date)
        case .list(let items): return items.joined(separator: ", ")
        case .term(let key): return contains(key) ? self[key] : key
        case .catalogue(let keys): return keys.map { catalogue($0) ?? $0 }.joined(separator: ", ")
        }
    }
}
