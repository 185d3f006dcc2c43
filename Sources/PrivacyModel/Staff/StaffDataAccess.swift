public import Foundation
import GRDB

/// The subscriber data a member of staff may read, each read checked by `StaffAccessGuard` and recorded in the
/// audit log: the console and the CLI read through this, never through the services directly.
///
/// Request details, summaries and records are read in the same transaction as their audit entry. Exports and
/// reports are streamed over many transactions, so their entry is written (after the check) before the first
/// byte: a refused reason writes nothing, and an export that then fails still shows that it was asked for.
public struct StaffDataAccess: Sendable {
    /// The shared context.
    public let context: PrivacyContext
    /// Who reads, and why.
    public let access: StaffAccess

    /// Binds the reads to a signed-in member of staff and the reason they gave.
    public init(context: PrivacyContext, access: StaffAccess) {
        self.context = context
        self.access = access
    }

    /// A request with its details (the subscriber's own words), or `RequestError.notFound`.
    public func request(reference: String) throws -> RightsRequest {
        let now = context.now
        return try context.store.write { db in
            guard let canonical = ReferenceNumber.normalise(reference),
                let request = try RightsRequest.fetchOne(
                    db, sql: "SELECT * FROM rights_request WHERE reference = ?", arguments: [canonical])
            else { throw RequestError.notFound(reference) }
            try StaffAccessGuard.recordRead(
                access, .requestDetails(reference: request.reference), accountId: request.accountId, at: now, db)
            return request
        }
    }

    /// The summary of every category of the subscriber's data, as `CollectedDataService.summaries` gives it.
    public func summaries(accountId: Int64) throws -> [CategorySummary] {
        let now = context.now
        let data = CollectedDataService(context: context)
        return try context.store.write { db in
            try StaffAccessGuard.recordRead(access, .dataSummary, accountId: accountId, at: now, db)
            return try data.summaries(accountId: accountId, db)
        }
    }

    /// One page of the subscriber's records in a set, as `CollectedDataService.page` gives it; every page read
    /// is one audit entry.
    public func page(
        recordSet id: String, accountId: Int64, position: PagePosition = .newest, limit: Int = 50,
        filter: String? = nil
    ) throws -> RecordPage {
        let now = context.now
        let data = CollectedDataService(context: context)
        return try context.store.write { db in
            try StaffAccessGuard.recordRead(access, .records(recordSet: id), accountId: accountId, at: now, db)
            return try data.page(
                recordSet: id, accountId: accountId, position: position, limit: limit, filter: filter, db)
        }
    }

    /// Writes the subscriber's export, as `PortabilityExporter.export` does.
    @discardableResult
    public func export(
        accountId: Int64, to path: String, options: ExportOptions,
        progress: (ExportProgress) -> Void = { _ in }, isCancelled: () -> Bool = { false }
    ) throws -> ExportResult {
        try record(.export(format: options.format.rawValue), accountId: accountId)
        return try PortabilityExporter(context: context).export(
            accountId: accountId, to: path, options: options, progress: progress, isCancelled: isCancelled)
    }

    /// Writes the subscriber's access report, as `AccessReportWriter.write` does.
    @discardableResult
    public func writeAccessReport(
        accountId: Int64, to path: String, categories: [String]? = nil, language: String = "en",
        isCancelled: () -> Bool = { false }
    ) throws -> ExportResult {
        try record(.accessReport, accountId: accountId)
        return try AccessReportWriter(context: context).write(
            accountId: accountId, to: path, categories: categories, language: language, isCancelled: isCancelled)
    }

    /// Checks and records a read that is streamed after its own transaction.
    private func record(_ read: StaffRead, accountId: Int64) throws {
        let now = context.now
        try context.store.write { db in
            guard try Account.fetchOne(db, key: accountId) != nil else {
                throw AccountError.notFound("account \(accountId)")
            }
            try StaffAccessGuard.recordRead(access, read, accountId: accountId, at: now, db)
        }
    }
}
