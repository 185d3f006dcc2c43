import Foundation

/// What an access report tells about one account, read from the store in one place, so writing the report is
/// formatting only (the records themselves are read a page at a time while they are written).
struct AccessReportFacts: Sendable {
    /// How one record set's records appear in the report.
    enum Listing: Sendable, Equatable {
        /// Every record is listed, read page by page while the report is written.
        case every
        /// The set is too large to list readably; its complete copy is `file` inside the export `archive`
        /// written beside the report.
        case inFile(file: String, archive: String)
    }

    /// One data category: what is held, and how each record set that holds anything is listed.
    struct CategoryFacts: Sendable {
        /// The category's summary (its catalogue entry and one summary per record set).
        let summary: CategorySummary
        /// How each record set is listed, paired with its catalogue definition, nil where it holds nothing.
        let listings: [Listing?]
    }

    /// One rights request with its history.
    struct RequestHistory: Sendable {
        /// The request.
        let request: RightsRequest
        /// Its status changes, oldest first.
        let events: [RequestEvent]
    }

    /// Whose report it is.
    let account: Account
    /// When it was prepared (the context's clock, to the second).
    let preparedAt: Date
    /// The categories asked for, in catalogue order.
    let categories: [CategoryFacts]
    /// Every preference with its current value.
    let preferences: [PreferenceState]
    /// Every consent receipt, oldest first.
    let receipts: [ConsentReceipt]
    /// Every rights request, oldest first, with its events.
    let requests: [RequestHistory]
    /// Who has seen the subscriber's data: every staff read or change and every system step, oldest first.
    let accesses: [DataAccessEntry]

    /// The record sets whose complete copy is a file of the export beside the report, with that file.
    var setsInFiles: [(name: String, count: Int, file: String, archive: String)] {
        categories.flatMap { category in
            zip(zip(category.summary.sets, category.summary.category.recordSets), category.listings).compactMap {
                pair, listing in
                guard case .inFile(let file, let archive) = listing else { return nil }
                return (pair.1.name, pair.0.count, file, archive)
            }
        }
    }

    /// Reads the facts for `accountId` (all categories, or only those listed) through `context`, whose
    /// catalogue gives the names the report shows.
    ///
    /// Every record is listed, except that when the zip export `archive` (a file name) is written beside the
    /// report, a set of more than `listLimit` records is left to that export's CSV file of its category.
    static func gather(
        accountId: Int64, categories: [String]?, archive: String?, listLimit: Int, context: PrivacyContext
    ) throws -> AccessReportFacts {
        guard let account = try AccountService(context: context).account(id: accountId) else {
            throw AccountError.notFound("account \(accountId)")
        }
        let wanted = try ExportPlan.chosenCategories(categories, catalogue: context.catalogue)
        let data = CollectedDataService(context: context)
        let categories = try data.summaries(accountId: accountId).filter { wanted.contains($0.category.id) }.map {
            summary in
            let listings = summary.sets.map { set -> Listing? in
                guard set.count > 0 else { return nil }
                guard let archive, set.count > listLimit else { return .every }
                return .inFile(file: ExportedCategory.csvFileName(summary.category.id), archive: archive)
            }
            return CategoryFacts(summary: summary, listings: listings)
        }
        let preferences = PreferenceService(context: context)
        let requestService = RequestService(context: context)
        let requests = try requestService.requests(accountId: accountId).reversed().map {
            RequestHistory(request: $0, events: try requestService.events(requestId: $0.id))
        }
        return AccessReportFacts(
            account: account, preparedAt: Date(epochSeconds: context.now.epochSeconds), categories: categories,
            preferences: try preferences.preferences(accountId: accountId),
            receipts: try preferences.receipts(accountId: accountId), requests: requests,
            accesses: try DataAccessHistory(context: context).entries(accountId: accountId).reversed())
    }
}
