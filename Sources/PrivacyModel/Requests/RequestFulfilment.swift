import Foundation

/// The one place that decides what completing a request does: an access request gets the access report
/// and the zip export, a portability request its export (both through `ExportFulfilment`); a deletion
/// erases a category or closes the account; an objection switches the purpose off; a restriction is
/// recorded; a correction of a stored record changes the record. Other requests are completed with the
/// note. `requests complete` carries a request out through here.
public struct RequestFulfilment: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the fulfilment to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Completes the request as `actor` (support by default), carrying it out first where the model can.
    ///
    /// Access and portability outputs go into `outputFolder` (nil: `ExportLocation.defaultFolder()`);
    /// `progress` and `isCancelled` follow the export as in `PortabilityExporter`. The request must be in
    /// progress; on any failure it stays in progress and no output is left behind.
    public func complete(
        reference: String, actor: RequestActor = .support, note: String = "", outputFolder: String? = nil,
        progress: (ExportProgress) -> Void = { _ in }, isCancelled: () -> Bool = { false }
    ) throws -> FulfilmentOutcome {
        let service = RequestService(context: context)
        let request = try service.require(reference: reference)
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard request.status == .inProgress, actor != .subscriber else {
            // The request service explains which step is missing or who may take it.
            return FulfilmentOutcome(
                request: try service.complete(reference: reference, actor: actor, note: note), summary: "")
        }
        let extra = note.isEmpty ? nil : note
        switch (request.type, request.scope.kind) {
        case (.access, _), (.portability, _):
            return try ExportFulfilment(context: context).fulfil(
                reference: request.reference, into: outputFolder, actor: actor, note: note, progress: progress,
                isCancelled: isCancelled)
        case (.correction, .field) where request.details.isRecordCorrection:
            let completed = try RecordCorrectionService(context: context).apply(request, actor: actor, note: note)
            let details = request.details
            return FulfilmentOutcome(
                request: completed,
                summary: "The \(details.recordSet ?? "") record \(details.recordKey ?? 0) now holds the requested"
                    + " \(details.field ?? "value").")
        case (.deletion, .category):
            let receipt = try ErasureService(context: context).erase(
                accountId: request.accountId, categoryId: request.scope.value, actor: actor, note: extra)
            return FulfilmentOutcome(
                request: try service.require(reference: receipt.reference),
                summary: "Erased \(receipt.deletedCount) records; kept \(receipt.keptCount).")
        case (.deletion, .account):
            let receipt = try AccountDeletionService(context: context).closeAccount(
                reference: request.reference, actor: actor, note: extra)
            return FulfilmentOutcome(
                request: try service.require(reference: receipt.reference),
                summary: "The account is closed; its data is purged on \(receipt.purgeDueAt.dayUTC).")
        case (.objection, .purpose):
            let receipt = try ObjectionService(context: context).object(
                accountId: request.accountId, purposeId: request.scope.value, note: extra, actor: actor)
            return FulfilmentOutcome(
                request: try service.require(reference: receipt.reference),
                summary: "Switched off \(receipt.receipts.count) preference(s).")
        case (.restriction, .category):
            let restriction = try RestrictionService(context: context).restrict(
                accountId: request.accountId, categoryId: request.scope.value, reason: request.details.note ?? "",
                actor: actor)
            return FulfilmentOutcome(
                request: try service.require(reference: restriction.requestReference ?? request.reference),
                summary: "The \(request.scope.value) category is restricted.")
        default:
            return FulfilmentOutcome(
                request: try service.complete(reference: reference, actor: actor, note: note), summary: "")
        }
    }
}
