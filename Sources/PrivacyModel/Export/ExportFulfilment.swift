import Foundation

/// Fulfils an access or portability request by export: writes the report or export, then completes the request with its path.
///
/// The output is written first; the request moves on (acknowledged, identity verified, in progress,
/// completed, as far as needed) only once the output is in place, so a failed or cancelled export leaves
/// the request exactly as it was.
public struct ExportFulfilment: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the helper to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Writes what the request asks for to `path` and completes it; returns the output and the completed request.
    ///
    /// An access request gets the access report (limited to its category when it names one); a
    /// portability request gets an export in its format. `actor` is `.system` for self-service.
    public func fulfil(
        reference: String, to path: String, actor: RequestActor = .system,
        progress: (ExportProgress) -> Void = { _ in }, isCancelled: () -> Bool = { false }
    ) throws -> (output: ExportResult, request: RightsRequest) {
        let service = RequestService(context: context)
        let request = try service.require(reference: reference)
        guard request.isOpen else {
            throw ExportError.notFulfillable(
                reference: request.reference, reason: "it is already \(request.status.label)")
        }
        guard actor != .subscriber else { throw RequestError.notPermitted(.complete, actor: actor) }
        let output: ExportResult
        switch request.type {
        case .access:
            let categories = request.scope.kind == .category ? [request.scope.value] : nil
            output = try AccessReportWriter(context: context).write(
                accountId: request.accountId, to: path, categories: categories, isCancelled: isCancelled)
        case .portability:
            guard let format = PortabilityFormat(rawValue: request.scope.value) else {
                throw ExportError.notFulfillable(
                    reference: request.reference, reason: "it names no export format (zip, json or csv)")
            }
            output = try PortabilityExporter(context: context).export(
                accountId: request.accountId, to: path, options: ExportOptions(format: format), progress: progress,
                isCancelled: isCancelled)
        default:
            throw ExportError.notFulfillable(
                reference: request.reference, reason: "it is a \(request.type.rawValue) request")
        }
        let completed = try advanceAndComplete(request, output: output, actor: actor, service: service)
        return (output, completed)
    }

    /// Moves an open request through the remaining steps and completes it with the output's path.
    private func advanceAndComplete(
        _ request: RightsRequest, output: ExportResult, actor: RequestActor, service: RequestService
    ) throws -> RightsRequest {
        let reference = request.reference
        var status = try service.require(reference: reference).status
        if status == .submitted {
            status = try service.acknowledge(reference: reference, actor: actor).status
        }
        if status == .acknowledged {
            status = try service.verifyIdentity(
                reference: reference, actor: actor, note: actor == .system ? "the subscriber signed in" : ""
            ).status
        }
        if status == .identityVerified {
            status = try service.start(reference: reference, actor: actor).status
        }
        let what = output.format == "report" ? "access report" : "\(output.format) export"
        return try service.complete(reference: reference, actor: actor, note: "\(what) written to \(output.path)")
    }
}
