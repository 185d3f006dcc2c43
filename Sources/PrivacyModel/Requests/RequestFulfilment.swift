public import Foundation

/// How a request is carried out: who acts, the note, where files go, the subscriber's export choices and
/// the hooks an export reports progress and checks for a stop through.
public struct FulfilmentOptions {
    /// Who carries it out: `.support` (the request must be in progress) or `.system` for self-service.
    public var actor: RequestActor
    /// A note of the person completing it (kept as typed, after what was done).
    public var note: String
    /// The folder access reports and exports go into (nil: `ExportLocation.defaultFolder()`).
    public var folder: String?
    /// For a portability export: the categories to include (nil: every one).
    public var categories: [String]?
    /// For a portability export: only records at or after this instant.
    public var since: Date?
    /// The access report's language ("en", "de", "fr"): the one the session was started in; nil for the
    /// subscriber's own.
    public var reportLanguage: String?
    /// For a portability export: only records strictly before this instant (the day after the last day).
    public var before: Date?
    /// Called as an export goes on.
    public var progress: (ExportProgress) -> Void
    /// Asked between an export's batches; true stops it and leaves nothing behind.
    public var isCancelled: () -> Bool

    /// Options for one fulfilment; only the actor has no default.
    public init(
        actor: RequestActor, note: String = "", folder: String? = nil, categories: [String]? = nil,
        since: Date? = nil, before: Date? = nil, reportLanguage: String? = nil,
        progress: @escaping (ExportProgress) -> Void = { _ in },
        isCancelled: @escaping () -> Bool = { false }
    ) {
        self.actor = actor
        self.note = note
        self.folder = folder
        self.categories = categories
        self.since = since
        self.reportLanguage = reportLanguage
        self.before = before
        self.progress = progress
        self.isCancelled = isCancelled
    }
}

