import Foundation

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
        return ErrorClause.sentence(of: failure.description)
    }

    /// A keyed message with its placeholders filled, dates and numbers formatted for this language.
    public func text(of message: UserFacingMessage, formats: Formats) -> String {
        fill(self[message.key], with: message.values, formats: formats)
    }

    /// A message's text (or a form of it) with its placeholders filled.
    func fill(_ template: String, with values: [String: MessageValue], formats: Formats) -> String {
        var text = template
        for (name, value) in values {
            text = text.replacingOccurrences(of: "{\(name)}", with: format(value, formats: formats))
        }
        return text
    }

    private func format(_ value: MessageValue, formats: Formats) -> String {
        switch value {
        case .text(let text): return text
        case .number(let number): return formats.number(number)
        case .day(let date): return formats.date(date)
        case .instant(let date): return formats.dateTime(date)
        case .list(let items): return items.joined(separator: ", ")
        case .term(let key): return contains(key) ? self[key] : key
        }
    }
}
