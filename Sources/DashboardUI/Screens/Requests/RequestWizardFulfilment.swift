import Foundation
import PrivacyModel

/// Carrying a request out right after the identity check: erasure, objection and restriction at once,
/// access and portability as an export, each as stepped work (an export with a gauge).
extension RequestWizard {
    /// Erases, objects or restricts through the model's dispatcher, which files the request and completes it.
    ///
    /// The work runs on its own thread so a long history (an erasure of a million viewing events) never
    /// freezes the screen; the first step waits a moment, which is enough for most accounts.
    @MainActor
    mutating func carryOut(
        _ effect: RequestEffect, kind: RightKind, scope: RequestScope, details: RequestDetails, session: Session
    ) -> Result {
        let context = session.context
        let accountId = session.account.id
        return start(
            SteppedWork { _, _ in
                try RequestFulfilment(context: context).fileAndCarryOut(
                    accountId: accountId, type: kind, scope: scope, details: details,
                    options: FulfilmentOptions(actor: .system))
            }, effect: effect, session: session)
    }

    /// Carries out the open request `reference` (an export) through the model's dispatcher, in steps.
    @MainActor
    mutating func carryOutOpen(reference: String, effect: RequestEffect, session: Session) -> Result {
        guard let choices = form?.exportChoices, case .success(let checked) = choices.checked(session: session) else {
            stage = .details
            return .leftOpen(reference: reference)
        }
        let context = session.context
        let portability = effect == .portability
        let language = session.language.rawValue
        return start(
            SteppedWork { progress, isCancelled in
                try withoutActuallyEscaping(progress) { progress in
                    try withoutActuallyEscaping(isCancelled) { isCancelled in
                        try RequestFulfilment(context: context).carryOut(
                            reference: reference,
                            options: FulfilmentOptions(
                                actor: .system, folder: checked.folder,
                                categories: portability ? checked.categories : nil,
                                since: portability ? checked.since : nil,
                                before: portability ? checked.before : nil, reportLanguage: language,
                                progress: progress, isCancelled: isCancelled))
                    }
                }
            }, effect: effect, session: session)
    }

    /// Shows the work under way and runs its first step.
    @MainActor
    private mutating func start(_ work: SteppedWork, effect: RequestEffect, session: Session) -> Result {
        stage = .working(work, effect: effect)
        message = nil
        return stepWork(session: session)
    }

    /// Runs the work one step further; at the end shows the receipt, or the failure (an export's at the
    /// details step, where a retry completes the same request).
    @MainActor
    mutating func stepWork(session: Session) -> Result {
        guard case .working(let work, let effect) = stage else { return .stay }
        switch work.step() {
        case .running:
            return .stay
        case .finished(.success(let carried)):
            stage = .emptyIdentity
            form?.resumableReference = nil
            do {
                let request = try session.requests.require(reference: carried.request.reference)
                stage = .receipt(request, outcome: carried.work)
                message = nil
                return .fulfilled(request)
            } catch {
                message = Self.flash(for: error, session: session)
                return .leftOpen(reference: carried.request.reference)
            }
        case .finished(.failure(let error)):
            guard effect.exports else {
                // The erasure, objection or restriction was refused: say why at the identity step.
                stage = .emptyIdentity
                message = Self.flash(for: error, session: session)
                return .stay
            }
            let reference = form?.resumableReference ?? ""
            stage = .details
            let focus: RequestDetailsForm.Field = form?.exportChoices?.asksFolder == true ? .folder : .note
            form?.focus = focus
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
