import Foundation
import PrivacyModel
import TerminalKit

/// Screen 2: every category of personal data held, why and for how long, and the records themselves.
///
/// Three panes take focus in turn with Tab: the category list, the details of the selected category
/// (or, for viewing history, its charts) and the records table, paged by keyset from the store.
/// Summaries are read once in `activate`; each navigation key reads one page at most.
struct MyDataScreen: DashboardScreen {
    /// The panes that take focus.
    enum Pane: Int, Sendable, CaseIterable {
        /// The category list.
        case categories
        /// The details (or charts).
        case details
        /// The records table.
        case records
    }

    /// When cached viewing statistics are still right: the set's count and newest record, and the window.
    struct StatisticsKey: Sendable, Equatable {
        let count: Int
        let newest: Date?
        let windowStart: Date
    }

    /// The record set whose category gets charts.
    static let viewingSet = "viewing-events"
    /// Records loaded when the table's size is not known yet (before the first key on this screen).
    static let unknownPageSize = 100

    let id = ScreenID.myData
    var contexts: [BindingContext] { [.myData] }

    var summaries: [CategorySummary] = []
    var list = ListState()
    var focus = Pane.categories
    var detailScroll = 0
    var setIndex = 0
    var browser: RecordBrowser?
    var filterField: TextField?
    var chartsMode = false
    var statistics: ViewingStatistics?
    var statisticsKey: StatisticsKey?
    var lastArea: Rect?
    /// The correction dialog for the selected record, while it is open.
    var correction: RecordCorrectionDialog?
    /// The selected record read whole, while it is open.
    var viewer: RecordViewer?
    /// The dialog lifting the selected category's restriction, while it is open.
    var lifting: RestrictionLiftDialog?
    /// The account's standing objections, read in `activate` (the details mark the purposes objected to).
    var objections: [Objection] = []

    var capturesText: Bool { filterField != nil || correction != nil || lifting?.capturesText == true }

    var hasUnsavedInput: Bool { correction?.hasTypedInput ?? lifting?.hasUnsavedInput ?? false }

    var hasPendingWork: Bool { (lifting?.hasPendingWork ?? false) || (browser?.isSearching ?? false) }

    var hintActions: [Action] {
        if let lifting { return lifting.hintActions }
        if filterField != nil || correction != nil { return [.select, .back] }
        if viewer != nil { return [.pageDown, .last, .back] }
        var actions: [Action] = [.nextFocus, .filter]
        if selectedSummary?.isRestricted == true { actions.append(.liftRestriction) }
        if focus == .records { actions += [.select, .pageDown, .last, .correctRecord] }
        if isViewing { actions.append(.showCharts) }
        if focus == .records, (selectedSummary?.sets.count ?? 0) > 1 { actions.append(.right) }
        return actions
    }

    func hintLabels(strings: Strings) -> [Action: String] {
        if let lifting { return lifting.hintLabels(strings: strings) }
        if filterField != nil {
            return [.select: strings["mydata.hint.apply"], .back: strings["mydata.hint.clear"]]
        }
        if correction != nil {
            return [.select: strings["mydata.hint.fileCorrection"], .back: strings["mydata.hint.cancel"]]
        }
        var labels = [Action.right: strings["mydata.hint.nextSet"], .select: strings["mydata.hint.readRecord"]]
        if chartsActive { labels[.showCharts] = strings["mydata.hint.details"] }
        return labels
    }

    /// The selected category's summary.
    var selectedSummary: CategorySummary? {
        summaries.indices.contains(list.selected) ? summaries[list.selected] : nil
    }

    /// Whether the selected category is viewing history (the one with charts).
    var isViewing: Bool { selectedSummary?.category.recordSets.contains { $0.id == Self.viewingSet } ?? false }

    /// Whether the charts take the right side now.
    var chartsActive: Bool { chartsMode && isViewing }

    /// The panes' rectangles for a content area.
    func layout(for area: Rect) -> MyDataLayout {
        MyDataLayout(
            area: area, chartsMode: chartsActive, chartsWanted: isViewing ? ViewingCharts.rowsWanted(statistics) : 0,
            recordsHeld: browser?.total)
    }

    // MARK: - Loading

    mutating func activate(session: Session) {
        filterField = nil
        correction = nil
        viewer = nil
        lifting = nil
        loadSummaries(session: session)
        list.clamp(count: summaries.count)
        let keptFilter = browser?.filter
        openSet(session: session, filter: keptFilter)
        refreshStatistics(session: session)
    }

    /// Reads the categories' summaries and the standing objections again.
    private mutating func loadSummaries(session: Session) {
        do {
            summaries = try session.collectedData.summaries(accountId: session.account.id)
            objections = try ObjectionService(context: session.context).objections(accountId: session.account.id)
        } catch {
            summaries = []
            objections = []
            session.show(error: error)
        }
    }

    /// Records per page for the current layout (generous before the first key tells the size).
    var pageSize: Int { lastArea.map { layout(for: $0).pageSize } ?? Self.unknownPageSize }

