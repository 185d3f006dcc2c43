import Foundation
import PrivacyModel

/// The records table of one record set: one page held at a time, paged by keyset, newest first.
///
/// Only the page on show is in memory. Positions ("records 21–40 of N") are counted from the page
/// moves, and N comes from the category summary, so no key ever counts rows in the store.
@MainActor
struct RecordBrowser: Sendable {
    /// The record set shown.
    let recordSet: String
    /// Records in the set (from the summary), unfiltered.
    let total: Int
    /// The applied filter, if any.
    private(set) var filter: String?
    /// The page on show, newest first.
    private(set) var records: [StoredRecord] = []
    /// The page's cells, formatted once when it was loaded.
    private(set) var rows: [[String]] = []
    /// The selected record's index in the page.
    private(set) var selected = 0
    /// Whether older records exist beyond the page.
    private(set) var hasOlder = false
    /// Whether newer records exist before the page.
    private(set) var hasNewer = false
    /// Records (matching the filter) newer than the page, when known.
    private(set) var newerCount: Int? = 0
    /// Records (matching the filter) older than the page, when known.
    private(set) var olderCount: Int?
    /// Records matching the filter, when known (the summary's count without a filter).
    private(set) var matching: Int?
    /// Whether a page was ever loaded.
    private(set) var loaded = false
    /// The filter's search for the newest matching page while it still runs in steps.
    private(set) var search: RecordSearch?

    /// Whether a filter's search is still running (the screen draws between its steps; Esc stops it).
    var isSearching: Bool { search != nil }

    /// Starts on a record set; nothing is loaded until `reload`.
    init(recordSet: String, total: Int) {
        self.recordSet = recordSet
        self.total = total
        matching = total
        olderCount = nil
    }

    /// The columns shown for this set.
    var columns: [RecordColumn] { RecordColumns.columns(for: recordSet) }

    /// The selected record, if any.
    var selectedRecord: StoredRecord? { records.indices.contains(selected) ? records[selected] : nil }

    /// The first row to show in a table of `visible` rows so the selection is inside it.
    func visibleOffset(visible: Int) -> Int {
        guard visible > 0, selected >= visible else { return 0 }
        return selected - visible + 1
    }

    // MARK: - Moving

    /// The newest page.
    mutating func reload(limit: Int, session: Session) throws {
        search = nil
        try load(.newest, limit: limit, session: session)
        settleNewest()
    }

    /// The counts and selection once the newest page is on show.
    private mutating func settleNewest() {
        newerCount = 0
        olderCount = matching.map { max(0, $0 - records.count) }
        if !hasOlder { matching = records.count }
        selected = 0
    }

    /// Home: the newest page, first row.
    mutating func first(limit: Int, session: Session) throws { try reload(limit: limit, session: session) }

    /// End: the oldest page, last row.
    mutating func last(limit: Int, session: Session) throws {
        try load(.oldest, limit: limit, session: session)
        olderCount = 0
        newerCount = matching.map { max(0, $0 - records.count) }
        if !hasNewer { matching = records.count }
        selected = max(0, records.count - 1)
    }

    /// PgDn: the page of older records, keeping the row; on the oldest page, its last row.
    mutating func pageDown(limit: Int, session: Session) throws {
        try fit(limit: limit, session: session)
        guard hasOlder else {
            selected = max(0, records.count - 1)
            return
        }
        let row = selected
        try older(limit: limit, session: session)
        selected = min(row, max(0, records.count - 1))
    }

    /// PgUp: the page of newer records, keeping the row; on the newest page, its first row.
    mutating func pageUp(limit: Int, session: Session) throws {
        try fit(limit: limit, session: session)
        guard hasNewer else {
            selected = 0
            return
        }
        let row = selected
        try newer(limit: limit, session: session)
        selected = min(row, max(0, records.count - 1))
    }

    /// Down: the next row, or the first row of the next (older) page past the edge.
    mutating func down(limit: Int, session: Session) throws {
        try fit(limit: limit, session: session)
        if selected + 1 < records.count {
            selected += 1
        } else if hasOlder {
            try older(limit: limit, session: session)
            selected = 0
        }
    }

    /// Up: the previous row, or the last row of the previous (newer) page past the edge.
    mutating func up(limit: Int, session: Session) throws {
        try fit(limit: limit, session: session)
        if selected > 0 {
            selected -= 1
        } else if hasNewer {
            try newer(limit: limit, session: session)
            selected = max(0, records.count - 1)
        }
    }

    /// Applies a filter (nil or blank clears it) and shows the newest matching page.
    ///
    /// The search's first step runs at once (an indexed search is then done); if it is not done, the rest
    /// runs in steps through `continueSearch`, with a frame between them.
    mutating func apply(filter text: String?, limit: Int, session: Session) throws {
        let trimmed = text?.trimmingCharacters(in: .whitespaces) ?? ""
        filter = trimmed.isEmpty ? nil : trimmed
        matching = filter == nil ? total : nil
        guard let filter else {
            try reload(limit: limit, session: session)
            return
        }
        search = try RecordSearch(
            recordSet: recordSet, accountId: session.account.id, position: .newest, limit: max(1, limit),
            filter: filter, sliceSize: session.context.settings.searchSliceSize)
        try continueSearch(session: session)
    }

