/// "Who has seen my data" in the export: the `dataAccess` array of `export.json` and `data-access.csv`, as codes
/// (docs/export-format.md lists them), oldest first.
enum DataAccessExport {
    /// The CSV file's name in a zip or CSV export.
    static let csvFileName = "data-access.csv"
    /// The keys of each JSON object and the CSV's header, in order.
    static let columns = ["at", "actor", "staffRole", "staffId", "reason", "action", "subject"]

    /// One entry's values in `columns` order; nil where there is none.
    static func values(_ entry: DataAccessEntry) -> [String?] {
        let role: String?
        let staffId: String?
        switch entry.actor {
        case .system: (role, staffId) = (nil, nil)
        case .staff(let staffRole, let pseudonym): (role, staffId) = (staffRole?.rawValue, pseudonym)
        }
        return [
            entry.at.iso8601UTC, entry.actor == .system ? "system" : StaffAccess.auditActor, role, staffId,
            entry.reason?.storedForm, entry.action, entry.subject,
        ]
    }

    /// The `dataAccess` array's text, one object a line.
    static func appendJSON(_ entries: [DataAccessEntry], to out: inout [UInt8]) {
        out += Array("\"dataAccess\": [".utf8)
        for (index, entry) in entries.enumerated() {
            out += Array((index == 0 ? "\n    {" : ",\n    {").utf8)
            for (column, (name, value)) in zip(columns, values(entry)).enumerated() {
                if column > 0 { out += Array(", ".utf8) }
                out += JSONText.quoted(name) + Array(": ".utf8)
                JSONText.appendOptional(value, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out += Array((entries.isEmpty ? "]" : "\n  ]").utf8)
    }

    /// Writes `data-access.csv` into `folder` and returns its manifest entry.
    static func writeCSV(
        _ entries: [DataAccessEntry], in folder: String, failAfterBytes: Int64?
    ) throws(ExportError) -> ExportedFile {
        let file = try HashingFileWriter(creating: folder + "/" + csvFileName, failAfterBytes: failAfterBytes)
        CSVField.appendRow(columns, to: &file.buffer)
        for entry in entries {
            CSVField.appendRow(values(entry).map { $0 ?? "" }, to: &file.buffer)
        }
        let written = try file.finish()
        return ExportedFile(
            path: csvFileName, category: nil, rows: entries.count, bytes: written.bytes, sha256: written.sha256)
    }
}