    /// Opens the selected set of the selected category at its newest records.
    mutating func openSet(session: Session, filter: String? = nil) {
        guard let summary = selectedSummary, summary.category.recordSets.indices.contains(setIndex) else {
            browser = nil
            return
        }
        let id = summary.category.recordSets[setIndex].id
        let total = summary.sets.first { $0.id == id }?.count ?? 0
        var fresh = RecordBrowser(recordSet: id, total: total)
        // The table's size depends on the set (a set of few records gets a small table).
        browser = fresh
        let limit = pageSize
        do {
            try fresh.apply(filter: filter, limit: limit, session: session)
        } catch {
            session.show(error: error)
        }
        browser = fresh
    }

    /// Adds up the viewing charts when viewing history is selected and they are missing or out of date.
    ///
    /// The sums read the weekly rollup (a few hundred rows at most, however long the history), and are
    /// kept until the viewing records or the week change, not read again on every key.
    mutating func refreshStatistics(session: Session) {
        guard isViewing, let summary = selectedSummary else { return }
        let set = summary.sets.first { $0.id == Self.viewingSet }
        let key = StatisticsKey(
            count: set?.count ?? 0, newest: set?.newest,
            windowStart: CollectedDataService.viewingWindowStart(end: session.now, weeks: ViewingCharts.weeks))
        guard key != statisticsKey else { return }
        do {
            statistics = try session.collectedData.viewingStatistics(
                accountId: session.account.id, weeks: ViewingCharts.weeks, end: session.now)
            statisticsKey = key
        } catch {
            statistics = nil
            statisticsKey = nil
            session.show(error: error)
        }
    }

    // MARK: - Keys

    mutating func update(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        lastArea = input.area
        if browser?.isSearching == true { return updateSearching(input, session: session) }
        if filterField != nil { return updateFilter(input, session: session) }
        if correction != nil { return updateCorrection(input, session: session) }
        if var open = viewer {
            viewer = open.update(input) ? open : nil
            return .handled
        }
        if lifting != nil { return updateLifting(input, session: session) }
        switch input.action {
        case .liftRestriction:
            guard let summary = selectedSummary, summary.isRestricted else {
                session.show(session.strings["mydata.lift.notRestricted"], .info)
                return .handled
            }
            lifting = RestrictionLiftDialog(categoryId: summary.category.id)
            return .handled
        case .correctRecord:
            openCorrection(session: session)
            return .handled
        case .nextFocus:
            moveFocus(by: 1)
            return .handled
        case .previousFocus:
            moveFocus(by: -1)
            return .handled
        case .filter:
            guard browser != nil else { return .handled }
            chartsMode = false
            focus = .records
            filterField = TextField(text: browser?.filter ?? "", maxLength: 100)
            return .handled
        case .showCharts:
            toggleCharts(session: session)
            return .handled
        default:
            break
        }
        switch focus {
        case .categories: return updateCategories(input, session: session)
        case .details: return updateDetails(input, session: session)
        case .records: return updateRecords(input, session: session)
        }
    }

    /// Opens the correction dialog for the selected record, or says in the status line why not.
    private mutating func openCorrection(session: Session) {
        guard focus == .records, !chartsActive, let records = browser, let record = records.selectedRecord else {
            session.show(session.strings["mydata.correct.selectRecord"], .info)
            return
        }
        switch RecordCorrectionDialog.make(recordSet: records.recordSet, record: record, session: session) {
        case .success(let dialog): correction = dialog
        case .failure(let problem):
            let name =
                session.catalogue.categories.lazy.flatMap(\.recordSets).first { $0.id == records.recordSet }?.name
                ?? records.recordSet
            session.show(session.strings(problem.key, ["set": name]), .warning)
        }
    }

    private mutating func updateLifting(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        guard var dialog = lifting else { return .ignored }
        let outcome = dialog.update(input, session: session)
        lifting = dialog
        return apply(outcome, session: session)
    }

    /// The password check and the lift, once the frame saying "checking your password" is on screen.
    mutating func performPendingWork(session: Session) -> ScreenOutcome {
        if var records = browser, records.isSearching {
            do {
                try records.continueSearch(session: session)
            } catch {
                session.show(error: error)
            }
            browser = records
            return .handled
        }
        guard var dialog = lifting, dialog.hasPendingWork else { return .handled }
        let outcome = dialog.performPendingWork(session: session)
        lifting = dialog
        return apply(outcome, session: session)
    }

    private mutating func apply(_ outcome: RestrictionLiftDialog.Outcome, session: Session) -> ScreenOutcome {
        let (result, lifted) = RestrictionLiftDialog.settle(outcome, dialog: &lifting)
        if lifted { loadSummaries(session: session) }
        return result
    }

    private mutating func updateCorrection(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        guard var dialog = correction else { return .ignored }
        switch dialog.update(input, session: session) {
        case .stay: correction = dialog
        case .close: correction = nil
        case .filed(let request):
            correction = nil
            session.show(session.strings("mydata.correct.filed", ["reference": request.reference]), .success)
        }
        return .handled
    }

    private mutating func moveFocus(by step: Int) {
        let panes: [Pane] = chartsActive ? [.categories, .details] : Pane.allCases
        let index = panes.firstIndex(of: focus) ?? 0
        focus = panes[(index + step + panes.count) % panes.count]
    }

