import Foundation
import GRDB
import GRDBSQLite

/// Writes a subscriber's data in a machine-readable form (zip, JSON or CSV) for the portability right.
///
/// Rows are read in keyset-paged batches, each in its own read transaction, and written through
/// buffered files that are hashed as they are written, so memory stays flat whatever the history's
/// size. Everything is written into a private folder beside the output and moved into place only
/// when complete: an existing output is never touched, and a failure or cancellation leaves nothing.
public struct PortabilityExporter: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// The JSON document's name inside a zip export.
    public static let documentName = "export.json"
    /// The manifest's name inside a zip or CSV export.
    public static let manifestName = "manifest.json"

    /// Binds the exporter to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Writes the export of `accountId` to `path` (which must not exist yet) and returns what was written.
    ///
    /// `progress` is called after every batch of rows and while the archive is packed; `isCancelled` is
    /// asked as often, and when it returns true the export stops with `ExportError.cancelled`.
    @discardableResult
    public func export(
        accountId: Int64, to path: String, options: ExportOptions,
        progress: (ExportProgress) -> Void = { _ in }, isCancelled: () -> Bool = { false }
    ) throws -> ExportResult {
        guard let account = try AccountService(context: context).account(id: accountId) else {
            throw AccountError.notFound("account \(accountId)")
        }
        let plan = try ExportPlan.make(
            accountId: accountId, categories: options.categories, since: options.since, before: options.before,
            context: context)
        if isCancelled() { throw ExportError.cancelled }
        let staging = try StagingArea.prepare(output: path)
        defer { staging.discard() }
        let generatedAt = Date(epochSeconds: context.now.epochSeconds)
        let (files, rows) = try withoutActuallyEscaping(progress) { progress in
            try withoutActuallyEscaping(isCancelled) { isCancelled in
                var run = ExportRun(
                    exporter: self, account: account, plan: plan, options: options, staging: staging,
                    generatedAt: generatedAt, progress: progress, isCancelled: isCancelled)
                return (try run.write(), run.rowsDone)
            }
        }
        progress(ExportProgress(rowsDone: rows, rowsTotal: plan.totalRows, category: "", phase: .finished))
        return ExportResult(
            path: staging.output, format: options.format.rawValue, rows: rows, files: files,
            generatedAt: generatedAt)
    }

    /// Streams every record of `set` for the account in range, oldest first, calling `body` for each row.
    ///
    /// Rows are fetched `batchSize` at a time by keyset (time, key); `afterBatch` runs between batches
    /// with the number of rows in the batch.
    func forEachRow(
        of set: ExportedSet, accountId: Int64, plan: ExportPlan, batchSize: Int,
        body: (SQLiteStatement) throws -> Void, afterBatch: (Int) throws -> Void
    ) throws {
        let table = set.table
        let (condition, baseArguments) = ExportPlan.condition(
            table, accountId: accountId, since: plan.since, before: plan.before)
        let time = table.timeColumn.quotedDatabaseIdentifier
        let key = table.rowKey.quotedDatabaseIdentifier
        let columns = set.columns.map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let from = "SELECT \(columns) FROM \(table.table.quotedDatabaseIdentifier) WHERE \(condition)"
        let order = "ORDER BY \(time), \(key) LIMIT \(max(1, batchSize))"
        let firstSQL = "\(from) \(order)"
        // A row-value comparison lets SQLite seek straight into the index; the OR form rescans.
        let nextSQL = "\(from) AND (\(time), \(key)) > (?, ?) \(order)"
        var after: (time: Int64, key: Int64)?
        while true {
            let (count, last) = try context.store.read { db -> (Int, (time: Int64, key: Int64)?) in
                var arguments = baseArguments
                if let after { arguments += [after.time, after.key] }
                let statement = try db.cachedStatement(sql: after == nil ? firstSQL : nextSQL)
                let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
                // Values are read straight from the statement: no per-row generic decoding.
                let raw = statement.sqliteStatement
                var count = 0
                var last: (time: Int64, key: Int64)?
                while try cursor.next() != nil {
                    try body(raw)
                    count += 1
                    last = (Self.integer(raw, set.timeIndex), Self.integer(raw, 0))
                }
                return (count, last)
            }
            try afterBatch(count)
            guard count >= max(1, batchSize), let last else { return }
            after = last
        }
    }
}

extension PortabilityExporter {
    /// The whole number in column `index` of the current row (0 when it holds something else).
    @inline(__always)
    static func integer(_ statement: SQLiteStatement, _ index: Int) -> Int64 {
        let column = Int32(index)
        return sqlite3_column_type(statement, column) == SQLITE_INTEGER ? sqlite3_column_int64(statement, column) : 0
    }
}

/// One export in progress: the files being written and the rows done so far.
private struct ExportRun {
    let exporter: PortabilityExporter
    let account: Account
    let plan: ExportPlan
    let options: ExportOptions
    let staging: StagingArea
    let generatedAt: Date
    let progress: (ExportProgress) -> Void
    let isCancelled: () -> Bool
    var rowsDone = 0

    private var context: PrivacyContext { exporter.context }