    /// Runs one step of the filter's search; shows the newest matching page once it is found.
    mutating func continueSearch(session: Session) throws {
        guard var running = search else { return }
        do {
            try running.step(in: session.collectedData)
        } catch {
            search = nil
            throw error
        }
        guard let page = running.result else {
            // The page of the previous filter no longer applies: the table shows the search's progress instead.
            search = running
            records = []
            rows = []
            return
        }
        search = nil
        show(page, session: session)
        settleNewest()
    }

    /// Stops the filter's search, if one runs.
    mutating func stopSearch() { search = nil }

    /// Records the running search has read so far.
    var searchedRecords: Int { search?.scanned ?? 0 }

    // MARK: - Loading

    private mutating func older(limit: Int, session: Session) throws {
        guard let last = records.last else { return }
        let passed = records.count
        try load(.olderThan(time: last.time, key: last.key), limit: limit, session: session)
        newerCount = newerCount.map { $0 + passed }
        if hasOlder {
            olderCount = olderCount.map { max(0, $0 - records.count) }
        } else {
            olderCount = 0
            if let newerCount { matching = newerCount + records.count }
        }
        hasNewer = true
    }

    private mutating func newer(limit: Int, session: Session) throws {
        guard let first = records.first else { return }
        let passed = records.count
        try load(.newerThan(time: first.time, key: first.key), limit: limit, session: session)
        if !hasNewer && records.count < limit {
            // A short page at the top: show a full newest page instead.
            try load(.newest, limit: limit, session: session)
            newerCount = 0
            olderCount = matching.map { max(0, $0 - records.count) }
            return
        }
        olderCount = olderCount.map { $0 + passed }
        if hasNewer {
            newerCount = newerCount.map { max(0, $0 - records.count) }
        } else {
            newerCount = 0
            if let olderCount { matching = olderCount + records.count }
        }
        hasOlder = true
    }

    /// After a resize the page may not match the table: reload it from the top row on show.
    private mutating func fit(limit: Int, session: Session) throws {
        guard loaded, limit > 0, records.count > limit || (records.count < limit && hasOlder) else { return }
        let top = visibleOffset(visible: limit)
        guard records.indices.contains(top) else { return }
        let anchor = records[top]
        let keepKey = selectedRecord?.key
        let newer = newerCount.map { $0 + top }
        let wasNewer = hasNewer || top > 0
        // Records older than (time, key + 1) start with the anchor itself.
        try load(.olderThan(time: anchor.time, key: anchor.key + 1), limit: limit, session: session)
        hasNewer = wasNewer
        newerCount = newer
        if hasOlder {
            if let newer, let matching { olderCount = max(0, matching - newer - records.count) }
        } else {
            olderCount = 0
            if let newer { matching = newer + records.count }
        }
        selected = records.firstIndex { $0.key == keepKey } ?? 0
    }

    private mutating func load(_ position: PagePosition, limit: Int, session: Session) throws {
        let page = try session.collectedData.page(
            recordSet: recordSet, accountId: session.account.id, position: position, limit: max(1, limit),
            filter: filter)
        show(page, session: session)
    }

    private mutating func show(_ page: RecordPage, session: Session) {
        records = page.records
        hasOlder = page.hasOlder
        hasNewer = page.hasNewer
        loaded = true
        let columns = self.columns
        rows = records.map {
            RecordColumns.cells(
                of: $0, table: page.table, columns: columns, formats: session.formats, strings: session.strings)
        }
    }

    // MARK: - Position

    /// "records 21–40 of 1,000" (or the filtered form) for the line above the table.
    ///
    /// Counts the rows a table of `visible` rows shows, which after a resize may be fewer than the page.
    func position(strings: Strings, formats: Formats, visible: Int) -> String {
        guard !records.isEmpty else { return "" }
        let offset = visibleOffset(visible: visible)
        let count = min(records.count - offset, max(1, visible))
        if let newerCount {
            let from = formats.number(newerCount + offset + 1)
            let to = formats.number(newerCount + offset + count)
            if filter == nil {
                return strings("mydata.records.position", ["from": from, "to": to, "total": formats.number(total)])
            }
            if let matching {
                return strings(
                    "mydata.records.matchPositionOf", ["from": from, "to": to, "total": formats.number(matching)])
            }
            return strings("mydata.records.matchPosition", ["from": from, "to": to])
        }
        if let olderCount, olderCount == 0 {
            return strings.plural("mydata.records.oldestMatches", count: count)
        }
        return strings.plural("mydata.records.someMatches", count: count)
    }
}
