import Foundation
import PrivacyModel
import TerminalKit

/// What an access or portability request writes and where: the categories and days (from, to) of a
/// portability export, and the output folder (an editable path, prefilled with the default folder; on a shared
/// box there is no such field, as the files go to the subscriber's own folder there).
struct RequestExportChoices {
    /// The subscriber's choices, checked and ready for the fulfilment.
    struct Checked {
        /// The folder typed, or nil for the default folder (created when missing).
        let folder: String?
        /// The categories chosen, or nil for all of them.
        let categories: [String]?
        /// The first day exported, or nil for everything.
        let since: Date?
        /// The instant after the last day exported (the next day's start), or nil for up to now.
        let before: Date?
    }

    /// Whether the request is a portability export (with categories and a start date) rather than access.
    let portability: Bool
    /// Every category id, in catalogue order.
    let categoryIds: [String]
    /// The category ids switched off (all are on at first).
    private(set) var excluded: Set<String> = []
    /// The highlighted category.
    private(set) var cursor = 0
    /// The first day to export (YYYY-MM-DD), optional.
    var since = TextField(maxLength: 10)
    /// The last day to export (YYYY-MM-DD), optional; like the command line's `--until`.
    var until = TextField(maxLength: 10)
    /// The folder the files go into.
    var folder: TextField
    /// The folder offered at first, or nil on a shared box (no folder is asked for).
    let defaultFolder: String?

    /// Whether the subscriber may choose the folder (not on a shared box).
    var asksFolder: Bool { defaultFolder != nil }

    /// Rows the category checklist takes (two columns).
    var categoryRows: Int { (categoryIds.count + 1) / 2 }

    /// Choices with every category on, no days and the default folder (nil: a shared box's own folder).
    init(portability: Bool, categoryIds: [String], defaultFolder: String?) {
        self.portability = portability
        self.categoryIds = categoryIds
        self.defaultFolder = defaultFolder
        folder = TextField(text: defaultFolder ?? "", maxLength: 1000)
    }

    /// Whether anything differs from what was offered (closing would lose it).
    var hasTypedInput: Bool {
        !excluded.isEmpty || !since.isEmpty || !until.isEmpty || folder.text != (defaultFolder ?? "")
    }

    /// Whether a category is chosen.
    func isChosen(_ id: String) -> Bool { !excluded.contains(id) }

    /// Moves the highlight in the checklist; returns false at its ends (the focus leaves it).
    mutating func moveCursor(by step: Int) -> Bool {
        let next = cursor + step
        guard categoryIds.indices.contains(next) else { return false }
        cursor = next
        return true
    }

    /// The key table's checklist keys: tick the highlighted category, tick all (or none when all are
    /// ticked), or move to the other column.
    mutating func handleChecklist(_ key: Key) {
        if case .text(let text) = key {
            // A paste into the checklist means what its first characters typed one by one would (as typeahead
            // elsewhere, the rest is dropped: a megabyte of toggles helps nobody).
            for character in text.prefix(InputBurst.typeahead) { handleChecklist(.character(character)) }
            return
        }
        switch KeyBindings.action(for: key, contexts: [.checklist], textInput: false) {
        case .toggleItem:
            guard categoryIds.indices.contains(cursor) else { return }
            let id = categoryIds[cursor]
            if excluded.contains(id) { excluded.remove(id) } else { excluded.insert(id) }
        case .toggleAll:
            excluded = excluded.isEmpty ? Set(categoryIds) : []
        case .left, .right:
            let half = categoryRows
            let other = cursor < half ? cursor + half : cursor - half
            if categoryIds.indices.contains(other) { cursor = other }
        default:
            break
        }
    }

    /// Checks the choices; the error text is a strings key and its values.
    @MainActor
    func checked(session: Session) -> Result<Checked, ChoiceProblem> {
        let typed = folder.text.trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty || !asksFolder else {
            return .failure(ChoiceProblem(key: "requests.export.folderMissing"))
        }
        let path: String? = !asksFolder || typed == defaultFolder ? nil : (typed as NSString).expandingTildeInPath
        guard portability else { return .success(Checked(folder: path, categories: nil, since: nil, before: nil)) }
        let chosen = categoryIds.filter { !excluded.contains($0) }
        guard !chosen.isEmpty else { return .failure(ChoiceProblem(key: "requests.export.noCategory")) }
        var start: Date?
        let day = since.text.trimmingCharacters(in: .whitespaces)
        if !day.isEmpty {
            guard let date = UTCCalendar.day(day) else {
                return .failure(ChoiceProblem(key: "requests.export.sinceInvalid", text: day))
            }
            guard date < session.now else { return .failure(ChoiceProblem(key: "requests.export.sinceFuture")) }
            start = date
        }
        var before: Date?
        let last = until.text.trimmingCharacters(in: .whitespaces)
        if !last.isEmpty {
            guard let date = UTCCalendar.day(last) else {
                return .failure(ChoiceProblem(key: "requests.export.untilInvalid", text: last))
            }
            if let start, date < start { return .failure(ChoiceProblem(key: "requests.export.untilBeforeSince")) }
            before = UTCCalendar.dayAfter(date)
        }
        return .success(
            Checked(
                folder: path, categories: chosen.count == categoryIds.count ? nil : chosen, since: start,
                before: before))
    }
}

/// A choice the wizard cannot go on with: the strings key that explains it and the text it quotes.
struct ChoiceProblem: Error, Equatable {
    /// The strings key (its text may quote `{text}`).
    let key: String
    /// What was typed, for `{text}`.
    var text = ""
}