    private mutating func toggleCharts(session: Session) {
        guard isViewing else {
            session.show(session.strings["mydata.charts.onlyViewing"])
            return
        }
        chartsMode.toggle()
        if chartsMode && focus == .records { focus = .details }
        refreshStatistics(session: session)
    }

    private mutating func updateCategories(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        switch input.action {
        case .up, .down, .pageUp, .pageDown, .first, .last:
            let before = list.selected
            _ = list.apply(input.action, count: summaries.count, page: layout(for: input.area).listRows)
            if list.selected != before { categoryChanged(session: session) }
            return .handled
        case .right, .select:
            focus = .details
            return .handled
        default:
            return .ignored
        }
    }

    /// Selects a category another screen pointed at (the overview), with the category list focused;
    /// a different category starts at its first record set, newest records, as choosing it here would.
    mutating func reveal(_ item: String, session: Session) {
        guard let index = summaries.firstIndex(where: { $0.category.id == item }) else { return }
        filterField = nil
        focus = .categories
        let before = list.selected
        list.select(index, count: summaries.count)
        if list.selected != before || browser == nil { categoryChanged(session: session) }
    }

    private mutating func categoryChanged(session: Session) {
        setIndex = 0
        detailScroll = 0
        openSet(session: session)
        refreshStatistics(session: session)
    }

    private mutating func updateDetails(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        let layout = layout(for: input.area)
        let visible = max(1, layout.detailsText.height)
        let lineCount =
            chartsActive
            ? 0
            : detailLines(width: layout.detailsText.width, session: session, bullet: "•").count
        let bottom = max(0, lineCount - visible)
        switch input.action {
        case .up: detailScroll -= 1
        case .down: detailScroll += 1
        case .pageUp: detailScroll -= visible
        case .pageDown: detailScroll += visible
        case .first: detailScroll = 0
        case .last: detailScroll = bottom
        case .left, .back: focus = .categories
        case .right, .select: focus = chartsActive ? .details : .records
        default: return .ignored
        }
        detailScroll = min(max(0, detailScroll), bottom)
        return .handled
    }

    /// The details of the selected category at a width.
    func detailLines(width: Int, session: Session, bullet: Character) -> [DetailLine] {
        guard let summary = selectedSummary else { return [] }
        return CategoryDetails.lines(
            for: summary, objections: objections, width: width, catalogue: session.catalogue, strings: session.strings,
            formats: session.formats, bullet: bullet)
    }

    private mutating func updateRecords(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        guard var records = browser else {
            if input.action == .back || input.action == .left {
                focus = .categories
                return .handled
            }
            return .ignored
        }
        let limit = layout(for: input.area).pageSize
        do {
            switch input.action {
            case .up: try records.up(limit: limit, session: session)
            case .down: try records.down(limit: limit, session: session)
            case .pageUp: try records.pageUp(limit: limit, session: session)
            case .pageDown: try records.pageDown(limit: limit, session: session)
            case .first: try records.first(limit: limit, session: session)
            case .last: try records.last(limit: limit, session: session)
            case .select:
                if let record = records.selectedRecord {
                    viewer = RecordViewer.make(recordSet: records.recordSet, record: record, session: session)
                }
                return .handled
            case .left, .right:
                let count = selectedSummary?.category.recordSets.count ?? 0
                guard count > 1 else {
                    if input.action == .left { focus = .details }
                    return .handled
                }
                setIndex = (setIndex + (input.action == .right ? 1 : count - 1)) % count
                openSet(session: session)
                return .handled
            case .back:
                if records.filter != nil {
                    try records.apply(filter: nil, limit: limit, session: session)
                } else {
                    focus = .categories
                }
            default:
                return .ignored
            }
        } catch {
            session.show(error: error)
        }
        browser = records
        return .handled
    }

    private mutating func updateFilter(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        guard var field = filterField else { return .ignored }
        let limit = layout(for: input.area).pageSize
        switch input.action {
        case .select, .nextFocus, .previousFocus:
            filterField = nil
            applyFilter(field.text, limit: limit, session: session)
            return .handled
        case .back:
            filterField = nil
            applyFilter(nil, limit: limit, session: session)
            return .handled
        case .up, .down:
            return .handled
        case nil:
            _ = field.handle(input.key)
            filterField = field
            return .handled
        default:
            return .ignored
        }
    }

    /// While a filter's search runs between frames: Esc stops it and clears the filter; other keys wait.
    private mutating func updateSearching(_ input: ScreenInput, session: Session) -> ScreenOutcome {
        guard input.action == .back, var records = browser else { return .handled }
        records.stopSearch()
        browser = records
        applyFilter(nil, limit: layout(for: input.area).pageSize, session: session)
        session.show(session.strings["mydata.filter.stopped"], .info)
        return .handled
    }

    private mutating func applyFilter(_ text: String?, limit: Int, session: Session) {
        guard var records = browser else { return }
        do {
            try records.apply(filter: text, limit: limit, session: session)
        } catch {
            session.show(error: error)
        }
        browser = records
    }
}
