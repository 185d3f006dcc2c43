import PrivacyModel
import TerminalKit

/// The subscriber's breach notices over the dashboard's screens: the sign-in gate (every unacknowledged notice,
/// one after another, before the Overview) or the Notices list opened from the Overview, with one notice read
/// full screen. Acknowledging goes through `BreachNoticeService`.
@MainActor
struct BreachNoticesView {
    /// What the layer asks of the dashboard after a key.
    enum Outcome {
        /// Keep showing the layer.
        case stay
        /// Close it and show the Overview.
        case close
        /// The key was not the layer's: close it and let the dashboard handle the key.
        case passThrough
    }

    /// The notices at sign-in, still to read, oldest first.
    private var gate: [BreachNotice]?
    /// The Notices list, newest first.
    private var notices: [BreachNotice] = []
    private var list = ListState()
    /// The notice read from the list, while open.
    private var reading: BreachNotice?
    private var scroll = 0
    /// How many notices the gate started with.
    private var gateSize = 0

    /// The sign-in gate when the account has notices to read; nil when it has none (or they cannot be read).
    static func gate(session: Session) -> BreachNoticesView? {
        guard
            let waiting = try? BreachNoticeService(context: session.context).unacknowledged(
                accountId: session.account.id), !waiting.isEmpty
        else { return nil }
        var view = BreachNoticesView()
        view.gate = waiting
        view.gateSize = waiting.count
        return view
    }

    /// The Notices list.
    static func list(session: Session) -> BreachNoticesView {
        var view = BreachNoticesView()
        view.reload(session: session)
        return view
    }

    /// Whether this is the sign-in gate (nothing else can be reached until it is done).
    var isGate: Bool { gate != nil }

    private var shown: BreachNotice? { gate?.first ?? reading }

    var contexts: [BindingContext] {
        guard let shown else { return [] }
        return shown.needsAcknowledgement ? [.notice] : []
    }

    var hintActions: [Action] {
        guard let shown else { return [.select, .back] }
        var actions: [Action] = shown.needsAcknowledgement ? [.acknowledgeNotice] : []
        actions += [.down, .pageDown]
        if !isGate { actions.append(.back) }
        return actions
    }

    private mutating func reload(session: Session) {
        do {
            notices = try BreachNoticeService(context: session.context).notices(accountId: session.account.id)
        } catch {
            notices = []
            session.show(error: error)
        }
        list.clamp(count: notices.count)
    }

    /// Handles one key.
    mutating func update(_ input: ScreenInput, session: Session) -> Outcome {
        if let notice = shown {
            switch input.action {
            case .acknowledgeNotice where notice.needsAcknowledgement:
                acknowledge(notice, session: session)
                return gate?.isEmpty == true ? .close : .stay
            case .up: scroll = max(0, scroll - 1)
            case .down: scroll += 1
            case .pageUp: scroll = max(0, scroll - max(1, input.area.height - 4))
            case .pageDown: scroll += max(1, input.area.height - 4)
            case .first: scroll = 0
            case .back where !isGate:
                reading = nil
                scroll = 0
            default: return isGate ? .stay : .passThrough
            }
            return .stay
        }
        if list.apply(input.action, count: notices.count, page: max(1, input.area.height - 4)) { return .stay }
        switch input.action {
        case .select:
            guard notices.indices.contains(list.selected) else { return .stay }
            reading = notices[list.selected]
            scroll = 0
            return .stay
        case .back: return .close
        default: return .passThrough
        }
    }

    private mutating func acknowledge(_ notice: BreachNotice, session: Session) {
        do {
            try BreachNoticeService(context: session.context).acknowledge(
                accountId: session.account.id, noticeId: notice.id)
            session.show(session.strings("notices.done", ["reference": notice.breach.reference]), .success)
        } catch {
            session.show(error: error)
        }
        scroll = 0
        if gate != nil {
            gate?.removeFirst()
        } else {
            reading = nil
            reload(session: session)
        }
    }

    // MARK: Rendering

    /// Draws the notice on show, or the list, into `area`.
    func render(into canvas: inout Canvas, area: Rect, session: Session) {
        let inner = Rect(x: area.x + 1, y: area.y, width: max(0, area.width - 2), height: area.height)
        guard inner.width > 4, inner.height > 1 else { return }
        let strings = session.strings
        if let notice = shown {
            var y = inner.y
            if let gate {
                let title = strings["notices.gate.title"]
                let progress = strings(
                    "notices.gate.progress",
                    ["index": session.formats.number(doneCount + 1), "count": session.formats.number(gateSize)])
                canvas.write(title, x: inner.x, y: y, width: inner.width, style: .warning)
                let room = inner.width - TextWidth.columns(of: title) - 2
                if room >= TextWidth.columns(of: progress) {
                    let width = TextWidth.columns(of: progress)
                    canvas.write(progress, x: inner.maxX - width, y: y, width: width, style: .muted)
                }
                y += 2
            }
            let lines = BreachNoticeText.lines(notice, session: session, width: inner.width)
            let visible = max(0, inner.maxY - y)
            let offset = min(scroll, max(0, lines.count - visible))
            for line in lines.dropFirst(offset).prefix(visible) {
                canvas.write(line.text, x: inner.x, y: y, width: inner.width, style: line.style)
                y += 1
            }
            return
        }
        canvas.write(strings["notices.list.title"], x: inner.x, y: inner.y, width: inner.width, style: .heading)
        let table = inner.splitTop(2).rest
        guard !notices.isEmpty else {
            canvas.write(strings["notices.list.empty"], x: inner.x, y: table.y, width: inner.width, style: .muted)
            return
        }
        func title(_ key: String) -> String { strings["notices.column.\(key)"] }
        TableView.render(
            into: &canvas, area: table,
            columns: [
                TableColumn(title("reference"), width: 10), TableColumn(title("discovered"), width: 12),
                TableColumn(title("status"), minWidth: 10), TableColumn(title("read"), minWidth: 14),
            ],
            rows: notices.map { notice in
                [
                    notice.breach.reference, session.formats.date(notice.breach.discoveredAt),
                    strings[notice.breach.status == .closed ? "notices.status.closed" : "notices.status.open"],
                    strings[notice.needsAcknowledgement ? "notices.read.no" : "notices.read.yes"],
                ]
            }, selected: list.selected, offset: list.visibleOffset(visible: table.height - 1), focused: true,
            styles: notices.map { $0.needsAcknowledgement ? .warning : nil })
    }

    /// How many gate notices were acknowledged so far.
    private var doneCount: Int { gateSize - (gate?.count ?? 0) }
}
