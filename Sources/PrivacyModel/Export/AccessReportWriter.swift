import Foundation

/// Writes the access report: one plain-text file telling a subscriber, category by category, what is held and why.
///
/// Every fact comes from the policy catalogue or the store; the connecting sentences are the project's own
/// words. Stored text is cleaned so the file is safe to print with `cat`.
public struct AccessReportWriter: Sendable {
    /// The shared context.
    public let context: PrivacyContext

    /// How many of the newest records each record set shows as samples.
    public static let defaultSamples = 5

    /// Binds the writer to a context.
    public init(context: PrivacyContext) { self.context = context }

    /// Writes the report for `accountId` to `path` (which must not exist yet), mode 0600, all or nothing.
    @discardableResult
    public func write(
        accountId: Int64, to path: String, categories: [String]? = nil,
        samples: Int = AccessReportWriter.defaultSamples,
        isCancelled: () -> Bool = { false }
    ) throws -> ExportResult {
        let text = try render(accountId: accountId, categories: categories, samples: samples)
        if isCancelled() { throw ExportError.cancelled }
        let staging = try StagingArea.prepare(output: path)
        defer { staging.discard() }
        let file = try HashingFileWriter(creating: staging.path("report.txt"))
        file.append(text)
        let written = try file.finish()
        if isCancelled() { throw ExportError.cancelled }
        try staging.publishFile("report.txt")
        let name = (staging.output as NSString).lastPathComponent
        return ExportResult(
            path: staging.output, format: "report", rows: 0,
            files: [ExportedFile(path: name, category: nil, rows: 0, bytes: written.bytes, sha256: written.sha256)],
            generatedAt: Date(epochSeconds: context.now.epochSeconds))
    }

    /// The report's text for `accountId` (all categories, or only those listed).
    public func render(
        accountId: Int64, categories: [String]? = nil, samples: Int = AccessReportWriter.defaultSamples
    ) throws -> String {
        guard let account = try AccountService(context: context).account(id: accountId) else {
            throw AccountError.notFound("account \(accountId)")
        }
        let catalogue = context.catalogue
        let wanted = try ExportPlan.chosenCategories(categories, catalogue: catalogue)
        let summaries = try CollectedDataService(context: context).summaries(accountId: accountId)
            .filter { wanted.contains($0.category.id) }
        let preferences = try PreferenceService(context: context).preferences(accountId: accountId)
        let receipts = try PreferenceService(context: context).receipts(accountId: accountId)
        let requestService = RequestService(context: context)
        let requests = try requestService.requests(accountId: accountId)

        var lines = header(account: account)
        for (index, summary) in summaries.enumerated() {
            lines += try section(
                summary, number: index + 1, account: account, preferences: preferences, samples: samples)
        }
        lines += rightsSection()
        lines += choicesSection(preferences)
        lines += receiptsSection(receipts)
        lines += try requestsSection(requests, service: requestService)
        lines += ["", "End of report."]
        return lines.map(Self.trimRight).joined(separator: "\n") + "\n"
    }

    // MARK: Sections

    private func header(account: Account) -> [String] {
        let catalogue = context.catalogue
        let title = "\(catalogue.service): what is held about you"
        return [
            title, String(repeating: "=", count: title.count), "",
            "Prepared for:   \(ReportText.clean(account.email)) (\(ReportText.clean(account.username)))",
            "Prepared at:    \(Date(epochSeconds: context.now.epochSeconds).iso8601UTC)",
            "Account status: \(account.status.rawValue)",
            "Policy version: \(catalogue.version), in force since \(catalogue.effectiveDate)", "",
        ]
            + ReportText.wrap(
                "This report answers an access request. For each kind of data it says how much is held and"
                    + " over which dates, shows a few recent records, what exactly is collected, why, on what"
                    + " legal ground, who receives it, how long it is kept and where it comes from. Your"
                    + " rights, your current choices, every change of consent and every request you filed"
                    + " follow at the end. A machine-readable copy of all records is available as a"
                    + " portability export (zip, JSON or CSV).", indent: "")
    }

