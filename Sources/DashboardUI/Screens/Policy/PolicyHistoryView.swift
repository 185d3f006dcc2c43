import Foundation
import PrivacyModel
import TerminalKit

/// Every policy version, the built-in one first, with its dates, kind, state and this subscriber's acknowledgement.
@MainActor
struct PolicyHistoryView {
    /// Where a version stands on the session's day.
    enum State: String {
        /// An older version a newer one replaced.
        case superseded
        /// The version that applies today.
        case inForce
        /// Published, applies later.
        case future
    }

    /// One version as listed.
    struct Entry {
        let version: PolicyVersion
        let isBuiltIn: Bool
        let state: State
        let acknowledgedAt: Date?
    }

    /// The versions, oldest first.
    let entries: [Entry]

    /// Reads the history and the account's acknowledgements.
    static func load(session: Session) throws -> PolicyHistoryView {
        let service = PolicyVersionService(context: session.context)
        let history = try service.history()
        let inForce = try service.versionInForce(on: session.now).version
        let acknowledged = Dictionary(
            try service.acknowledgements(accountId: session.account.id).map { ($0.version, $0.at) },
            uniquingKeysWith: { first, _ in first })
        let current = history.firstIndex { $0.version == inForce } ?? 0
        let entries = history.enumerated().map { index, version in
            Entry(
                version: version, isBuiltIn: index == 0,
                state: index < current ? .superseded : index == current ? .inForce : .future,
                acknowledgedAt: acknowledged[version.version] ?? nil)
        }
        return PolicyHistoryView(entries: entries)
    }

    /// Draws the title and the table into `area`, rows from `offset`.
    func render(into canvas: inout Canvas, area: Rect, offset: Int, session: Session) {
        guard area.height > 2 else { return }
        let strings = session.strings
        let formats = session.formats
        canvas.write(strings["policy.history.title"], x: area.x, y: area.y, width: area.width, style: .title)
        let columns = [
            TableColumn(strings["policy.history.version"], minWidth: 12),
            TableColumn(strings["policy.history.revised"], minWidth: 10),
            TableColumn(strings["policy.history.effective"], minWidth: 10),
            TableColumn(strings["policy.history.kind"], minWidth: 8),
            TableColumn(strings["policy.history.state"], minWidth: 8),
            TableColumn(strings["policy.history.acknowledged"], minWidth: 10),
        ]
        let rows = entries.map { entry -> OverviewTable.Row in
            let version = entry.version
            let effective = version.effectiveDay.map(formats.date) ?? version.effectiveDate
            let kind =
                entry.isBuiltIn
                ? strings["policy.history.first"]
                : strings[version.material ? "policy.history.material" : "policy.history.minor"]
            return OverviewTable.Row(
                cells: [
                    version.version, version.publishedAt.map(formats.date) ?? effective, effective, kind,
                    strings["policy.history.\(entry.state.rawValue)"],
                    entry.acknowledgedAt.map(formats.date) ?? strings["policy.history.notYet"],
                ],
                style: entry.state == .inForce ? .heading : entry.state == .superseded ? .muted : .normal)
        }
        let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2)
        OverviewTable.render(
            into: &canvas, area: table, columns: columns, rows: Array(rows.dropFirst(offset)), selected: nil,
            offset: 0)
    }
}
