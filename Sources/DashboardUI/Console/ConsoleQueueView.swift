import PrivacyModel
import TerminalKit

/// The staff console's queue: the counts on top, the filters, a search field and the open requests, what falls
/// due first first, loaded a page at a time.
@MainActor
struct ConsoleQueueView {
    /// Entries loaded per page: more than a large terminal shows, so the first frame needs one small query.
    static let pageSize = 100

    private(set) var filter = StaffQueueFilter()
    private(set) var entries: [StaffQueueEntry] = []
    private(set) var counts: StaffQueueCounts?
    private(set) var list = ListState()
    /// The search being typed, while the field has focus.
    private(set) var search: TextField?
    /// The dialog filing a request for a subscriber, while open.
    private(set) var behalf: ConsoleBehalfDialog?
    private var hasMore = false
    private var loadError: String?

    /// Reads the first page and the counts again (on start, after a filter change, back from a request).
    mutating func reload(session: ConsoleSession) {
        let staff = session.staff
        do {
            counts = staff.may(.viewQueueFigures) ? try session.queue.counts(filter: filter) : nil
            guard staff.may(.viewQueue) else {
                entries = []
                hasMore = false
                loadError = session.message(for: StaffError.notPermitted(role: staff.role, action: .viewQueue))
                return
            }
            entries = try session.queue.page(filter: filter, limit: Self.pageSize)
            hasMore = entries.count == Self.pageSize
            loadError = nil
        } catch {
            entries = []
            counts = nil
            hasMore = false
            loadError = session.message(for: error)
        }
        list.clamp(count: entries.count)
    }

    /// Appends the next page when the selection nears the end of what is loaded.
    private mutating func loadMoreIfNeeded(session: ConsoleSession, page: Int) {
        guard hasMore, list.selected >= entries.count - max(1, page), let last = entries.last else { return }
        do {
            let next = try session.queue.page(
                filter: filter, after: StaffQueueCursor(after: last), limit: Self.pageSize)
            entries += next
            hasMore = next.count == Self.pageSize
        } catch {
            hasMore = false
            session.show(error: error)
        }
    }

    var contexts: [BindingContext] { capturesText ? [.textField] : [.consoleQueue] }
    var capturesText: Bool { search != nil || behalf != nil }
    /// Whether a search or a request for a subscriber is half typed.
    var hasUnsavedInput: Bool { search?.isEmpty == false || behalf?.hasUnsavedInput == true }
    /// The queue's keys, for a role that may see the queue (filing for a subscriber when the role may).
    func hintActions(staff: StaffIdentity) -> [Action] {
        guard staff.may(.viewQueue) else { return [] }
        guard !capturesText else { return [.select, .back] }
        let filing: [Action] = staff.may(.fileOnBehalf) ? [.fileOnBehalf] : []
        let register: [Action] = staff.may(.viewBreaches) ? [.breachRegister] : []
        return [.select, .searchQueue, .filterStatus, .filterRight, .filterOverdue] + filing + register
    }

