import Foundation

/// Puts an access report's facts into words: the report's text in one language.
///
/// Every fact comes from the facts and the (translated) policy catalogue; the connecting sentences are the
/// project's own words. Records are read a page at a time as they are written, so a long history never sits
/// in memory. Stored text is cleaned so the file is safe to print with `cat`.
struct AccessReportText: Sendable {
    /// The catalogue in the report's language: names, summaries, deadlines.
    let catalogue: PolicyCatalogue
    /// The report's words.
    let words: Strings
    /// Where the records listed in full are read from.
    let data: CollectedDataService
    /// Numbers as the report's language groups them.
    private var formats: Formats { Formats(language: words.language) }

    /// Records read per page while they are listed (the most a page holds).
    private static let pageSize = 1_000

    /// Writes the whole report to `emit`, one line at a time, each without trailing spaces and ending in a newline.
    func write(_ facts: AccessReportFacts, to emit: (String) throws -> Void) throws {
        func put(_ lines: [String]) throws {
            for line in lines { try emit(Self.trimRight(line) + "\n") }
        }
        try put(header(account: facts.account, preparedAt: facts.preparedAt) + completeness(facts))
        for (index, category) in facts.categories.enumerated() {
            try section(
                category, number: index + 1, account: facts.account, preferences: facts.preferences, put: put)
        }
        try put(transfersSection(facts))
        try put(rightsSection())
        try put(complaintSection())
        try put(choicesSection(facts.preferences))
        try put(receiptsSection(facts.receipts))
        try put(requestsSection(facts.requests))
        try put(accessSection(facts.accesses))
        try put(["", words("report.end")])
    }

    /// The whole report as one text.
    func text(_ facts: AccessReportFacts) throws -> String {
        var text = ""
        try write(facts) { text += $0 }
        return text
    }

    // MARK: Sections

    private func header(account: Account, preparedAt: Date) -> [String] {
        let title = words("report.title", ["service": catalogue.service])
        let labels = [
            "report.label.preparedFor", "report.label.preparedAt", "report.label.accountStatus",
            "report.label.policyVersion",
        ].map { words($0) + colon.dropLast() }
        let labelWidth = (labels.map(\.count).max() ?? 0) + 1
        func field(_ index: Int, _ value: String) -> String {
            labels[index].padding(toLength: max(labelWidth, labels[index].count + 1), withPad: " ", startingAt: 0)
                + value
        }
        let status = words.optional("report.accountStatus.\(account.status.rawValue)") ?? account.status.rawValue
        return [
            title, String(repeating: "=", count: title.count), "",
            field(0, "\(ReportText.clean(account.email)) (\(ReportText.clean(account.username)))"),
            field(1, preparedAt.iso8601UTC),
            field(2, status),
            field(
                3, words("report.policyVersion", ["version": catalogue.version, "date": catalogue.effectiveDate])),
            "",
        ]
            + ReportText.wrap(words("report.intro"), indent: "")
    }

    /// Whether the report is the complete copy, or which sets' complete copy is a file of the export beside it.
    private func completeness(_ facts: AccessReportFacts) -> [String] {
        let inFiles = facts.setsInFiles
        guard !inFiles.isEmpty else { return [""] + ReportText.wrap(words("report.complete.all"), indent: "") }
        var lines = [""] + ReportText.wrap(words("report.complete.files"), indent: "")
        for set in inFiles {
            lines += ReportText.wrap(
                words(
                    "report.complete.fileLine",
                    [
                        "name": set.name, "count": words.plural("report.count", count: set.count), "file": set.file,
                        "archive": ReportText.clean(set.archive),
                    ]), indent: "  - ")
        }
        return lines
    }

