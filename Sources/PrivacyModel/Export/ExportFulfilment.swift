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
    /// Files are named by `ExportLocation.suggestedName`, with the request's reference. A nil `folder` means `ExportLocation.defaultFolder()`,
    /// created (mode 0700) when missing; a named folder must exist. Access and exports are limited to the
    /// request's category when it names one. `actor` is `.system` for self-service; `note` opens the resolution.
    /// The report is in `reportLanguage` when given (the language the session was started in), else in the
    /// subscriber's own; a record set too long to list in it is named there as its CSV file in the zip export.
    public func fulfil(
        reference: String, into folder: String? = nil, actor: RequestActor = .system, note: String = "",
        reportLanguage: String? = nil, progress: (ExportProgress) -> Void = { _ in },
        isCancelled: () -> Bool = { false }
    ) throws -> FulfilmentOutcome {
        let service = RequestService(context: context)
        let request = try ExportFulfilment.openRequest(reference, actor: actor, service: service)
        let formats = try outputFormats(request)
        guard let account = try AccountService(context: context).account(id: request.accountId) else {
            throw AccountError.notFound("account \(request.accountId)")
        }
        let folder = try ExportLocation.resolve(folder)
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
            let completed = try advanceAndComplete(
                request, outputs: outputs, actor: actor, note: note, service: service)
            return FulfilmentOutcome(request: completed, work: .exported(outputs))
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

    /// Moves an open request through the remaining steps and completes it with the outputs' paths.
    private func advanceAndComplete(
        _ request: RightsRequest, outputs: [ExportResult], actor: RequestActor, note: String, service: RequestService
    ) throws -> RightsRequest {
        let steps = SelfServiceRequest(service: service)
        let open = try steps.advance(request, actor: actor)
        let written = outputs.map(Self.written).reduce(StoredText.empty, +)
        return try steps.finish(open, resolution: .typed(note) + written, actor: actor)
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
