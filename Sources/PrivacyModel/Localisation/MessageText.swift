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

    /// A keyed message with its placeholders filled, dates and numbers formatted for this language;
    /// `catalogue` gives the catalogue's texts in this language.
    public func text(
        of message: UserFacingMessage, formats: Formats, catalogue: @escaping (String) -> String? = { _ in nil }
    ) -> String {
        message.text(lookup: { self[$0] }, value: wording(formats: formats, catalogue: catalogue).value)
    }

    /// A message's text (or a form of it) with its placeholders filled.
    func fill(_ template: String, with values: [String: MessageValue], formats: Formats) -> String {
        UserFacingMessage(template, values).text(lookup: { $0 }, value: wording(formats: formats).value)
    }

    /// Text kept in the store (a resolution, an event's note) in this language, its sentences joined by a space.
    public func text(
        of stored: StoredText, formats: Formats, catalogue: @escaping (String) -> String? = { _ in nil }
    ) -> String {
        stored.text(lookup: { self[$0] }, value: wording(formats: formats, catalogue: catalogue).value)
    }

    /// These strings as the wording of stored messages: numbers, days and times as `formats` writes them.
    public func wording(formats: Formats, catalogue: @escaping (String) -> String? = { _ in nil }) -> MessageWording {
        MessageWording(
            lookup: optional, number: formats.number, day: formats.date, instant: formats.dateTime,
            catalogue: catalogue)
    }

    /// These strings as the wording of a file or the command line: grouped numbers, ISO 8601 days and times
    /// (UTC), the catalogue's texts from `catalogue` (already in this language).
    public func plainWording(catalogue: PolicyCatalogue) -> MessageWording {
        let texts = catalogue.texts
        return MessageWording(lookup: optional, number: Formats(language: language).number, catalogue: { texts[$0] })
    }
}
