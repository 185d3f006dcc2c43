/// The shapes a portability export can take, matching the catalogue's `exportFormats` ids.
public enum PortabilityFormat: String, CaseIterable, Sendable, Codable {
    /// One zip archive: `export.json`, one CSV per category and `manifest.json`.
    case zip
    /// One JSON document.
    case json
    /// A folder with one CSV per category and `manifest.json`.
    case csv

    /// The name ending a file of this format gets (empty for the CSV folder).
    public var fileExtension: String {
        switch self {
        case .zip: return ".zip"
        case .json: return ".json"
        case .csv: return ""
        }
    }
}
