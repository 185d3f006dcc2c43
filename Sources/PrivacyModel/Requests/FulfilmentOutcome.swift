/// What completing a request did: the completed request, a one-line summary and any files written.
public struct FulfilmentOutcome: Sendable, Equatable {
    /// The request after completion.
    public let request: RightsRequest
    /// What was carried out ("Erased 120 records; kept 2."), empty when the request was only marked complete.
    public let summary: String
    /// The reports and exports written for an access or portability request, in the order written (else empty).
    public let outputs: [ExportResult]

    /// Records an outcome.
    init(request: RightsRequest, summary: String, outputs: [ExportResult] = []) {
        self.request = request
        self.summary = summary
        self.outputs = outputs
    }
}
