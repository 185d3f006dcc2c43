import Foundation

/// Streams the export's single JSON document: a header, each category's record sets and records, then who has
/// seen the data.
struct ExportDocumentWriter {
    /// The file the document goes to.
    let file: HashingFileWriter
    private var firstCategory = true
    private var firstSet = true
    private var firstRecord = true

    init(file: HashingFileWriter) { self.file = file }

    /// Writes everything before the first category.
    mutating func begin(account: Account, plan: ExportPlan, catalogue: PolicyCatalogue, generatedAt: Date) {
        var out: [UInt8] = []
        func field(_ name: String, _ value: String?, comma: Bool = true) {
            out += Array("\n  ".utf8) + JSONText.quoted(name) + Array(": ".utf8)
            JSONText.appendOptional(value, to: &out)
            if comma { out.append(UInt8(ascii: ",")) }
        }
        out += Array("{\n  \"schemaVersion\": \(ExportSchema.version),".utf8)
        field("kind", "privacy-dashboard-export")
        field("generatedAt", generatedAt.iso8601UTC)
        field("service", catalogue.service)
        field("policyVersion", catalogue.version)
        out += Array("\n  \"subscriber\": {\"accountId\": \(account.id), \"email\": ".utf8)
        JSONText.appendString(account.email, to: &out)
        out += Array(", \"username\": ".utf8)
        JSONText.appendString(account.username, to: &out)
        out += Array("},\n  \"range\": {\"categories\": [".utf8)
        for (index, category) in plan.categories.enumerated() {
            if index > 0 { out += Array(", ".utf8) }
            JSONText.appendString(category.category.id, to: &out)
        }
        out += Array("], \"since\": ".utf8)
        JSONText.appendOptional(plan.since.map(ExportTime.iso8601), to: &out)
        out += Array(", \"before\": ".utf8)
        JSONText.appendOptional(plan.before.map(ExportTime.iso8601), to: &out)
        out += Array("},\n  \"categories\": [".utf8)
        file.append(out)
        firstCategory = true
    }

    /// Opens a category object.
    mutating func beginCategory(_ category: ExportedCategory) {
        var out: [UInt8] = Array((firstCategory ? "\n    " : ",\n    ").utf8)
        firstCategory = false
        out += Array("{\"id\": ".utf8) + JSONText.quoted(category.category.id)
        out += Array(", \"name\": ".utf8) + JSONText.quoted(category.category.name)
        out += Array(", \"recordSets\": [".utf8)
        file.append(out)
        firstSet = true
    }

    /// Opens a record set object and its records array.
    mutating func beginSet(_ set: ExportedSet) {
        var out: [UInt8] = Array((firstSet ? "\n      " : ",\n      ").utf8)
        firstSet = false
        out += Array("{\"id\": ".utf8) + JSONText.quoted(set.definition.id)
        out += Array(", \"name\": ".utf8) + JSONText.quoted(set.definition.name)
        out += Array(", \"timeColumn\": ".utf8) + JSONText.quoted(set.table.timeColumn)
        out += Array(", \"columns\": [".utf8)
        for (index, column) in set.columns.enumerated() {
            if index > 0 { out += Array(", ".utf8) }
            JSONText.appendString(column, to: &out)
        }
        out += Array("],\n       \"records\": [".utf8)
        file.append(out)
        firstRecord = true
    }

    /// Writes the separator before the next record; the caller then appends the record itself.
    @inline(__always)
    mutating func beginRecord() {
        if firstRecord {
            file.buffer.append(contentsOf: Self.firstRecordPrefix)
            firstRecord = false
        } else {
            file.buffer.append(contentsOf: Self.recordPrefix)
        }
    }

    private static let firstRecordPrefix = Array("\n".utf8)
    private static let recordPrefix = Array(",\n".utf8)

    /// Closes the records array with the count written.
    mutating func endSet(count: Int) {
        file.append((firstRecord ? "" : "\n       ") + "], \"recordCount\": \(count)}")
    }

    /// Closes a category object.
    mutating func endCategory() { file.append("\n    ]}") }

    /// Closes the categories, writes who has seen the data (oldest first) and closes the document.
    mutating func end(accesses: [DataAccessEntry]) {
        var out = Array("\n  ],\n  ".utf8)
        DataAccessExport.appendJSON(accesses, to: &out)
        file.append(out + Array("\n}\n".utf8))
    }
}
