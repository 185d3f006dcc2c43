public import Foundation

/// One file an export wrote, as listed in its manifest: path, rows, size and SHA-256.
public struct ExportedFile: Sendable, Codable, Equatable {
    /// The path inside the archive or folder ("export.json", "viewing.csv").
    public let path: String
    /// The catalogue category the file holds, or nil for the whole-export JSON document.
    public let category: String?
    /// Data rows in the file (records; a CSV's header row is not counted).
    public let rows: Int
    /// The file's size in bytes.
    public let bytes: Int64
    /// Lowercase hex SHA-256 of the file's bytes.
    public let sha256: String
}

/// The manifest of a zip or CSV export, written as `manifest.json`, so a receiver can check every file.
public struct ExportManifest: Sendable, Codable, Equatable {
    /// The export format's schema version (see docs/export-format.md).
    public let schemaVersion: Int
    /// When the export was made, ISO 8601 UTC.
    public let generatedAt: String
    /// "zip" or "csv".
    public let format: String
    /// The service the data comes from.
    public let service: String
    /// The policy catalogue version in force.
    public let policyVersion: String
    /// The subscriber's login email.
    public let email: String
    /// The character put before a CSV text cell that a spreadsheet would run as a formula (OWASP's advice);
    /// strip it from a cell that starts with it followed by `=`, `+`, `-`, `@`, TAB or CR to get the stored text.
    public let csvFormulaPrefix: String
    /// Every other file of the export (the manifest does not list itself).
    public let files: [ExportedFile]
}

/// What a finished export or report produced, so a screen can say where it went and what it holds.
public struct ExportResult: Sendable, Equatable {
    /// The output's path (a file, or the CSV folder).
    public let path: String
    /// The format written ("zip", "json", "csv" or "report").
    public let format: String
    /// Records written in all.
    public let rows: Int
    /// The files written (for json and report: the one file).
    public let files: [ExportedFile]
    /// When the export was made.
    public let generatedAt: Date
    /// On a shared box: the one-time command that fetches the file (nil when the file stays where it was written).
    public var download: DownloadTicket? = nil
}

/// The version of the export's JSON documents; bumped when a field changes meaning or goes away.
public enum ExportSchema {
    /// The current schema version.
    public static let version = 1
}