    /// Handles one key.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> ConsoleOutcome {
        guard session.staff.may(.viewQueue) else { return .ignored }
        if search != nil { return updateSearch(input, session: session) }
        if behalf != nil { return updateBehalf(input, session: session) }
        let page = max(1, Self.tableArea(in: input.area).height - 1)
        if list.apply(input.action, count: entries.count, page: page) {
            loadMoreIfNeeded(session: session, page: page)
            return .handled
        }
        switch input.action {
        case .select:
            guard entries.indices.contains(list.selected) else { return .handled }
            guard session.staff.may(.readSubscriberData) else {
                session.show(error: StaffError.notPermitted(role: session.staff.role, action: .readSubscriberData))
                return .handled
            }
            return .open(reference: entries[list.selected].request.reference)
        case .filterStatus:
            filter.status = Self.next(after: filter.status, in: RequestStatus.open)
        case .filterRight:
            filter.right = Self.next(after: filter.right, in: RightKind.allCases)
        case .filterOverdue:
            filter.overdueOnly.toggle()
        case .searchQueue:
            search = TextField(text: filter.search, maxLength: 254)
            return .handled
        case .fileOnBehalf:
            if session.staff.may(.fileOnBehalf) { behalf = ConsoleBehalfDialog(session: session) }
            return .handled
        case .back:
            guard !filter.isEmpty else { return .ignored }
            filter = StaffQueueFilter()
        default:
            return .ignored
        }
        list = ListState()
        reload(session: session)
        return .handled
    }

    /// The value after `current` in `values`, then none (all) again.
    private static func next<Value: Equatable>(after current: Value?, in values: [Value]) -> Value? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }

    private mutating func updateSearch(_ input: ScreenInput, session: ConsoleSession) -> ConsoleOutcome {
        switch input.action {
        case .select:
            filter.search = search?.text.trimmingCharacters(in: .whitespaces) ?? ""
            search = nil
            list = ListState()
            reload(session: session)
        case .back:
            search = nil
        case .quit:
            return .ignored
        default:
            _ = search?.handle(input.key)
        }
        return .handled
    }

    private mutating func updateBehalf(_ input: ScreenInput, session: ConsoleSession) -> ConsoleOutcome {
        switch behalf?.update(input, session: session) {
        case .close?: behalf = nil
        case .filed(let reference)?:
            behalf = nil
            return .open(reference: reference)
        case .passThrough?: return .ignored
        case .stay?, nil: break
        }
        return .handled
    }

    // MARK: Rendering

    /// Rows above the table: counts, filters, search.
    private static let headerRows = 4

    private static func tableArea(in area: Rect) -> Rect { area.splitTop(headerRows).rest }

    /// Draws the queue's figures (open / due within the receipt window / overdue) on one line: the queue and the
    /// auditor's view show the same line.
    static func drawCounts(
        _ counts: StaffQueueCounts, into canvas: inout Canvas, x: Int, y: Int, width: Int, session: ConsoleSession
    ) {
        let line = session.strings(
            "console.queue.counts",
            [
                "open": session.formats.number(counts.open), "soon": session.formats.number(counts.dueSoon),
                "overdue": session.formats.number(counts.overdue),
                "hours": String(session.catalogue.deadlines.receiptHours),
            ])
        canvas.write(line, x: x, y: y, width: width, style: counts.overdue > 0 ? .warning : .heading)
    }

    /// Draws the queue into `area`.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession) {
        let strings = session.strings
        let width = area.width - 2
        let x = area.x + 1
        if let counts {
            ConsoleQueueView.drawCounts(counts, into: &canvas, x: x, y: area.y, width: width, session: session)
        }
        canvas.write(
            filterLine(session: session, glyphs: canvas.glyphs), x: x, y: area.y + 1, width: width, style: .muted)
        let label = strings["console.queue.searchLabel"] + " "
        let used = canvas.write(label, x: x, y: area.y + 2, width: width, style: .heading)
        if let search {
            search.render(into: &canvas, x: x + used, y: area.y + 2, width: max(1, width - used), focused: true)
        } else {
            let shown = filter.search.isEmpty ? strings["console.queue.noSearch"] : filter.search
            canvas.write(shown, x: x + used, y: area.y + 2, width: max(1, width - used), style: .normal)
        }
        let table = Self.tableArea(in: area)
        if let loadError {
            canvas.write(loadError, x: x, y: table.y, width: width, style: .danger)
            return
        }
        guard !entries.isEmpty else {
            let key = counts?.open == 0 ? "console.queue.empty" : "console.queue.noMatch"
            canvas.write(strings[key], x: x, y: table.y, width: width, style: .muted)
            behalf?.render(into: &canvas, area: area, session: session)
            return
        }
        let wide = table.width >= 110
        let rows = entries.map { Self.cells($0, wide: wide, session: session) }
        let styles: [Style?] = entries.map { $0.isPastDue ? .danger : nil }
        TableView.render(
            into: &canvas, area: table, columns: Self.columns(wide: wide, strings: strings), rows: rows,
            selected: list.selected, offset: list.visibleOffset(visible: table.height - 1), focused: search == nil,
            styles: styles)
        behalf?.render(into: &canvas, area: area, session: session)
    }

    private func filterLine(session: ConsoleSession, glyphs: Glyphs) -> String {
        let strings = session.strings
        let all = strings["console.queue.all"]
        var line = strings(
            "console.queue.filters",
            [
                "status": filter.status.map { RequestText.status($0, session: session) } ?? all,
                "right": filter.right.map { RequestText.rightName($0, session: session) } ?? all,
                "overdue": strings[filter.overdueOnly ? "console.queue.yes" : "console.queue.no"],
            ])
        if let counts, !filter.isEmpty {
            line +=
                glyphs.separator
                + strings("console.queue.matching", ["count": session.formats.number(counts.matching)])
        }
        return line
    }

    private static func columns(wide: Bool, strings: Strings) -> [TableColumn] {
        func title(_ key: String) -> String { strings["console.column.\(key)"] }
        if wide {
            return [
                TableColumn(title("reference"), width: 12), TableColumn(title("right"), width: 14),
                TableColumn(title("scope"), minWidth: 10), TableColumn(title("status"), width: 14),
                TableColumn(title("receiptDue"), width: 16, alignRight: true),
                TableColumn(title("answerDue"), width: 16, alignRight: true),
                TableColumn(title("daysLeft"), width: 6, alignRight: true), TableColumn(title("marks"), width: 24),
            ]
        }
        return [
            TableColumn(title("reference"), width: 12), TableColumn(title("right"), width: 11),
            TableColumn(title("status"), width: 14), TableColumn(title("nextDue"), width: 10, alignRight: true),
            TableColumn(title("daysLeft"), width: 5, alignRight: true), TableColumn(title("marks"), minWidth: 8),
        ]
    }

    private static func cells(_ entry: StaffQueueEntry, wide: Bool, session: ConsoleSession) -> [String] {
        let request = entry.request
        let marks = ConsoleText.marks(entry, session: session)
        let days = session.formats.number(entry.daysLeft)
        let right = RequestText.rightName(request.type, session: session)
        let status = RequestText.status(request.status, session: session)
        guard wide else {
            return [request.reference, right, status, session.formats.date(entry.nextDueAt), days, marks]
        }
        return [
            request.reference, right, RequestText.scope(request.scope, session: session), status,
            session.formats.dateTime(entry.receiptDueAt), RequestText.due(request, session: session), days, marks,
        ]
    }
}