    private func section(
        _ summary: CategorySummary, number: Int, account: Account, preferences: [PreferenceState], samples: Int
    ) throws -> [String] {
        let catalogue = context.catalogue
        let category = summary.category
        let heading = "\(number). \(category.name)"
        var lines = ["", "", heading, String(repeating: "-", count: heading.count)]
        lines += ReportText.wrap(category.summary, indent: "")
        lines += ["", "Where it comes from: \(Self.sourceText(category.source))"]
        lines += ["", "What is collected:"] + category.collected.map { "  - \($0)" }
        lines += ["", "Why it is used, and the legal ground:"]
        for id in category.purposes {
            guard let purpose = catalogue.purpose(id) else { continue }
            let basis = catalogue.legalBasis(purpose.legalBasis)
            lines += ReportText.wrap("\(purpose.name): \(purpose.summary)", indent: "  - ")
            lines += ReportText.wrap(
                "Legal ground: \(basis?.name ?? purpose.legalBasis). \(basis?.summary ?? "")", indent: "      ")
            if purpose.objectable == true {
                lines += ["      You may object to this use."]
            }
        }
        lines += ["", "Who receives it:"]
        for id in category.recipients {
            guard let recipient = catalogue.recipient(id) else { continue }
            lines += ReportText.wrap("\(recipient.name): \(recipient.summary)", indent: "  - ")
        }
        lines += ["", "How it feeds recommendations and automated decisions:"]
        lines += ReportText.wrap(profilingText(category, preferences: preferences), indent: "  ")
        let rights = category.rights.compactMap { catalogue.right($0)?.name }.joined(separator: ", ")
        lines += ["", "Your rights over it: \(rights)"]
        for limit in category.rightLimits ?? [] {
            let name = catalogue.right(limit.right)?.name ?? limit.right
            lines += ReportText.wrap("Limit on \(name.lowercased()): \(limit.summary)", indent: "  ")
        }
        lines += ["", "Data held:"]
        let purgeDays = catalogue.deadlines.accountPurgeDays
        for (set, definition) in zip(summary.sets, category.recordSets) {
            lines += ["  \(definition.name): \(Self.countText(set.count))\(Self.rangeText(set))"]
            lines += ReportText.wrap(
                "Kept: \(definition.retention.summary) (\(definition.retention.brief(purgeDays: purgeDays)))",
                indent: "    ")
            lines += ["    Next deletion: \(nextDeletionText(set, rule: definition.retention, account: account))"]
            if set.heldCount > 0 {
                lines += ["    Held past their period for an investigation: \(set.heldCount)"]
            }
            lines += try sampleLines(set, accountId: account.id, samples: samples)
        }
        return lines
    }

    private func sampleLines(_ set: RecordSetSummary, accountId: Int64, samples: Int) throws -> [String] {
        guard set.count > 0 else { return [] }
        let showAll = set.count <= max(samples, 1) * 2
        let limit = showAll ? set.count : max(samples, 1)
        let page = try CollectedDataService(context: context).page(
            recordSet: set.id, accountId: accountId, limit: limit)
        var lines = [showAll ? "    All records:" : "    The \(page.records.count) most recent:"]
        for record in page.records {
            let parts = zip(page.table.columns, record.values).compactMap { column, value -> String? in
                guard column != page.table.timeColumn, value != .null else { return nil }
                return "\(ReportText.label(column)): \(Self.display(column, value))"
            }
            lines += ["      \(record.time.iso8601UTC)  " + parts.joined(separator: "; ")]
        }
        return lines
    }

    /// A stored value as a person reads it: times as ISO 8601, long text cut, control characters made visible.
    private static func display(_ column: String, _ value: FieldValue) -> String {
        if ExportPlan.isTimeColumn(column), case .integer(let seconds) = value { return ExportTime.iso8601(seconds) }
        let text = ReportText.clean(value.text)
        return text.count > 120 ? String(text.prefix(119)) + "\u{2026}" : text
    }

    private func profilingText(_ category: DataCategory, preferences: [PreferenceState]) -> String {
        var text: String
        if let profiling = category.profiling {
            text = profiling
        } else if category.purposes.contains("personalisation") {
            text = "It helps shape the recommendations on your home screen; you can switch this off in Preferences."
        } else {
            text = "It is not used for recommendations, and no decision is made about you automatically from it."
        }
        if category.purposes.contains("personalisation") {
            let related = preferences.filter { $0.definition.purpose == "personalisation" }
            if !related.isEmpty {
                let states = related.map { "\($0.definition.name) is \($0.value ? "on" : "off")" }
                text += " Right now: " + states.joined(separator: "; ") + "."
            }
        }
        return text
    }

    private func nextDeletionText(_ set: RecordSetSummary, rule: RetentionRule, account: Account) -> String {
        if let next = set.nextDeletion { return next.dayUTC }
        if set.count == 0 { return "nothing held" }
        if rule.kind == .accountLifetime {
            return
                "none while the account is open; \(context.catalogue.deadlines.accountPurgeDays) days after it is deleted"
        }
        return "none due yet"
    }

