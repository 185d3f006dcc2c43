import Foundation
import PrivacyModel

/// Carrying a request out right after the identity check: erasure, objection and restriction at once,
/// access and portability as an export that runs in steps with a gauge.
extension RequestWizard {
    /// Erases, objects or restricts through the model's services, which file the request and complete it.
    ///
    /// The work runs on its own thread so a long history (an erasure of a million viewing events) never
    /// freezes the screen; the first step waits a moment, which is enough for most accounts.
    @MainActor
    mutating func carryOut(_ effect: RequestEffect, scope: RequestScope, session: Session) -> Result {
        let context = session.context
        let accountId = session.account.id
        let noteText = note.text.trimmingCharacters(in: .whitespacesAndNewlines)
        let extra = noteText.isEmpty ? nil : noteText
        let work: ExportJob.Work
        switch effect {
        case .erase:
            work = { _, _ in
                let receipt = try ErasureService(context: context).erase(
                    accountId: accountId, categoryId: scope.value, note: extra)
                return CarriedOut(outcome: .erased(receipt), reference: receipt.reference)
            }
        case .object:
            work = { _, _ in
                let receipt = try ObjectionService(context: context).object(
                    accountId: accountId, purposeId: scope.value, note: extra)
                return CarriedOut(outcome: .objected(receipt), reference: receipt.reference)
            }
        case .restrict:
            work = { _, _ in
                let restriction = try RestrictionService(context: context).restrict(
                    accountId: accountId, categoryId: scope.value, reason: noteText)
                return CarriedOut(outcome: .restricted(restriction), reference: restriction.requestReference ?? "")
            }
        case .record, .access, .portability:
            return .stay
        }
        job = ExportJob(work: work)
        jobEffect = effect
        message = nil
        return stepExport(session: session)
    }

    /// Starts the export for the filed request `reference` and runs its first step.
    @MainActor
    mutating func startExport(reference: String, effect: RequestEffect, session: Session) -> Result {
        guard let choices = exportChoices, case .success(let checked) = choices.checked(session: session) else {
            step = .details
            return .leftOpen(reference: reference)
        }
        let context = session.context
        let work: ExportJob.Work
        if effect == .portability {
            work = { progress, isCancelled in
                let fulfilment = try PortabilityFulfilment(context: context).fulfil(
                    reference: reference, into: checked.folder, categories: checked.categories, since: checked.since,
                    progress: progress, isCancelled: isCancelled)
                return CarriedOut(outcome: .exported(fulfilment.outputs), reference: fulfilment.request.reference)
            }
        } else {
            work = { progress, isCancelled in
                let fulfilment = try ExportFulfilment(context: context).fulfil(
                    reference: reference, into: checked.folder, progress: progress, isCancelled: isCancelled)
                return CarriedOut(outcome: .exported(fulfilment.outputs), reference: fulfilment.request.reference)
            }
        }
        job = ExportJob(work: work)
        jobEffect = effect
        message = nil
        return stepExport(session: session)
    }

    /// Runs the export one batch further; at the end shows the receipt, or the failure at the details step.
    @MainActor
    mutating func stepExport(session: Session) -> Result {
        guard let job else { return .stay }
        switch job.step() {
        case .running:
            return .stay
        case .finished(.success(let carried)):
            self.job = nil
            openExport = nil
            do {
                let request = try session.requests.require(reference: carried.reference)
                filed = request
                outcome = carried.outcome
                step = .receipt
                message = nil
                return .fulfilled(request)
            } catch {
                message = Self.flash(for: error, session: session)
                return .leftOpen(reference: carried.reference)
            }
        case .finished(.failure(let error)):
            self.job = nil
            guard jobEffect.exports else {
                // The erasure, objection or restriction was refused: say why at the identity step.
                message = Self.flash(for: error, session: session)
                return .stay
            }
            let reference = openExport ?? ""
            step = .details
            focus = exportChoices == nil ? .note : .folder
            let reason: String
            if case ExportError.cancelled = error {
                reason = session.strings["requests.export.cancelled"]
            } else {
                reason = Self.flash(for: error, session: session).text
            }
            message = Flash(
                text: session.strings("requests.export.failed", ["reason": reason, "reference": reference]),
                kind: .danger)
            return .leftOpen(reference: reference)
        }
    }
}
