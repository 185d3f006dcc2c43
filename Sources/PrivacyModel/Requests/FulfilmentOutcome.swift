/// What carrying a request out did, as data: whoever shows it puts it into words in the reader's language.
public enum FulfilmentWork: Sendable, Equatable {
    /// The request was only filed; support carries it out later.
    case filed
    /// The request was completed with the note alone (nothing for the program to do).
    case noted
    /// The files written (access: the report and the zip; portability: the export), in the order written.
    case exported([ExportResult])
    /// The erasure's receipt: what went and what stayed.
    case erased(ErasureReceipt)
    /// The account was closed; the receipt names the purge date.
    case accountClosed(AccountDeletionReceipt)
    /// The objection's receipt: the preferences switched off.
    case objected(ObjectionReceipt)
    /// The restriction now in force.
    case restricted(Restriction)
    /// The stored record the request names now holds the requested value.
    case recordCorrected
}

/// What carrying a request out did and the request that records it.
public struct FulfilmentOutcome: Sendable, Equatable {
    /// The request afterwards (completed, or just filed).
    public let request: RightsRequest
    /// What was done.
    public let work: FulfilmentWork

    /// Records an outcome.
    init(request: RightsRequest, work: FulfilmentWork) {
        self.request = request
        self.work = work
    }

    /// The files written, in the order written (empty unless the request was an access or portability one).
    public var outputs: [ExportResult] {
        guard case .exported(let outputs) = work else { return [] }
        return outputs
    }
}