    private func section(
        _ facts: AccessReportFacts.CategoryFacts, number: Int, account: Account, preferences: [PreferenceState],
        put: ([String]) throws -> Void
    ) throws {
        let summary = facts.summary
        let category = summary.category
        let heading = "\(number). \(category.name)"
        var lines = ["", "", heading, String(repeating: "-", count: heading.count)]
        lines += ReportText.wrap(category.summary, indent: "")
        lines += ["", words("report.source", ["source": words("report.source.\(category.source.rawValue)")])]
        lines += ["", words("report.collected")] + category.collected.map { "  - \($0)" }
        lines += ["", words("report.purposes")]
        for id in category.purposes {
            guard let purpose = catalogue.purpose(id) else { continue }
            let basis = catalogue.legalBasis(purpose.legalBasis)
            lines += ReportText.wrap(purpose.name + colon + purpose.summary, indent: "  - ")
            lines += ReportText.wrap(
                words(
                    "report.legalGround", ["name": basis?.name ?? purpose.legalBasis, "summary": basis?.summary ?? ""]),
                indent: "      ")
            if purpose.objectable == true {
                lines += ["      " + words("report.mayObject")]
            }
        }
        lines += ["", words("report.recipients")]
        for id in category.recipients {
            guard let recipient = catalogue.recipient(id) else { continue }
            lines += ReportText.wrap(recipient.name + colon + recipient.summary, indent: "  - ")
        }
        lines += ["", words("report.profiling")]
        lines += ReportText.wrap(profilingText(category, preferences: preferences), indent: "  ")
        let rights = category.rights.compactMap { catalogue.right($0)?.name }.joined(separator: ", ")
        lines += ["", words("report.rights", ["rights": rights])]
        for limit in category.rightLimits ?? [] {
            let name = catalogue.right(limit.right)?.name ?? limit.right
            // German nouns keep their capital letter.
            let right = words.language == "de" ? name : name.lowercased()
            lines += ReportText.wrap(
                words("report.rightLimit", ["right": right, "summary": limit.summary]), indent: "  ")
        }
        lines += ["", words("report.dataHeld")]
        let purgeDays = catalogue.deadlines.accountPurgeDays
        for ((set, definition), listing) in zip(zip(summary.sets, category.recordSets), facts.listings) {
            lines += [
                "  "
                    + words(
                        "report.setLine",
                        [
                            "name": definition.name, "count": words.plural("report.count", count: set.count),
                            "range": rangeText(set),
                        ])
            ]
            let brief = words.brief(definition.retention, purgeDays: purgeDays, formats: formats)
            lines += ReportText.wrap(
                words("report.kept", ["summary": definition.retention.summary, "brief": brief]), indent: "    ")
            let when = nextDeletionText(set, rule: definition.retention, account: account)
            lines += ["    " + words("report.nextDeletion", ["when": when])]
            if set.heldCount > 0 {
                lines += ["    " + words("report.heldCount", ["count": formats.number(set.heldCount)])]
            }
            try put(lines)
            lines = []
            if let listing { try listRecords(set.id, listing: listing, accountId: account.id, put: put) }
        }
        try put(lines)
    }

    /// Every record of a set, newest first, read a page at a time; or where its complete copy is.
    private func listRecords(
        _ recordSet: String, listing: AccessReportFacts.Listing, accountId: Int64, put: ([String]) throws -> Void
    ) throws {
        if case .inFile(let file, let archive) = listing {
            try put(
                ReportText.wrap(
                    words("report.records.inFile", ["file": file, "archive": ReportText.clean(archive)]),
                    indent: "    "))
            return
        }
        try put(["    " + words("report.records.all")])
        let wording = words.plainWording(catalogue: catalogue)
        var position = PagePosition.newest
        while true {
            let page = try data.page(
                recordSet: recordSet, accountId: accountId, position: position, limit: Self.pageSize)
            for record in page.records {
                let parts = zip(page.table.columns, record.values).compactMap { column, value -> String? in
                    guard column != page.table.timeColumn, value != .null else { return nil }
                    return "\(words.column(column)): \(display(column, value, recordSet: recordSet, wording: wording))"
                }
                try put(
                    ReportText.wrap(
                        "\(record.time.iso8601UTC) " + parts.joined(separator: "; "), indent: "      ",
                        hanging: "        "))
            }
            guard let older = page.olderPosition else { return }
            position = older
        }
    }

    /// A stored value as a person reads it: times as ISO 8601, text whole, control characters made visible.
    /// Codes (`from-support`, `sign-in`, a security hold's 0 or 1) and stored messages are put into the report's words.
    private func display(_ column: String, _ value: FieldValue, recordSet: String, wording: MessageWording) -> String {
        if ExportPlan.isTimeColumn(column), case .integer(let seconds) = value { return ExportTime.iso8601(seconds) }
        var shown = value.text
        if let key = RecordCodeWords.key(recordSet: recordSet, column: column, value: shown) {
            shown = words.optional(key) ?? shown
        } else if RecordCodeWords.holdsStoredText(recordSet: recordSet, column: column) {
            shown = wording.text(StoredText(storedForm: shown))
        }
        return ReportText.clean(shown)
    }

