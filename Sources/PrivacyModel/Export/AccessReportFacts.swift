import Foundation

/// What an access report tells about one account, read from the store in one place, so writing the report is
/// formatting only.
struct AccessReportFacts: Sendable {
    /// The newest records of one record set, shown as samples.
    struct Samples: Sendable {
        /// The records read.
        let page: RecordPage
        /// Whether these are all the set's records (a small set) rather than the newest few.
        let showsAll: Bool
    }

    /// One data category: what is held, with samples for each record set that holds anything.
    struct CategoryFacts: Sendable {
        /// The category's summary (its catalogue entry and one summary per record set).
        let summary: CategorySummary
        /// The samples of each record set paired with its catalogue definition, nil where it holds nothing.
        let samples: [Samples?]
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

    /// Reads the facts for `accountId` (all categories, or only those listed) through `context`, whose
    /// catalogue gives the names the report shows.
    static func gather(
        accountId: Int64, categories: [String]?, samples: Int, context: PrivacyContext
    ) throws -> AccessReportFacts {
        guard let account = try AccountService(context: context).account(id: accountId) else {
            throw AccountError.notFound("account \(accountId)")
        }
        let wanted = try ExportPlan.chosenCategories(categories, catalogue: context.catalogue)
        let data = CollectedDataService(context: context)
        let categories = try data.summaries(accountId: accountId).filter { wanted.contains($0.category.id) }.map {
            summary in
            let samples = try zip(summary.sets, summary.category.recordSets).map { set, _ -> Samples? in
                guard set.count > 0 else { return nil }
                // A small set is shown whole, a larger one by its newest `samples` records.
                let showsAll = set.count <= max(samples, 1) * 2
                let page = try data.page(
                    recordSet: set.id, accountId: accountId, limit: showsAll ? set.count : max(samples, 1))
                return Samples(page: page, showsAll: showsAll)
            }
            return CategoryFacts(summary: summary, samples: samples)
        }
        let preferences = PreferenceService(context: context)
        let requestService = RequestService(context: context)
        let requests = try requestService.requests(accountId: accountId).reversed().map {
            RequestHistory(request: $0, events: try requestService.events(requestId: $0.id))
        }
        return AccessReportFacts(
            account: account, preparedAt: Date(epochSeconds: context.now.epochSeconds), categories: categories,
            preferences: try preferences.preferences(accountId: accountId),
            receipts: try preferences.receipts(accountId: accountId), requests: requests)
    }
}
