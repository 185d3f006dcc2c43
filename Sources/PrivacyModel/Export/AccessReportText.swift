import Foundation

/// Puts an access report's facts into words: the report's text in one language, without reading the store.
///
/// Every fact comes from the facts and the (translated) policy catalogue; the connecting sentences are the
/// project's own words. Stored text is cleaned so the file is safe to print with `cat`.
struct AccessReportText: Sendable {
    /// The catalogue in the report's language: names, summaries, deadlines.
    let catalogue: PolicyCatalogue
    /// The report's words.
    let words: Strings
    /// Numbers as the report's language groups them.
    private var formats: Formats { Formats(language: words.language) }

    /// The whole report, each line without trailing spaces, ending in a newline.
    func text(_ facts: AccessReportFacts) -> String {
        var lines = header(account: facts.account, preparedAt: facts.preparedAt)
        for (index, category) in facts.categories.enumerated() {
            lines += section(category, number: index + 1, account: facts.account, preferences: facts.preferences)
        }
        lines += rightsSection()
        lines += choicesSection(facts.preferences)
        lines += receiptsSection(facts.receipts)
        lines += requestsSection(facts.requests)
        lines += ["", words("report.end")]
        return lines.map(Self.trimRight).joined(separator: "\n") + "\n"
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

    private func section(
        _ facts: AccessReportFacts.CategoryFacts, number: Int, account: Account, preferences: [PreferenceState]
    ) -> [String] {
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
        for ((set, definition), samples) in zip(zip(summary.sets, category.recordSets), facts.samples) {
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
            lines += samples.map { sampleLines($0, recordSet: set.id) } ?? []
        }
        return lines
    }

    private func sampleLines(_ samples: AccessReportFacts.Samples, recordSet: String) -> [String] {
        let page = samples.page
        var lines = [
            "    "
                + (samples.showsAll
                    ? words("report.samples.all")
                    : words("report.samples.recent", ["count": formats.number(page.records.count)]))
        ]
        let wording = words.plainWording(catalogue: catalogue)
        for record in page.records {
            let parts = zip(page.table.columns, record.values).compactMap { column, value -> String? in
                guard column != page.table.timeColumn, value != .null else { return nil }
                return "\(words.column(column)): \(display(column, value, recordSet: recordSet, wording: wording))"
            }
            lines += ["      \(record.time.iso8601UTC)  " + parts.joined(separator: "; ")]
        }
        return lines
    }

    /// A stored value as a person reads it: times as ISO 8601, long text cut, control characters made visible.
    /// Codes (`from-support`, `sign-in`) and stored messages are put into the report's words.
    private func display(_ column: String, _ value: FieldValue, recordSet: String, wording: MessageWording) -> String {
        if ExportPlan.isTimeColumn(column), case .integer(let seconds) = value { return ExportTime.iso8601(seconds) }
        var shown = value.text
        if let key = RecordCodeWords.key(recordSet: recordSet, column: column, value: shown) {
            shown = words.optional(key) ?? shown
        } else if RecordCodeWords.holdsStoredText(recordSet: recordSet, column: column) {
            shown = wording.text(StoredText(storedForm: shown))
        }
        let text = ReportText.clean(shown)
        return text.count > 120 ? String(text.prefix(119)) + "\u{2026}" : text
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
        lines += [""]
        lines += ReportText.wrap(words("report.rights.complaint"), indent: "")
        return lines
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