    private func profilingText(_ category: DataCategory, preferences: [PreferenceState]) -> String {
        var text: String
        if let profiling = category.profiling {
            text = profiling
        } else if category.purposes.contains("personalisation") {
            text = words("report.profiling.personalisation")
        } else {
            text = words("report.profiling.none")
        }
        if category.purposes.contains("personalisation") {
            let related = preferences.filter { $0.definition.purpose == "personalisation" }
            if !related.isEmpty {
                let states = related.map {
                    words($0.value ? "report.profiling.on" : "report.profiling.off", ["name": $0.definition.name])
                }
                text += " " + words("report.profiling.now", ["states": states.joined(separator: "; ")])
            }
        }
        return text
    }

    private func nextDeletionText(_ set: RecordSetSummary, rule: RetentionRule, account: Account) -> String {
        if let next = set.nextDeletion { return next.dayUTC }
        if set.count == 0 { return words("report.nextDeletion.nothingHeld") }
        if rule.kind == .accountLifetime {
            return words(
                "report.nextDeletion.whileOpen", ["days": formats.number(catalogue.deadlines.accountPurgeDays)])
        }
        return words("report.nextDeletion.notYet")
    }

    private func rightsSection() -> [String] {
        let deadlines = catalogue.deadlines
        let title = words("report.rightsTitle")
        var lines = ["", "", title, String(repeating: "-", count: title.count)]
        for right in catalogue.rights {
            lines += ReportText.wrap("\(right.name): \(right.summary)", indent: "  - ")
        }
        lines += [""]
        lines += ReportText.wrap(
            words(
                "report.rights.howTo",
                [
                    "receiptHours": formats.number(deadlines.receiptHours),
                    "responseDays": formats.number(deadlines.responseDays),
                    "maxExtensionDays": formats.number(deadlines.maxExtensionDays),
                ]), indent: "")
        return lines
    }

    /// Where data may go outside the EEA: the policy's safeguard and the recipients of the data in this report.
    private func transfersSection(_ facts: AccessReportFacts) -> [String] {
        let title = words("report.transfers.title")
        var lines = ["", "", title, String(repeating: "-", count: title.count)]
        if let section = catalogue.sections.first(where: { $0.id == "transfers" }) {
            lines += ReportText.wrap(section.summary, indent: "")
            lines += [""]
        }
        let used = Set(facts.categories.flatMap(\.summary.category.recipients))
        let names = catalogue.recipients.filter { used.contains($0.id) }.map(\.name)
        lines += ReportText.wrap(
            words("report.transfers.recipients", ["recipients": names.joined(separator: ", ")]), indent: "")
        lines += [""]
        lines += ReportText.wrap(words("report.transfers.ask"), indent: "")
        return lines
    }

    /// The right to complain to a supervisory authority.
    private func complaintSection() -> [String] {
        let title = words("report.complaint.title")
        return ["", "", title, String(repeating: "-", count: title.count)]
            + ReportText.wrap(words("report.rights.complaint"), indent: "")
    }

    private func choicesSection(_ preferences: [PreferenceState]) -> [String] {
        let title = words("report.choices.title")
        var lines = ["", "", title, String(repeating: "-", count: title.count)]
        for group in catalogue.preferenceGroups {
            lines += ["  \(group.name):"]
            for state in preferences where state.group == group.id {
                let value = words(state.value ? "report.choice.on" : "report.choice.off")
                let note =
                    " "
                    + (state.isLocked
                        ? words("report.choice.alwaysOn")
                        : state.changedAt.map { words("report.choice.set", ["date": $0.dayUTC]) }
                            ?? words("report.choice.default"))
                lines += ["    - \(state.definition.name): \(value)\(note)"]
            }
        }
        return lines
    }

    private func receiptsSection(_ receipts: [ConsentReceipt]) -> [String] {
        let title = words("report.receipts.title")
        var lines = ["", "", title, String(repeating: "-", count: title.count)]
        guard !receipts.isEmpty else { return lines + ["  " + words("report.receipts.none")] }
        for receipt in receipts {
            let name = catalogue.preference(receipt.preferenceId)?.name ?? receipt.preferenceId
            lines += [
                "  "
                    + words(
                        "report.receipt",
                        [
                            "sequence": String(receipt.sequence), "at": ReportText.clean(receipt.recordedAt),
                            "name": ReportText.clean(name),
                            "old": words(receipt.oldIsOn ? "report.choice.on" : "report.choice.off"),
                            "new": words(receipt.newIsOn ? "report.choice.on" : "report.choice.off"),
                            "channel": ReportText.clean(
                                words.optional(RecordCodeWords.channelKey(receipt.channel)) ?? receipt.channel),
                            "version": ReportText.clean(receipt.policyVersion),
                        ])
            ]
        }
        return lines
    }

