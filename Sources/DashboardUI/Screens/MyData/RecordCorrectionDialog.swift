import Foundation
import PrivacyModel
import TerminalKit

/// The dialog that turns a wrong stored record into a correction request: the record's correctable
/// fields with the values held now, and the value one of them should have. Support reviews the request.
struct RecordCorrectionDialog {
    /// One correctable field of the record and what it holds now.
    struct Field: Equatable {
        /// The column's name.
        let name: String
        /// Its label in the records table.
        let label: String
        /// The value held now, as stored.
        let held: String
        /// What a new value must look like.
        let shape: CorrectableColumn.Shape
    }

    /// What the screen should do after a key.
    enum Result: Equatable {
        /// Keep the dialog open.
        case stay
        /// Close it without filing anything.
        case close
        /// A request was filed; close and say so.
        case filed(RightsRequest)
    }

    /// The record set.
    let recordSet: String
    /// The record set's display name.
    let setName: String
    /// The record's key.
    let recordKey: Int64
    /// The record's time.
    let recordTime: Date
    /// The fields that may be corrected, in table order.
    let fields: [Field]
    /// The highlighted field.
    private(set) var selected = 0
    /// The value it should have.
    private(set) var newValue = TextField(maxLength: RecordCorrectionService.maximumTextLength)
    /// A problem shown until the next attempt.
    private(set) var message: String?

    /// The dialog for a record, or nil (with the reason's strings key) when none of its fields can be corrected.
    @MainActor
    static func make(
        recordSet: String, record: StoredRecord, session: Session
    ) -> Swift.Result<RecordCorrectionDialog, ChoiceProblem> {
        let names = RecordCorrectionService(context: session.context).correctableFields(recordSet: recordSet)
        guard let table = RecordSetTable.named(recordSet), !names.isEmpty else {
            return .failure(ChoiceProblem(key: "mydata.correct.notCorrectable"))
        }
        let fields = names.compactMap { name -> Field? in
            guard let column = table.correctable.first(where: { $0.name == name }),
                let index = table.columns.firstIndex(of: name)
            else { return nil }
            let held = record.values.indices.contains(index) ? record.values[index].text : ""
            return Field(name: name, label: session.strings["mydata.column.\(name)"], held: held, shape: column.shape)
        }
        guard !fields.isEmpty else { return .failure(ChoiceProblem(key: "mydata.correct.notCorrectable")) }
        let setName =
            session.catalogue.categories.lazy.flatMap(\.recordSets).first { $0.id == recordSet }?.name ?? recordSet
        return .success(
            RecordCorrectionDialog(
                recordSet: recordSet, setName: setName, recordKey: record.key, recordTime: record.time, fields: fields))
    }

    /// Whether a new value was typed.
    var hasTypedInput: Bool { !newValue.isEmpty }

    /// Handles one key: up and down choose the field, typing fills the new value, Enter files, Esc closes.
    @MainActor
    mutating func update(_ input: ScreenInput, session: Session) -> Result {
        switch input.action {
        case .back: return .close
        case .up, .down, .nextFocus, .previousFocus:
            let step = input.action == .up || input.action == .previousFocus ? -1 : 1
            let next = (selected + step + fields.count) % fields.count
            if next != selected {
                selected = next
                newValue = TextField(maxLength: newValue.maxLength)
                message = nil
            }
            return .stay
        case .select:
            return file(session: session)
        default:
            _ = newValue.handle(input.key)
            return .stay
        }
    }

    /// Files the correction request with the value held now and the new one.
    @MainActor
    private mutating func file(session: Session) -> Result {
        guard fields.indices.contains(selected) else { return .stay }
        let field = fields[selected]
        guard !newValue.text.trimmingCharacters(in: .whitespaces).isEmpty else {
            message = session.strings("mydata.correct.valueMissing", ["field": field.label])
            return .stay
        }
        do {
            let request = try RecordCorrectionService(context: session.context).request(
                accountId: session.account.id, recordSet: recordSet, recordKey: recordKey, field: field.name,
                newValue: newValue.text)
            return .filed(request)
        } catch RequestError.duplicate(let existing) {
            message = session.strings("mydata.correct.duplicate", ["reference": existing])
        } catch {
            message = session.message(for: error)
        }
        return .stay
    }

    // MARK: Drawing

    /// Draws the dialog over the screen `area`.
    @MainActor
    func render(into canvas: inout Canvas, area: Rect, session: Session, labels: [Action: String]) {
        let strings = session.strings
        let height = min(area.height, fields.count + 12)
        let inner = Dialog.frame(
            into: &canvas, area: area, width: min(area.width - 2, 70), height: height,
            title: strings["mydata.correct.title"])
        guard inner.width > 10, inner.height > 4 else { return }
        var y = inner.y
        canvas.write(
            strings(
                "mydata.correct.record", ["set": setName, "date": session.formats.dateTime(recordTime)]),
            x: inner.x, y: y, width: inner.width, style: .heading)
        y += 2
        let labelWidth = min(inner.width / 3, fields.map { TextWidth.columns(of: $0.label) }.max() ?? 0)
        for (index, field) in fields.enumerated() where y < inner.maxY - 6 {
            let isSelected = index == selected
            let style: Style = isSelected ? .selected : .normal
            canvas.fill(Rect(x: inner.x, y: y, width: inner.width, height: 1), style: style)
            if isSelected { canvas.write(String(canvas.glyphs.pointer), x: inner.x, y: y, width: 1, style: style) }
            canvas.writePadded(field.label, x: inner.x + 2, y: y, width: labelWidth, style: style)
            var held = field.held.isEmpty ? strings["mydata.correct.empty"] : field.held
            if field.shape == .seconds, let seconds = Int(field.held) {
                held += " (" + session.formats.hoursMinutes(seconds: seconds) + ")"
            }
            canvas.write(
                held, x: inner.x + labelWidth + 4, y: y, width: max(1, inner.width - labelWidth - 4), style: style)
            y += 1
        }
        y += 1
        if fields.indices.contains(selected) {
            let field = fields[selected]
            canvas.write(
                strings("mydata.correct.newValue", ["field": field.label]), x: inner.x, y: y, width: inner.width,
                style: .heading)
            y += 1
            newValue.render(into: &canvas, x: inner.x, y: y, width: inner.width, focused: true)
            y += 1
            canvas.write(
                strings["mydata.correct.shape.\(Self.shapeKey(field.shape))"], x: inner.x, y: y, width: inner.width,
                style: .muted)
            y += 1
            canvas.write(strings["mydata.correct.review"], x: inner.x, y: y, width: inner.width, style: .muted)
        }
        if let message {
            let mark = Flash.Kind.danger.mark(canvas.glyphs) + " "
            canvas.write(mark + message, x: inner.x, y: inner.maxY - 2, width: inner.width, style: .danger)
        }
        let keys = KeyHints.footer(
            [KeyHint(.up, .down, label: "hint.field"), KeyHint(.select), KeyHint(.back)], labels: labels,
            strings: strings, glyphs: canvas.glyphs)
        canvas.write(keys, x: inner.x, y: inner.maxY - 1, width: inner.width, style: .muted)
    }

    private static func shapeKey(_ shape: CorrectableColumn.Shape) -> String {
        switch shape {
        case .text: return "text"
        case .seconds: return "seconds"
        case .countryCode: return "countryCode"
        case .yearMonth: return "yearMonth"
        }
    }
}
