import Foundation
import PrivacyModel

/// Carrying a request out right after the identity check: erasure, objection and restriction at once,
/// access and portability as an export that runs in steps with a gauge.
extension RequestWizard {
    /// Erases, objects or restricts through the model's dispatcher, which files the request and completes it.
    ///
    /// The work runs on its own thread so a long history (an erasure of a million viewing events) never
    /// freezes the screen; the first step waits a moment, which is enough for most accounts.
    @MainActor
    mutating func carryOut(_ effect: RequestEffect, kind: RightKind, scope: RequestScope, session: Session) -> Result {
        let context = session.context
        let accountId = session.account.id
        let details = details(kind: kind, scope: scope)
        job = ExportJob { _, _ in
            try RequestFulfilment(context: context).fileAndCarryOut(
                accountId: accountId, type: kind, scope: scope, details: details,
                options: FulfilmentOptions(actor: .system))
        }
        jobEffect = effect
        message = nil
        return stepExport(session: session)
    }

    /// Starts the export for the filed request `reference` through the model's dispatcher and runs its first step.
    @MainActor
    mutating func startExport(reference: String, effect: RequestEffect, session: Session) -> Result {
        guard let choices = exportChoices, case .success(let checked) = choices.checked(session: session) else {
            step = .details
            return .leftOpen(reference: reference)
        }
        let context = session.context
        let portability = effect == .portability
        job = ExportJob { progress, isCancelled in
            try withoutActuallyEscaping(progress) { progress in
                try withoutActuallyEscaping(isCancelled) { isCancelled in
                    try RequestFulfilment(context: context).carryOut(
                        reference: reference,
                        options: FulfilmentOptions(
                            actor: .system, folder: checked.folder, categories: portability ? checked.categories : nil,
                            since: portability ? checked.since : nil, progress: progress, isCancelled: isCancelled))
                }
            }
        }
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
                let request = try session.requests.require(reference: carried.request.reference)
                filed = request
                outcome = carried.work
                step = .receipt
                message = nil
                return .fulfilled(request)
            } catch {
                message = Self.flash(for: error, session: session)
                return .leftOpen(reference: carried.request.reference)
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
