import PrivacyModel
import TerminalKit

/// The auditor's view: the queue's figures and the audit chain's state on top, then the audit log newest first,
/// filtered by member of staff and by action, loaded a page at a time. Subscribers appear as account ids only.
@MainActor
struct ConsoleAuditView {
    /// Entries loaded per page.
    static let pageSize = 100

    private(set) var filter = AuditLogFilter()
    private(set) var lines: [AuditLogLine] = []
    private(set) var list = ListState()
    private var counts: StaffQueueCounts?
    private var chainBreak: AuditChain.Break?
    private var members: [StaffAccount] = []
    private var actions: [String] = []
    private var hasMore = false
    private var loadError: String?

    /// The view for a member of staff who may read the audit log, read at once; nil for any other role.
    static func open(session: ConsoleSession) -> ConsoleAuditView? {
        guard session.staff.may(.readAuditLog) else { return nil }
        var view = ConsoleAuditView()
        view.reload(session: session)
        return view
    }

    /// Reads the figures, the chain's state, the filter choices and the first page again (an audited reading).
    mutating func reload(session: ConsoleSession) {
        let staff = session.staff
        let log = StaffAuditLog(context: session.context)
        do {
            counts = staff.may(.viewQueueFigures) ? try session.queue.counts(filter: StaffQueueFilter()) : nil
            lines = try log.page(filter: filter, limit: Self.pageSize, by: staff)
            hasMore = lines.count == Self.pageSize
            chainBreak = try log.verify(by: staff)
            members = try log.staffMembers(by: staff)
            actions = try log.actions(by: staff)
            loadError = nil
        } catch {
            lines = []
            hasMore = false
            loadError = session.message(for: error)
        }
        list.clamp(count: lines.count)
    }

    private mutating func loadMoreIfNeeded(session: ConsoleSession, page: Int) {
        guard hasMore, list.selected >= lines.count - max(1, page), let last = lines.last else { return }
        do {
            let next = try StaffAuditLog(context: session.context).page(
                filter: filter, after: last.entry, limit: Self.pageSize, by: session.staff)
            lines += next
            hasMore = next.count == Self.pageSize
        } catch {
            hasMore = false
            session.show(error: error)
        }
    }

    let contexts: [BindingContext] = [.consoleAudit]
    let hintActions: [Action] = [.filterStaff, .filterAction, .breachRegister]

    /// Handles one key: scrolling, the two filters, Esc to clear them.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> ConsoleOutcome {
        let page = max(1, Self.tableArea(in: input.area).height - 1)
        if list.apply(input.action, count: lines.count, page: page) {
            loadMoreIfNeeded(session: session, page: page)
            return .handled
        }
        switch input.action {
        case .filterStaff:
            filter.staffId = Self.next(after: filter.staffId, in: members.map(\.id))
        case .filterAction:
            filter.action = Self.next(after: filter.action, in: actions)
        case .back:
            guard !filter.isEmpty else { return .ignored }
            filter = AuditLogFilter()
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

    // MARK: Rendering

    /// Rows above the table: figures, chain, filters and a blank.
    private static let headerRows = 4

    private static func tableArea(in area: Rect) -> Rect { area.splitTop(headerRows).rest }

    /// Draws the view into `area`.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession) {
        let strings = session.strings
        let width = area.width - 2
        let x = area.x + 1
        if let counts {
            ConsoleQueueView.drawCounts(counts, into: &canvas, x: x, y: area.y, width: width, session: session)
        }
        let table = Self.tableArea(in: area)
        if let loadError {
            canvas.write(loadError, x: x, y: table.y, width: width, style: .danger)
            return
        }
        if let chainBreak {
            canvas.write(
                strings("console.audit.chainBroken", ["entry": String(chainBreak.entryId)]), x: x, y: area.y + 1,
                width: width, style: .danger)
        } else {
            canvas.write(strings["console.audit.chainIntact"], x: x, y: area.y + 1, width: width, style: .success)
        }
        canvas.write(filterLine(session: session), x: x, y: area.y + 2, width: width, style: .muted)
        guard !lines.isEmpty else {
            canvas.write(strings["console.audit.noMatch"], x: x, y: table.y, width: width, style: .muted)
            return
        }
        TableView.render(
            into: &canvas, area: table, columns: Self.columns(strings: strings),
            rows: lines.map { Self.cells($0, session: session) }, selected: list.selected,
            offset: list.visibleOffset(visible: table.height - 1))
    }

    private func filterLine(session: ConsoleSession) -> String {
        let strings = session.strings
        let all = strings["console.queue.all"]
        let member = filter.staffId.flatMap { id in members.first { $0.id == id } }
        return strings(
            "console.audit.filters",
            [
                "staff": member.map { "\($0.pseudonym) \($0.username)" } ?? all,
                "action": filter.action.map { Self.actionWords($0, session: session) } ?? all,
            ])
    }

    private static func columns(strings: Strings) -> [TableColumn] {
        func title(_ key: String) -> String { strings["console.audit.column.\(key)"] }
        return [
            TableColumn(title("when"), width: 16), TableColumn(title("who"), minWidth: 12),
            TableColumn(title("role"), width: 9), TableColumn(title("action"), minWidth: 14),
            TableColumn(title("reason"), minWidth: 10), TableColumn(title("account"), width: 7, alignRight: true),
        ]
    }

    /// An entry's cells: who acted by pseudonym and username (or the actor in words), never a subscriber's name.
    private static func cells(_ line: AuditLogLine, session: ConsoleSession) -> [String] {
        let strings = session.strings
        let who: String
        if let pseudonym = line.staffPseudonym {
            who = "\(pseudonym) \(line.staffUsername ?? "")"
        } else {
            who = strings.optional("console.audit.actor.\(line.entry.actor)") ?? line.entry.actor
        }
        let reason: String
        switch line.reason {
        case .request(let reference): reason = strings("access.reason.request", ["reference": reference])
        case .ticket(let ticket): reason = strings("access.reason.ticket", ["ticket": ticket])
        case nil: reason = ""
        }
        return [
            session.formats.dateTime(line.at), who, line.role.map { strings["error.term.role.\($0.rawValue)"] } ?? "",
            actionWords(line.entry.action, session: session), reason, line.entry.accountId.map(String.init) ?? "",
        ]
    }

    /// An action code in the auditor's words where the strings have them (the subscriber's "who has seen my
    /// data" words speak to the subscriber, so they are not reused), else the code itself.
    private static func actionWords(_ action: String, session: ConsoleSession) -> String {
        session.strings.optional("console.audit.action.\(action)") ?? action
    }
}