/// The one dispatcher that carries a request out, whoever asks: the subscriber's wizard, `requests complete`
/// and the staff console. `RequestEffect` decides what a request does; each effect goes to the service that
/// owns its rule (exports through `ExportFulfilment`/`PortabilityFulfilment`, erasure, account closing,
/// objection, restriction, record correction), and the outcome comes back as data.
public struct RequestFulfilment: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the fulfilment to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Carries out and completes the filed request `reference`.
    ///
    /// Support may only complete a request in progress (the request service says which step is missing);
    /// the program (`.system`) takes an open request through the steps still due. On any failure the
    /// request stays open and no output is left behind.
    /// `staff` names the signed-in member of staff carrying it out (the actor is then support): their role must
    /// allow the completion, an erasure or account deletion needs an approver who neither filed nor started
    /// it (checked before any work), and every audit entry the work leaves names them.
    public func carryOut(
        reference: String, options: FulfilmentOptions, staff: StaffAccess? = nil
    ) throws -> FulfilmentOutcome {
        let service = RequestService(context: context)
        let request = try service.require(reference: reference)
        let actor = staff == nil ? options.actor : .support
        let ready = actor == .system ? request.isOpen : request.status == .inProgress
        guard ready, actor != .subscriber else {
            return FulfilmentOutcome(
                request: try service.complete(reference: reference, actor: actor, note: options.note, staff: staff),
                work: .noted)
        }
        try service.authorise(.complete, reference: request.reference, staff: staff)
        let note = options.note.trimmingCharacters(in: .whitespacesAndNewlines)
        let extra = note.isEmpty ? nil : note
        let effect = RequestEffect.of(request)
        switch effect {
        case .access:
            let outcome = try ExportFulfilment(context: context).fulfil(
                reference: request.reference, into: options.folder, actor: actor, note: note,
                reportLanguage: options.reportLanguage, staff: staff, progress: options.progress,
                isCancelled: options.isCancelled)
            return FulfilmentOutcome(request: outcome.request, work: .exported(outcome.outputs))
        case .portability:
            let outcome = try PortabilityFulfilment(context: context).fulfil(
                reference: request.reference, into: options.folder, categories: options.categories,
                since: options.since, before: options.before, actor: actor, note: note, staff: staff,
                progress: options.progress,
                isCancelled: options.isCancelled)
            return FulfilmentOutcome(request: outcome.request, work: .exported(outcome.outputs))
        case .correctRecord:
            let completed = try RecordCorrectionService(context: context).apply(
                request, actor: actor, note: note, staff: staff)
            return FulfilmentOutcome(request: completed, work: .recordCorrected)
        case .closeAccount:
            let receipt = try AccountDeletionService(context: context).closeAccount(
                reference: request.reference, actor: actor, note: extra, staff: staff)
            return FulfilmentOutcome(
                request: try service.require(reference: receipt.reference), work: .accountClosed(receipt))
        case .erase, .object:
            return try carryOutAtOnce(
                effect, accountId: request.accountId, scope: request.scope, note: extra, actor: actor, staff: staff)
        case .restrict:
            return try carryOutAtOnce(
                effect, accountId: request.accountId, scope: request.scope, note: request.details.note,
                actor: actor, staff: staff)
        case .note:
            // Support corrected data the program cannot name: only the note tells the subscriber what changed.
            if request.type == .correction && request.scope == .field(RequestScope.otherField) && note.isEmpty {
                throw RequestError.resolutionRequired
            }
            return FulfilmentOutcome(
                request: try service.complete(reference: reference, actor: actor, note: note, staff: staff),
                work: .noted)
        }
    }

    /// The subscriber's own request: files it and, when the signed-in session may carry it out itself
    /// (`RequestEffect.isSelfService`), carries it out at once as the program; otherwise it waits for support.
    ///
    /// An erasure, objection or restriction resumes an open request for the same thing instead of failing
    /// as a duplicate, so an interrupted one finishes on the next attempt.
    /// With `staff`, a member of staff files it on the subscriber's behalf (it came by `channel`, one of
    /// `StaffRequestRules.behalfChannels`) and it waits in the queue for its steps, whatever it asks for.
    public func fileAndCarryOut(
        accountId: Int64, type: RightKind, scope: RequestScope, details: RequestDetails = .empty,
        options: FulfilmentOptions, staff: StaffAccess? = nil, channel: String? = nil
    ) throws -> FulfilmentOutcome {
        if let staff {
            let filed = try RequestService(context: context).file(
                accountId: accountId, type: type, scope: scope, details: details, channel: channel, staff: staff)
            return FulfilmentOutcome(request: filed, work: .filed)
        }
        let effect = RequestEffect.of(type, scope, isRecordCorrection: details.isRecordCorrection)
        switch effect {
        case .erase, .object, .restrict:
            return try carryOutAtOnce(effect, accountId: accountId, scope: scope, note: details.note, actor: .system)
        case .access, .portability, .closeAccount, .correctRecord, .note:
            let filed = try RequestService(context: context).file(
                accountId: accountId, type: type, scope: scope, details: details, actor: .subscriber)
            guard effect.isSelfService else { return FulfilmentOutcome(request: filed, work: .filed) }
            var options = options
            options.actor = .system
            options.note = ""
            return try carryOut(reference: filed.reference, options: options)
        }
    }

    /// Erases, objects or restricts through the owning service, which files (or resumes) and completes the request.
    private func carryOutAtOnce(
        _ effect: RequestEffect, accountId: Int64, scope: RequestScope, note: String?, actor: RequestActor,
        staff: StaffAccess? = nil
    ) throws -> FulfilmentOutcome {
        let service = RequestService(context: context)
        switch effect {
        case .erase:
            let receipt = try ErasureService(context: context).erase(
                accountId: accountId, categoryId: scope.value, actor: actor, note: note, staff: staff)
            return FulfilmentOutcome(request: try service.require(reference: receipt.reference), work: .erased(receipt))
        case .object:
            let receipt = try ObjectionService(context: context).object(
                accountId: accountId, purposeId: scope.value, note: note, actor: actor, staff: staff)
            return FulfilmentOutcome(
                request: try service.require(reference: receipt.reference), work: .objected(receipt))
        default:
            let restriction = try RestrictionService(context: context).restrict(
                accountId: accountId, categoryId: scope.value, reason: note ?? "", actor: actor, staff: staff)
            guard let reference = restriction.requestReference else {
                throw RequestError.unreadable("the restriction of \(scope.value) names no request")
            }
            return FulfilmentOutcome(
                request: try service.require(reference: reference), work: .restricted(restriction))
        }
    }
}
