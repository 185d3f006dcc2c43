import Foundation
import GRDB

/// Objections to processing that rests on legitimate interests or consent: they take effect at once by
/// switching the purpose's preferences off (with receipts) and are recorded as completed requests.
public struct ObjectionService: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the service to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// The purposes a subscriber can object to, in catalogue order.
    public func objectablePurposes() -> [Purpose] {
        context.catalogue.purposes.filter { $0.objectable == true }
    }

    /// The switchable preferences that serve a purpose, in catalogue order.
    public func preferences(for purposeId: String) -> [PreferenceDefinition] {
        context.catalogue.preferences.filter { $0.purpose == purposeId && !$0.isLocked }
    }

    /// Objects to a purpose: its preferences are switched off at once and a completed objection request records it.
    /// Support fulfilling a subscriber's request passes `actor: .support`.
    public func object(
        accountId: Int64, purposeId: String, note: String? = nil, actor: RequestActor = .system
    ) throws -> ObjectionReceipt {
        guard let purpose = context.catalogue.purpose(purposeId) else {
            throw RestrictionError.unknownPurpose(purposeId)
        }
        guard purpose.objectable == true else { throw RestrictionError.notObjectable(purpose: purposeId) }
        let flow = SelfServiceRequest(service: RequestService(context: context))
        let request = try flow.begin(
            accountId: accountId, type: .objection, scope: .purpose(purpose.id), note: note, actor: actor)
        let preferenceService = PreferenceService(context: context)
        var receipts: [ConsentReceipt] = []
        var alreadyOff: [String] = []
        for definition in preferences(for: purpose.id) {
            if let receipt = try preferenceService.set(
                definition.id, to: false, accountId: accountId,
                actor: actor == .support ? RequestActor.support.rawValue : RequestActor.subscriber.rawValue)
            {
                receipts.append(receipt)
            } else {
                alreadyOff.append(definition.id)
            }
        }
        let switched = receipts.map { "preference.\($0.preferenceId).name" }
        let resolution =
            StoredText.message("stored.objection.upheld", ["purpose": .catalogue(["purpose.\(purpose.id).name"])])
            + (switched.isEmpty
                ? .message("stored.objection.alreadyOff")
                : .message("stored.objection.switchedOff", ["preferences": .catalogue(switched)]))
        let completed = try flow.finish(request, resolution: resolution, actor: actor)
        return ObjectionReceipt(
            reference: completed.reference, accountId: accountId, purposeId: purpose.id,
            completedAt: completed.closedAt ?? context.now, receipts: receipts, alreadyOff: alreadyOff)
    }

    /// Whether every switchable preference of the purpose is off for the account (the objection stands).
    public func isObjecting(accountId: Int64, purposeId: String) throws -> Bool {
        let service = PreferenceService(context: context)
        let wanted = Set(preferences(for: purposeId).map(\.id))
        return try service.preferences(accountId: accountId).filter { wanted.contains($0.id) }.allSatisfy { !$0.value }
    }
}
