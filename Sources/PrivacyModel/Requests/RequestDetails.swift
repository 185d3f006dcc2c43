public import Foundation

/// The subscriber's own words about a request, kept as a small JSON document in the request row.
public struct RequestDetails: Codable, Sendable, Equatable {
    /// For a correction: the field to correct (filled in from the scope when left out).
    public var field: String?
    /// For a correction: the value the service holds now, as the subscriber sees it.
    public var currentValue: String?
    /// For a correction: the value it should be.
    public var requestedValue: String?
    /// Free text for any request.
    public var note: String?
    /// For a correction of a stored record: the record set it belongs to ("viewing-events").
    public var recordSet: String?
    /// For a correction of a stored record: the record's key in its set.
    public var recordKey: Int64?

    /// The longest text accepted in any one detail.
    public static let maximumLength = 2000

    /// Describes a request; every part is optional.
    public init(
        field: String? = nil, currentValue: String? = nil, requestedValue: String? = nil, note: String? = nil,
        recordSet: String? = nil, recordKey: Int64? = nil
    ) {
        self.field = field
        self.currentValue = currentValue
        self.requestedValue = requestedValue
        self.note = note
        self.recordSet = recordSet
        self.recordKey = recordKey
    }

    /// Whether the details name one stored record (a correction of a viewing event, a device...).
    public var isRecordCorrection: Bool { recordSet != nil }

    /// No details at all.
    public static let empty = RequestDetails()

    /// The JSON text stored in the `details` column (sorted keys, absent parts left out).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    /// Reads the JSON text of the `details` column.
    public init(jsonText: String) throws {
        self = try JSONDecoder().decode(RequestDetails.self, from: Data(jsonText.utf8))
    }

    /// Trims every part and turns blank parts into nil, so "  " is not taken as an answer.
    ///
    /// A stored record's current value is kept exactly as read, since completion compares it with the store.
    /// Throws the first text that `TextRules` refuses (too long, or a control character; the note may hold line
    /// breaks), so a form can say what is wrong before the identity step; filing checks the same. The current
    /// value of a stored record is copied from the store as it is, so only its length is checked.
    public func checkTexts() throws(RequestError) {
        if (currentValue?.count ?? 0) > Self.maximumLength {
            throw .textTooLong("current value", limit: Self.maximumLength)
        }
        let typed: [(String, String?)] = [
            ("field", field), ("requested value", requestedValue), ("note", note), ("record set", recordSet),
        ]
        for case (let name, let value?) in typed {
            _ = try RequestValidation.text(value, name: name, allowsLineBreaks: name == "note")
        }
    }

    func normalised() -> RequestDetails {
        func clean(_ text: String?) -> String? {
            guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else {
                return nil
            }
            return trimmed
        }
        return RequestDetails(
            field: clean(field), currentValue: recordSet == nil ? clean(currentValue) : currentValue,
            requestedValue: clean(requestedValue), note: clean(note), recordSet: clean(recordSet),
            recordKey: recordKey)
    }
}
