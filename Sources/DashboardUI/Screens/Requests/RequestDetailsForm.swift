import Foundation
import PrivacyModel
import TerminalKit

/// The wizard's details step for one right and scope: a correction's new value, the note, an export's
/// choices or an erasure's dry run, and which field has focus.
///
/// The wizard keeps it when the subscriber steps back, so coming forward with the same right and scope
/// shows the same typed text; another right or scope starts a new form.
struct RequestDetailsForm {
    /// Which field has focus.
    enum Field {
        /// A correction's new value.
        case newValue
        /// A portability export's category checklist.
        case categories
        /// A portability export's first day.
        case since
        /// A portability export's last day.
        case until
        /// The folder an export is written to.
        case folder
        /// The free-text note.
        case note
    }

    /// What Enter did on the form.
    enum Entry {
        /// The focus moved on to the next field.
        case focusMoved
        /// Something is missing or wrong: the message says what (the focus is on that field).
        case refused(Flash)
        /// The details are complete: the wizard goes on to the identity check.
        case complete
    }

    /// The right the details were typed for.
    let kind: RightKind
    /// The scope the details were typed for.
    let scope: RequestScope
    /// The value held now for a correction's field (nil when not recorded).
    private(set) var currentValue: String?
    /// A correction's new value.
    private(set) var newValue = TextField(maxLength: 500)
    /// The free-text note.
    private(set) var note = TextField(maxLength: RequestDetails.maximumLength)
    /// The focused field.
    var focus: Field = .note
    /// The folder, categories and days of an access or portability export.
    private(set) var exportChoices: RequestExportChoices?
    /// The dry run of an erasure, read again each time the step is shown.
    var erasurePlan: ErasurePlan?
    /// An access or portability request filed whose export failed or was stopped: a retry completes it.
    var resumableReference: String?

    /// An empty form for a right and scope, with the held value of a correction's field read from the store.
    @MainActor
    init(kind: RightKind, scope: RequestScope, session: Session) throws {
        self.kind = kind
        self.scope = scope
        let effect = RequestEffect.of(kind, scope)
        if effect.exports {
            exportChoices = RequestExportChoices(
                portability: effect == .portability, categoryIds: session.catalogue.categories.map(\.id),
                defaultFolder: session.context.settings.sharedBox == nil ? ExportLocation.defaultFolder() : nil)
        }
        if asksNewValue {
            currentValue = try ProfileField.currentValue(
                scope.value, accountId: session.account.id, context: session.context)
            focus = .newValue
        } else {
            focus = fields.first ?? .note
        }
    }

    /// What happens after the identity check.
    var effect: RequestEffect { RequestEffect.of(kind, scope) }

    /// Whether the form asks for a new value (a correction of a named field).
    var asksNewValue: Bool {
        kind == .correction && scope.kind == .field && scope.value != RequestScope.otherField
    }

    /// Whether the note must be filled in (a correction of data without a named field).
    var requiresNote: Bool { kind == .correction && scope.value == RequestScope.otherField }

    /// The fields, in focus order.
    var fields: [Field] {
        if asksNewValue { return [.newValue, .note] }
        if let choices = exportChoices {
            let folder: [Field] = choices.asksFolder ? [.folder] : []
            return (choices.portability ? [.note, .categories, .since, .until] : [.note]) + folder
        }
        return [.note]
    }

    /// Whether anything was typed (closing would lose it).
    var hasTypedInput: Bool { !newValue.isEmpty || !note.isEmpty || exportChoices?.hasTypedInput == true }

    /// The details as filed: field, held and new value for a correction; the note for anything.
    var details: RequestDetails {
        let noteText = note.text.isBlank ? nil : note.text
        guard kind == .correction else { return RequestDetails(note: noteText) }
        guard scope.value != RequestScope.otherField else { return RequestDetails(field: scope.value, note: noteText) }
        return RequestDetails(
            field: scope.value, currentValue: currentValue, requestedValue: newValue.text, note: noteText)
    }

    /// Moves the focus to the next (or previous) field, wrapping around.
    mutating func moveFocus(by step: Int) {
        let fields = fields
        guard fields.count > 1 else { return }
        let index = fields.firstIndex(of: focus) ?? 0
        focus = fields[(index + step + fields.count) % fields.count]
    }

    /// Up and Down move in the category checklist while it has focus, and between fields past its ends.
    mutating func move(by step: Int) {
        if focus == .categories, exportChoices?.moveCursor(by: step) == true { return }
        moveFocus(by: step)
    }

    /// A key typed into the focused field (or the checklist's keys).
    mutating func handle(_ key: Key) {
        switch focus {
        case .newValue where asksNewValue: _ = newValue.handle(key)
        case .categories: exportChoices?.handleChecklist(key)
        case .since: _ = exportChoices?.since.handle(key)
        case .until: _ = exportChoices?.until.handle(key)
        case .folder: _ = exportChoices?.folder.handle(key)
        default: _ = note.handle(key)
        }
    }

    /// Enter: from a filled new value on to the note; otherwise checks that nothing is missing and that the model
    /// takes the typed texts.
    @MainActor
    mutating func enter(session: Session) -> Entry {
        if asksNewValue && focus == .newValue && !newValue.text.isBlank {
            focus = .note
            return .focusMoved
        }
        if asksNewValue && newValue.text.isBlank {
            let field = RequestText.fieldName(scope.value, session: session)
            focus = .newValue
            return .refused(
                Flash(text: session.strings("requests.wizard.newValueMissing", ["field": field]), kind: .warning))
        }
        if requiresNote && note.text.isBlank {
            return .refused(Flash(text: session.strings["requests.wizard.noteMissing"], kind: .warning))
        }
        if let choices = exportChoices, case .failure(let problem) = choices.checked(session: session) {
            switch problem.key {
            case "requests.export.folderMissing": focus = .folder
            case "requests.export.noCategory": focus = .categories
            case "requests.export.untilInvalid", "requests.export.untilBeforeSince": focus = .until
            default: focus = .since
            }
            return .refused(Flash(text: session.strings(problem.key, ["text": problem.text]), kind: .warning))
        }
        do {
            try details.checkTexts()
        } catch {
            return .refused(Flash(text: session.message(for: error), kind: .warning))
        }
        return .complete
    }
}

extension String {
    /// Whether the text is empty or only spaces.
    fileprivate var isBlank: Bool { trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
}
