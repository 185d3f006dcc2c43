import Foundation

/// What completing a request did: the completed request and a one-line summary of the work carried out.
public struct FulfilmentOutcome: Sendable, Equatable {
    /// The request after completion.
    public let request: RightsRequest
    /// What was carried out ("Erased 120 records; kept 2."), empty when the request was only marked complete.
    public let summary: String
}

/// Completing a request means doing what it asks when the model can: erasing a category, closing an
/// account, upholding an objection or recording a restriction; other requests are completed with the note.
/// Support screens and `requests complete` both go through here, so the two cannot drift apart.
public struct RequestFulfilment: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the fulfilment to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Completes the request as `actor` (support by default), carrying it out first where the model can.
    public func complete(reference: String, actor: RequestActor = .support, note: String = "") throws
        -> FulfilmentOutcome
    {
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