    private func rightsSection() -> [String] {
        let catalogue = context.catalogue
        let deadlines = catalogue.deadlines
        var lines = ["", "", "Your rights", "-----------"]
        for right in catalogue.rights {
            lines += ReportText.wrap("\(right.name): \(right.summary)", indent: "  - ")
        }
        lines += [""]
        lines += ReportText.wrap(
            "File a request from the Requests screen of the dashboard. Receipt is confirmed within"
                + " \(deadlines.receiptHours) hours and an answer is due within \(deadlines.responseDays) days;"
                + " in a complex case the service may take up to \(deadlines.maxExtensionDays) more days, and"
                + " must tell you why.", indent: "")
        lines += [""]
        lines += ReportText.wrap(
            "You may also complain to a data-protection authority (a supervisory authority), for example the"
                + " one in the country where you live or work, if you think your data is handled wrongly.",
            indent: "")
        return lines
    }

    private func choicesSection(_ preferences: [PreferenceState]) -> [String] {
        var lines = ["", "", "Your current choices", "--------------------"]
        for group in context.catalogue.preferenceGroups {
            lines += ["  \(group.name):"]
            for state in preferences where state.group == group.id {
                let value = state.value ? "on" : "off"
                let note =
                    state.isLocked ? " (always on)" : state.changedAt.map { " (set \($0.dayUTC))" } ?? " (default)"
                lines += ["    - \(state.definition.name): \(value)\(note)"]
            }
        }
        return lines
    }

    private func receiptsSection(_ receipts: [ConsentReceipt]) -> [String] {
        var lines = [
            "", "", "Consent receipts (every change of a choice)", "-------------------------------------------",
        ]
        guard !receipts.isEmpty else { return lines + ["  None: every choice is still at its default."] }
        for receipt in receipts {
            let name = context.catalogue.preference(receipt.preferenceId)?.name ?? receipt.preferenceId
            let change = "\(receipt.oldIsOn ? "on" : "off") -> \(receipt.newIsOn ? "on" : "off")"
            lines += [
                "  #\(receipt.sequence) \(ReportText.clean(receipt.recordedAt))  \(ReportText.clean(name)): \(change)"
                    + "  via \(ReportText.clean(receipt.channel)), policy \(ReportText.clean(receipt.policyVersion))"
            ]
        }
        return lines
    }

    private func requestsSection(_ requests: [RightsRequest], service: RequestService) throws -> [String] {
        var lines = ["", "", "Your requests", "-------------"]
        guard !requests.isEmpty else { return lines + ["  None filed."] }
        for request in requests.reversed() {
            lines += [
                "  \(request.reference)  \(request.type.rawValue) (\(ReportText.clean(request.scope.description)))"
                    + "  status: \(request.status.label)",
                "    filed \(request.filedAt.iso8601UTC) via \(ReportText.clean(request.channel)); answer due"
                    + " \(request.currentDueAt.dayUTC)\(request.isExtended ? " (extended)" : "")",
            ]
            if let resolution = request.resolution {
                lines += ["    outcome: \(ReportText.clean(resolution))"]
            }
            for event in try service.events(requestId: request.id) {
                let from = event.fromStatus.map { "\($0.label) -> " } ?? ""
                let note = event.note.isEmpty ? "" : ": \(ReportText.clean(event.note))"
                lines += [
                    "    \(event.at.iso8601UTC)  \(from)\(event.toStatus.label) by \(event.actor.rawValue)\(note)"
                ]
            }
        }
        return lines
    }

    // MARK: Words

    private static func sourceText(_ source: DataSource) -> String {
        switch source {
        case .provided: return "you gave it to the service."
        case .automatic: return "the apps record it automatically while you use the service."
        case .derived: return "the service works it out from other data (your IP address)."
        }
    }

    /// "1 record" or "1,826 records": a count with its thousands grouped.
    static func countText(_ count: Int) -> String {
        guard count != 1 else { return "1 record" }
        let digits = String(count)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return "\(grouped) records"
    }

    private static func rangeText(_ set: RecordSetSummary) -> String {
        guard let oldest = set.oldest, let newest = set.newest else { return "" }
        return oldest.dayUTC == newest.dayUTC ? ", \(oldest.dayUTC)" : ", \(oldest.dayUTC) to \(newest.dayUTC)"
    }

    private static func trimRight(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
