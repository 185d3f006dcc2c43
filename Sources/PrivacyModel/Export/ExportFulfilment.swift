import Foundation

/// Fulfils an access or portability request: writes its outputs into a folder, then completes the request
/// with their paths. `RequestFulfilment` hands these two rights here, so what they produce is decided once.
///
/// An access request gets the access report and the machine-readable zip export; a portability request
/// gets an export in the format it names. The outputs are written first (each all or nothing, see
/// `PortabilityExporter`); the request moves on (acknowledged, identity verified, in progress, completed,
/// as far as needed) only once every output is in place, and if anything fails the outputs already
/// written are removed, so a failure leaves no file and the request not completed. A run stopped before it
/// completed the request (kill -9) can simply be run again: it finds its own earlier outputs by the request's
/// reference in their names and finishes the request (see `EarlierOutput`).
public struct ExportFulfilment: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the helper to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Writes what the request asks for into `folder` and completes it; returns the outputs and the completed request.
    ///
    /// Files are named by `ExportLocation.suggestedName`, with the request's reference. A nil `folder` means the
    /// subscriber's own folder on a shared box (each file then gets a one-time download code), else
    /// `ExportLocation.defaultFolder()`; either is created (mode 0700) when missing. A named folder must exist.
    /// Access and exports are limited to the
    /// request's category when it names one. `actor` is `.system` for self-service; `note` opens the resolution.
    /// The report is in `reportLanguage` when given (the language the session was started in), else in the
    /// subscriber's own; a record set too long to list in it is named there as its CSV file in the zip export.
    /// `staff` names the member of staff completing it (checked before anything is written).
    public func fulfil(
        reference: String, into folder: String? = nil, actor: RequestActor = .system, note: String = "",
        reportLanguage: String? = nil, staff: StaffAccess? = nil, progress: (ExportProgress) -> Void = { _ in },
        isCancelled: () -> Bool = { false }
    ) throws -> FulfilmentOutcome {
        let service = RequestService(context: context)
        let request = try ExportFulfilment.openRequest(reference, actor: actor, service: service)
        try service.authorise(.complete, reference: request.reference, staff: staff)
        let formats = try outputFormats(request)
        guard let account = try AccountService(context: context).account(id: request.accountId) else {
            throw AccountError.notFound("account \(request.accountId)")
        }
        let box = folder == nil ? context.settings.sharedBox : nil
        let folder =
            try box.map { try $0.prepareFolder(accountId: request.accountId) } ?? ExportLocation.resolve(folder)
        let now = context.now
        let earlier = try formats.map {
            try EarlierOutput.reuse(
                in: folder, username: account.username, reference: request.reference, format: $0)
        }
        let paths = formats.map {
            (folder as NSString).appendingPathComponent(
                ExportLocation.suggestedName(
                    username: account.username, format: $0, at: now, reference: request.reference))
        }
        for (path, reused) in zip(paths, earlier)
        where reused == nil && (try? FileManager.default.attributesOfItem(atPath: path)) != nil {
            throw ExportError.outputExists(path)
        }
        let categories = request.scope.kind == .category ? [request.scope.value] : nil
        let archive = zip(formats, paths).first { $0.0 == .zip }.map { ($0.1 as NSString).lastPathComponent }
        var outputs: [ExportResult] = []
        do {
            for (index, (format, path)) in zip(formats, paths).enumerated() {
                if let reused = earlier[index] {
                    outputs.append(reused)
                } else if let format {
                    outputs.append(
                        try PortabilityExporter(context: context).export(
                            accountId: request.accountId, to: path,
                            options: ExportOptions(format: format, categories: categories), progress: progress,
                            isCancelled: isCancelled))
                } else {
                    outputs.append(
                        try AccessReportWriter(context: context).write(
                            accountId: request.accountId, to: path, categories: categories,
                            language: reportLanguage ?? ownLanguage(accountId: request.accountId), archive: archive,
                            isCancelled: isCancelled))
                }
            }
            let open = try SelfServiceRequest(service: service).advance(request, actor: actor, staff: staff)
            let (completed, delivered) = try Self.complete(
                open, outputs: outputs, before: .typed(note), box: box, actor: actor, staff: staff, context: context)
            return FulfilmentOutcome(request: completed, work: .exported(delivered))
        } catch {
            for output in outputs { try? FileManager.default.removeItem(atPath: output.path) }
            throw error
        }
    }

    /// What the request gets, in the order written: nil for the access report, else an export format.
    private func outputFormats(_ request: RightsRequest) throws -> [PortabilityFormat?] {
        switch request.type {
        case .access:
            return [nil, .zip]
        case .portability:
            guard let format = PortabilityFormat(rawValue: request.scope.value) else {
                throw ExportError.notFulfillable(
                    reference: request.reference, reason: "it names no export format (zip, json or csv)")
            }
            return [format]
        default:
            throw ExportError.notFulfillable(
                reference: request.reference, reason: "it is a \(request.type.rawValue) request")
        }
    }

    /// Completes the request in progress with its outputs: the paths in the resolution, or on a shared box
    /// (`box`) a one-time download code per file, recorded in the same transaction as the completion.
    ///
    /// The resolution is `before`, a sentence per output, then `after`; the outputs come back with their codes.
    static func complete(
        _ open: RightsRequest, outputs: [ExportResult], before: StoredText, after: StoredText = .empty,
        box: SharedBox?, actor: RequestActor, staff: StaffAccess? = nil, context: PrivacyContext
    ) throws -> (RightsRequest, [ExportResult]) {
        let service = RequestService(context: context)
        guard let box else {
            let written = outputs.map(Self.written).reduce(StoredText.empty, +)
            return (
                try service.complete(
                    reference: open.reference, actor: actor, resolution: before + written + after, staff: staff),
                outputs
            )
        }
        let now = context.now
        let expiresAt = Date(epochSeconds: now.epochSeconds).addingTimeInterval(box.downloadLifetime)
        let waiting = outputs.map { waitingText($0, box: box, reference: open.reference, until: expiresAt) }
        let code = StoredText.message(
            actor == .support || staff != nil ? "stored.export.codeFromSupport" : "stored.export.codeOnReceipt")
        var tickets: [DownloadTicket] = []
        let completed = try service.complete(
            reference: open.reference, actor: actor, note: before + waiting.reduce(StoredText.empty, +) + code + after,
            staff: staff
        ) { db, _ in
            tickets = try DownloadService.issue(
                db, box: box, accountId: open.accountId, reference: open.reference, paths: outputs.map(\.path),
                now: now,
                random: context.settings.random)
        }
        let delivered = zip(outputs, tickets).map { output, ticket in
            var output = output
            output.download = ticket
            return output
        }
        return (completed, delivered)
    }

    /// "ZIP export waiting on the support box until …; save it on your computer with: ssh -T … CODE > file."
    static func waitingText(_ output: ExportResult, box: SharedBox, reference: String, until: Date) -> StoredText {
        let name = (output.path as NSString).lastPathComponent
        return .message(
            "stored.export.waiting",
            [
                "output": .term("stored.output.\(output.format)"), "until": .instant(until),
                "command": .text(DownloadTicket.command(box.destination, reference, "CODE", name)),
            ])
    }

    /// The request `reference` when it is still open and `actor` may carry it out (support or the program).
    static func openRequest(_ reference: String, actor: RequestActor, service: RequestService) throws -> RightsRequest {
        let request = try service.require(reference: reference)
        guard request.isOpen else {
            throw ExportError.notFulfillable(
                reference: request.reference, reason: "it is already \(request.status.label)")
        }
        guard actor != .subscriber else { throw RequestError.notPermitted(.complete, actor: actor) }
        return request
    }

    /// "access report written to PATH" or "zip export written to PATH", as stored text.
    static func written(_ output: ExportResult) -> StoredText {
        .message(
            "stored.export.written", ["output": .term("stored.output.\(output.format)"), "path": .text(output.path)])
    }

    /// The subscriber's own language for the report they read (English when none of ours is set).
    private func ownLanguage(accountId: Int64) -> String {
        let language = try? LanguagePreferenceService(context: context).language(accountId: accountId)
        return (language ?? .english).rawValue
    }
}
