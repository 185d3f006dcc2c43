public import Foundation

/// Fulfils a portability request with the subscriber's own choices: which categories and from which date.
///
/// `ExportFulfilment` exports everything a request's scope names; the dashboard's wizard lets the
/// subscriber narrow the export first, so it comes here. As there, the export is written first (all or
/// nothing), and the request is moved on and completed with the path only once the file is in place; if
/// anything fails the output is removed and the request stays open. Run again after a kill, it finds its own
/// earlier output by the request's reference in the name (see `EarlierOutput`).
public struct PortabilityFulfilment: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// Binds the fulfilment to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Exports what the open portability request `reference` names into `folder` and completes it.
    ///
    /// A nil `folder` means the subscriber's own folder on a shared box (with a one-time download code), else
    /// `ExportLocation.defaultFolder()`; either is created (mode 0700) when missing. A named folder must exist.
    /// `categories` nil exports every category; `since` keeps records at or after that instant, `before` those
    /// strictly before it (the start of the day after the last day wanted).
    /// `note` opens the resolution; `staff` names the member of staff completing it (checked before anything
    /// is written).
    public func fulfil(
        reference: String, into folder: String?, categories: [String]? = nil, since: Date? = nil,
        before: Date? = nil, actor: RequestActor = .system, note: String = "", staff: StaffAccess? = nil,
        progress: (ExportProgress) -> Void = { _ in },
        isCancelled: () -> Bool = { false }
    ) throws -> FulfilmentOutcome {
        let service = RequestService(context: context)
        let request = try ExportFulfilment.openRequest(reference, actor: actor, service: service)
        try service.authorise(.complete, reference: request.reference, staff: staff)
        guard request.type == .portability, let format = PortabilityFormat(rawValue: request.scope.value) else {
            throw ExportError.notFulfillable(
                reference: request.reference, reason: "it names no export format (zip, json or csv)")
        }
        guard let account = try AccountService(context: context).account(id: request.accountId) else {
            throw AccountError.notFound("account \(request.accountId)")
        }
        let box = folder == nil ? context.settings.sharedBox : nil
        let folder =
            try box.map { try $0.prepareFolder(accountId: request.accountId) } ?? ExportLocation.resolve(folder)
        let earlier = try EarlierOutput.reuse(
            in: folder, username: account.username, reference: request.reference, format: format,
            reusable: categories == nil && since == nil && before == nil)
        let path = (folder as NSString).appendingPathComponent(
            ExportLocation.suggestedName(
                username: account.username, format: format, at: context.now, reference: request.reference))
        if earlier == nil, (try? FileManager.default.attributesOfItem(atPath: path)) != nil {
            throw ExportError.outputExists(path)
        }
        let output =
            try earlier
            ?? PortabilityExporter(context: context).export(
                accountId: request.accountId, to: path,
                options: ExportOptions(format: format, categories: categories, since: since, before: before),
                progress: progress,
                isCancelled: isCancelled)
        do {
            let (completed, delivered) = try complete(
                request, output: output, categories: categories, period: (since, before), box: box, actor: actor,
                staff: staff, note: note, service: service)
            return FulfilmentOutcome(request: completed, work: .exported(delivered))
        } catch {
            try? FileManager.default.removeItem(atPath: output.path)
            throw error
        }
    }

    /// Moves the request through the remaining steps and completes it with the output (its path, or its
    /// download code on a shared box) and the choices.
    private func complete(
        _ request: RightsRequest, output: ExportResult, categories: [String]?, period: (since: Date?, before: Date?),
        box: SharedBox?, actor: RequestActor, staff: StaffAccess?, note: String, service: RequestService
    ) throws -> (RightsRequest, [ExportResult]) {
        let open = try SelfServiceRequest(service: service).advance(request, actor: actor, staff: staff)
        var choices = StoredText.empty
        if let categories {
            choices = .message(
                "stored.export.categories", ["categories": .catalogue(categories.map { "category.\($0).name" })])
        }
        if let since = period.since { choices = choices + .message("stored.export.since", ["date": .day(since)]) }
        // The last day included is the day before `before`.
        if let before = period.before {
            choices = choices + .message("stored.export.until", ["date": .day(before.addingTimeInterval(-1))])
        }
        return try ExportFulfilment.complete(
            open, outputs: [output], before: .typed(note), after: choices, box: box, actor: actor, staff: staff,
            context: context)
    }
}