    /// Who has seen the subscriber's data, oldest first: when, who (role and pseudonymous id), what, and why.
    private func accessSection(_ accesses: [DataAccessEntry]) -> [String] {
        let wording = DataAccessWording(strings: words, catalogue: catalogue)
        let title = words("report.access.title")
        var lines = ["", "", title, String(repeating: "-", count: title.count)]
        lines += ReportText.wrap(words("report.access.intro"), indent: "")
        guard !accesses.isEmpty else { return lines + ["", "  " + words("report.access.none")] }
        lines.append("")
        for entry in accesses {
            let line = words(
                "report.access.line",
                ["at": entry.at.iso8601UTC, "who": wording.who(entry), "what": wording.what(entry)])
            lines += ReportText.wrap(ReportText.clean(line), indent: "  - ")
            if entry.reason != nil {
                lines.append(
                    "      " + words("report.access.reason", ["reason": ReportText.clean(wording.reason(entry))]))
            }
        }
        return lines
    }

    private func requestsSection(_ requests: [AccessReportFacts.RequestHistory]) -> [String] {
        let wording = words.plainWording(catalogue: catalogue)
        let title = words("report.requests.title")
        var lines = ["", "", title, String(repeating: "-", count: title.count)]
        guard !requests.isEmpty else { return lines + ["  " + words("report.requests.none")] }
        func status(_ status: RequestStatus) -> String {
            words.optional("report.status.\(status.rawValue)") ?? status.label
        }
        for history in requests {
            let request = history.request
            lines += [
                "  "
                    + words(
                        "report.request.line",
                        [
                            "reference": request.reference,
                            "type": words.optional("report.type.\(request.type.rawValue)") ?? request.type.rawValue,
                            "scope": ReportText.clean(scopeText(request.scope)), "status": status(request.status),
                        ]),
                "    "
                    + words(
                        "report.request.filed",
                        [
                            "at": request.filedAt.iso8601UTC,
                            "channel": ReportText.clean(
                                words.optional(RecordCodeWords.channelKey(request.channel)) ?? request.channel),
                            "due": request.currentDueAt.dayUTC,
                            "extended": request.isExtended ? words("report.request.extended") : "",
                        ]),
            ]
            if let resolution = request.resolution {
                let text = wording.text(resolution)
                lines += ["    " + words("report.request.outcome", ["resolution": ReportText.clean(text)])]
            }
            for event in history.events {
                let change =
                    event.fromStatus.map {
                        words("report.event.change", ["from": status($0), "to": status(event.toStatus)])
                    } ?? status(event.toStatus)
                let note = event.note.isEmpty ? "" : colon + ReportText.clean(wording.text(event.note))
                let actor = words.optional("report.actor.\(event.actor.rawValue)") ?? event.actor.rawValue
                lines += [
                    "    "
                        + words(
                            "report.event",
                            ["at": event.at.iso8601UTC, "change": change, "actor": actor, "note": note])
                ]
            }
        }
        return lines
    }

    // MARK: Words

    private func rangeText(_ set: RecordSetSummary) -> String {
        guard let oldest = set.oldest, let newest = set.newest else { return "" }
        return oldest.dayUTC == newest.dayUTC
            ? words("report.range.day", ["day": oldest.dayUTC])
            : words("report.range.span", ["from": oldest.dayUTC, "to": newest.dayUTC])
    }

    private static func trimRight(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    /// A request's scope in the report's words: a category, purpose or format by its (translated) name.
    private func scopeText(_ scope: RequestScope) -> String {
        switch scope.kind {
        case .all: return words.optional("report.scope.all") ?? scope.description
        case .account: return words.optional("report.scope.account") ?? scope.description
        case .category: return catalogue.category(scope.value)?.name ?? scope.value
        case .purpose: return catalogue.purpose(scope.value)?.name ?? scope.value
        case .format: return catalogue.exportFormats.first { $0.id == scope.value }?.name ?? scope.value
        case .field: return scope.value
        }
    }

    /// A colon before an explanation, with the no-break space French typography sets before it.
    private var colon: String { words.language == "fr" ? "\u{00A0}: " : ": " }
}
