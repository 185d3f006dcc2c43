/// A column of a record set that a correction request may change, with the shape its new value must have.
public struct CorrectableColumn: Sendable, Equatable {
    /// The shapes a corrected value can take, so a correction cannot store what the table would refuse.
    public enum Shape: Sendable, Equatable {
        /// One line of text, at most `RecordCorrectionService.maximumTextLength` characters.
        case text
        /// A whole number of seconds, zero or more.
        case seconds
        /// A two-letter country code (stored upper case).
        case countryCode
        /// A year and month, YYYY-MM.
        case yearMonth
    }

    /// The column's name, as `RecordSetTable.columns` lists it.
    public let name: String
    /// What a new value must look like.
    public let shape: Shape

    /// Describes a correctable column.
    public init(_ name: String, _ shape: Shape = .text) {
        self.name = name
        self.shape = shape
    }
}