    /// Writes the output in its format and publishes it; returns the files the manifest lists.
    mutating func write() throws -> [ExportedFile] {
        switch options.format {
        case .json:
            let document = try newFile(PortabilityExporter.documentName)
            let (json, _) = try writeRecords(document: document, csvFolder: nil)
            try staging.publishFile(PortabilityExporter.documentName)
            return json.map { [$0] } ?? []
        case .csv:
            let (_, csvFiles) = try writeRecords(document: nil, csvFolder: staging.directory)
            try writeManifest(csvFiles, in: staging.directory)
            try staging.publishDirectory()
            return csvFiles
        case .zip:
            let folder = staging.path("files")
            guard mkdir(folder, 0o700) == 0 else {
                throw ExportError.system(errno, path: staging.output, folder: staging.folder)
            }
            let document = try newFile("files/" + PortabilityExporter.documentName)
            let (json, csvFiles) = try writeRecords(document: document, csvFolder: folder)
            let files = (json.map { [$0] } ?? []) + csvFiles
            try writeManifest(files, in: folder)
            let entries = ([PortabilityExporter.manifestName] + files.map(\.path)).map {
                (name: $0, path: folder + "/" + $0)
            }
            let total = rowsDone
            let progress = self.progress
            try ZipPacker.pack(
                entries, into: staging.path("export.zip"), modified: generatedAt, level: options.compressionLevel,
                progress: { packed, toPack in
                    progress(
                        ExportProgress(
                            rowsDone: total, rowsTotal: total, category: "", phase: .packing, bytesPacked: packed,
                            bytesToPack: toPack))
                }, isCancelled: isCancelled)
            try staging.publishFile("export.zip")
            return files
        }
    }

    private func newFile(_ name: String) throws(ExportError) -> HashingFileWriter {
        try HashingFileWriter(
            creating: staging.path(name), failAfterBytes: options.simulatedDiskFullAfterBytes)
    }

    /// Reads every planned record once, writing it to the JSON document and/or its category's CSV file.
    private mutating func writeRecords(document file: HashingFileWriter?, csvFolder: String?) throws -> (
        ExportedFile?, [ExportedFile]
    ) {
        var document = file.map(ExportDocumentWriter.init)
        document?.begin(account: account, plan: plan, catalogue: context.catalogue, generatedAt: generatedAt)
        var csvFiles: [ExportedFile] = []
        let total = plan.totalRows
        progress(ExportProgress(rowsDone: 0, rowsTotal: total, category: plan.categories.first?.category.id ?? ""))
        for category in plan.categories {
            let csv = try csvFolder.map { folder throws(ExportError) in
                try HashingFileWriter(
                    creating: folder + "/" + category.csvFileName, failAfterBytes: options.simulatedDiskFullAfterBytes)
            }
            if let csv { CSVField.appendRow(category.csvColumns, to: &csv.buffer) }
            var csvRows = 0
            document?.beginCategory(category)
            for set in category.sets {
                document?.beginSet(set)
                let encoder = ExportRowEncoder(set: set, csvColumns: category.csvColumns)
                var setRows = 0
                try exporter.forEachRow(
                    of: set, accountId: account.id, plan: plan, batchSize: options.batchSize,
                    body: { row in
                        if let file {
                            document?.beginRecord()
                            encoder.appendJSON(row, to: &file.buffer)
                            try file.flushIfNeeded()
                        }
                        if let csv {
                            encoder.appendCSV(row, to: &csv.buffer)
                            try csv.flushIfNeeded()
                        }
                        setRows += 1
                    },
                    afterBatch: { count in
                        rowsDone += count
                        progress(ExportProgress(rowsDone: rowsDone, rowsTotal: total, category: category.category.id))
                        if isCancelled() { throw ExportError.cancelled }
                    })
                document?.endSet(count: setRows)
                csvRows += setRows
            }
            document?.endCategory()
            if let csv {
                let written = try csv.finish()
                csvFiles.append(
                    ExportedFile(
                        path: category.csvFileName, category: category.category.id, rows: csvRows,
                        bytes: written.bytes, sha256: written.sha256))
            }
        }
        let accesses = Array(try DataAccessHistory(context: context).entries(accountId: account.id).reversed())
        if let csvFolder {
            csvFiles.append(
                try DataAccessExport.writeCSV(
                    accesses, in: csvFolder, failAfterBytes: options.simulatedDiskFullAfterBytes))
        }
        var json: ExportedFile?
        if let file {
            document?.end(accesses: accesses)
            let written = try file.finish()
            json = ExportedFile(
                path: PortabilityExporter.documentName, category: nil, rows: rowsDone, bytes: written.bytes,
                sha256: written.sha256)
        }
        return (json, csvFiles)
    }

    /// Writes `manifest.json` listing `files` into `folder`.
    private func writeManifest(_ files: [ExportedFile], in folder: String) throws {
        let manifest = ExportManifest(
            schemaVersion: ExportSchema.version, generatedAt: generatedAt.iso8601UTC, format: options.format.rawValue,
            service: context.catalogue.service, policyVersion: context.catalogue.version, email: account.email,
            csvFormulaPrefix: CSVField.formulaPrefix, files: files)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(manifest) } catch {
            throw ExportError.writeFailed(PortabilityExporter.manifestName, reason: "the manifest could not be encoded")
        }
        let file = try HashingFileWriter(
            creating: folder + "/" + PortabilityExporter.manifestName,
            failAfterBytes: options.simulatedDiskFullAfterBytes)
        file.append(Array(data) + [0x0A])
        _ = try file.finish()
    }
}
