import Foundation
import PrivacyModel
import TerminalKit

/// The wizard's panels for rights carried out at once: the export form, the erasure dry run, the
/// effect of an objection or restriction, the export's gauge and what each right did.
@MainActor
enum RequestFulfilmentPanels {
    // MARK: Details

    /// The export form: categories, from and to days (portability), the folder and the note.
    static func renderExportForm(
        _ wizard: RequestWizard, form: RequestDetailsForm, choices: RequestExportChoices, into canvas: inout Canvas,
        body: Rect, session: Session
    ) {
        let strings = session.strings
        var y = body.y
        let scopeLabel = wizard.chosenScope(session: session)?.label ?? ""
        let prompt =
            choices.portability
            ? strings("requests.export.prompt", ["format": scopeLabel]) : strings["requests.export.accessPrompt"]
        canvas.write(prompt, x: body.x, y: y, width: body.width, style: .heading)
        y += 2
        let labels = [
            strings["requests.label.noteOptional"], strings["requests.export.since"], strings["requests.export.until"],
            strings[choices.asksFolder ? "requests.export.folder" : "requests.export.delivery"],
        ]
        let labelWidth = min(body.width / 3, labels.map { TextWidth.columns(of: $0) }.max() ?? 0)
        func row(_ label: String, _ field: TextField, _ id: RequestDetailsForm.Field) {
            guard y < body.maxY else { return }
            let focused = form.focus == id
            canvas.writePadded(label, x: body.x, y: y, width: labelWidth, style: focused ? .accent : .heading)
            field.render(
                into: &canvas, x: body.x + labelWidth + 2, y: y, width: max(1, body.width - labelWidth - 2),
                focused: focused)
            y += 1
        }
        row(labels[0], form.note, .note)
        y += 1
        if choices.portability {
            let focused = form.focus == .categories
            canvas.write(
                strings(
                    "requests.export.categories",
                    [
                        "keys": KeyHints.footer(
                            [KeyHint(.toggleItem), KeyHint(.toggleAll), KeyHint(.left, .right, label: "hint.column")],
                            contexts: [.checklist], strings: strings, glyphs: canvas.glyphs)
                    ]), x: body.x, y: y, width: body.width,
                style: focused ? .accent : .heading)
            y += 1
            let rows = choices.categoryRows
            let columnWidth = max(4, (body.width - 2) / 2)
            for (index, id) in choices.categoryIds.enumerated() {
                let column = index / max(1, rows)
                let rowY = y + index % max(1, rows)
                guard rowY < body.maxY else { continue }
                let name = session.catalogue.category(id)?.name ?? id
                let mark = choices.isChosen(id) ? "[x] " : "[ ] "
                let highlighted = focused && index == choices.cursor
                let x = body.x + column * (columnWidth + 2)
                let prefix = highlighted ? String(canvas.glyphs.pointer) : " "
                canvas.write(
                    prefix + mark + name, x: x, y: rowY, width: columnWidth, style: highlighted ? .selected : .normal)
            }
            y += rows + 1
            row(labels[1], choices.since, .since)
            row(labels[2], choices.until, .until)
        } else {
            let about = Rect(x: body.x, y: y, width: body.width, height: max(0, min(3, body.maxY - y)))
            let key = choices.asksFolder ? "requests.export.accessAbout" : "requests.export.accessAboutBox"
            y += Dialog.paragraphs([strings[key]], into: &canvas, area: about) + 1
        }
        if choices.asksFolder {
            row(labels[3], choices.folder, .folder)
        } else if y < body.maxY {
            canvas.writePadded(labels[3], x: body.x, y: y, width: labelWidth, style: .heading)
            canvas.write(
                strings["requests.export.deliveryBox"], x: body.x + labelWidth + 2, y: y,
                width: max(1, body.width - labelWidth - 2))
            y += 1
        }
        y += 1
        let help = Rect(x: body.x, y: y, width: body.width, height: max(0, body.maxY - y))
        let helpKey = choices.portability ? "requests.export.help" : "requests.export.accessHelp"
        Dialog.paragraphs(
            [strings[choices.asksFolder ? helpKey : helpKey + "Box"]], into: &canvas, area: help, style: .muted)
    }

    /// The erasure's dry run: what goes, what stays and why, then the note.
    static func renderErasurePlan(
        _ form: RequestDetailsForm, plan: ErasurePlan, into canvas: inout Canvas, body: Rect, session: Session
    ) {
        let strings = session.strings
        var lines = [
            RequestStyledLine(strings("requests.erase.prompt", ["category": plan.categoryName]), style: .heading)
        ]
        lines.append(.blank)
        lines += dispositionLines(
            plan.sets, deleteKey: "requests.erase.willDelete", keepKey: "requests.erase.willKeep", width: body.width,
            bullet: canvas.glyphs.bullet, session: session)
        if plan.deleteCount == 0 {
            lines += RequestStyledLine.wrapped(strings["requests.erase.nothing"], width: body.width, style: .muted)
        }
        let used = RequestStyledLine.draw(lines, into: &canvas, area: body)
        var y = body.y + used + 1
        guard y + 1 < body.maxY else { return }
        canvas.write(strings["requests.label.noteOptional"], x: body.x, y: y, width: body.width, style: .heading)
        y += 1
        form.note.render(into: &canvas, x: body.x, y: y, width: body.width, focused: true)
        y += 2
        let help = Rect(x: body.x, y: y, width: body.width, height: max(0, body.maxY - y))
        Dialog.paragraphs([strings["requests.erase.help"]], into: &canvas, area: help, style: .muted)
    }

    /// Per record set: "Viewing events: 600 deleted", and what is kept, why and until when.
    static func dispositionLines(
        _ sets: [RecordSetDisposition], deleteKey: String, keepKey: String, width: Int, bullet: Character,
        session: Session
    ) -> [RequestStyledLine] {
        let strings = session.strings
        let formats = session.formats
        var lines: [RequestStyledLine] = []
        for set in sets {
            lines += RequestStyledLine.wrapped(
                "\(bullet) "
                    + strings.plural(
                        deleteKey, count: set.deleteCount,
                        ["name": set.name, "number": formats.number(set.deleteCount)]),
                width: width)
            guard set.keepCount > 0 else { continue }
            var kept = strings.plural(keepKey, count: set.keepCount, ["number": formats.number(set.keepCount)])
            if let reason = set.keepReason { kept += " " + reason }
            lines += RequestStyledLine.wrapped(kept, width: width, style: .warning, indent: 2)
            let until =
                set.keptUntilLatest.map { strings("requests.erase.until", ["date": formats.date($0)]) }
                ?? strings["requests.erase.noDate"]
            lines += RequestStyledLine.wrapped(until, width: width, style: .warning, indent: 2)
        }
        return lines
    }

    /// What an objection or a restriction will do, shown under the note at the details step.
    static func effectText(_ effect: RequestEffect, scope: RequestScope, session: Session) -> String? {
        let strings = session.strings
        switch effect {
        case .object:
            let names = ObjectionService(context: session.context).preferences(for: scope.value).map(\.name)
            return strings(
                "requests.object.explain",
                ["preferences": names.isEmpty ? strings["requests.value.none"] : names.joined(separator: ", ")])
        case .restrict:
            let name = session.catalogue.category(scope.value)?.name ?? scope.value
            return strings("requests.restrict.explain", ["category": name])
        default:
            return nil
        }
    }

    // MARK: Progress

    /// The export's gauge while it runs.
    static func renderProgress(_ work: SteppedWork, into canvas: inout Canvas, body: Rect, session: Session) {
        let strings = session.strings
        let formats = session.formats
        var y = body.y
        canvas.write(strings["requests.export.running"], x: body.x, y: y, width: body.width, style: .heading)
        y += 2
        let progress = work.progress
        let line: String
        switch progress?.phase {
        case .packing?: line = strings["requests.export.packing"]
        case .finished?: line = strings["requests.export.finishing"]
        case .writing?, nil:
            let name = progress.flatMap { session.catalogue.category($0.category)?.name } ?? ""
            line = strings(
                "requests.export.writing",
                [
                    "category": name, "done": formats.number(progress?.rowsDone ?? 0),
                    "total": formats.number(progress?.rowsTotal ?? 0),
                ])
        }
        canvas.write(line, x: body.x, y: y, width: body.width)
        y += 2
        canvas.write(
            Charts.gauge(fraction: progress?.fraction ?? 0, width: body.width, glyphs: canvas.glyphs), x: body.x, y: y,
            width: body.width, style: .chartBar, ellipsis: false)
        y += 2
        let key = work.isCancelling ? "requests.export.stopping" : "requests.export.stopHint"
        let help = Rect(x: body.x, y: y, width: body.width, height: max(0, body.maxY - y))
        Dialog.paragraphs([strings[key]], into: &canvas, area: help, style: .muted)
    }

    /// The frame shown while an erasure, objection or restriction runs.
    static func renderWorking(into canvas: inout Canvas, body: Rect, session: Session) {
        let strings = session.strings
        canvas.write(strings["requests.work.running"], x: body.x, y: body.y, width: body.width, style: .heading)
        let help = Rect(x: body.x, y: body.y + 2, width: body.width, height: max(0, body.height - 2))
        Dialog.paragraphs([strings["requests.work.wait"]], into: &canvas, area: help, style: .muted)
    }

    // MARK: Receipt

    /// The receipt of a request carried out at once: the request, then what was done.
    static func receiptLines(
        _ request: RightsRequest, outcome: FulfilmentWork, width: Int, mark: String, bullet: Character,
        session: Session
    ) -> [RequestStyledLine] {
        let strings = session.strings
        let formats = session.formats
        var lines = [RequestStyledLine(mark + strings["requests.receipt.doneTitle"], style: .success), .blank]
        var pairs: [(String, String)] = [
            (strings["requests.label.reference"], request.reference),
            (strings["requests.label.right"], RequestText.rightName(request.type, session: session)),
            (strings["requests.label.scope"], RequestText.scope(request.scope, session: session)),
            (strings["requests.label.completed"], formats.dateTime(request.closedAt ?? session.now)),
        ]
        var after: [RequestStyledLine] = []
        switch outcome {
        case .filed, .noted, .accountClosed, .recordCorrected:
            break
        case .exported(let outputs):
            let downloads = outputs.compactMap(\.download)
            if let first = outputs.first, downloads.isEmpty {
                pairs.append((strings["requests.label.folder"], (first.path as NSString).deletingLastPathComponent))
            }
            for output in outputs {
                let name = (output.path as NSString).lastPathComponent
                if output.format == "report" {
                    pairs.append((strings["requests.label.report"], name))
                } else {
                    pairs.append(
                        (
                            strings["requests.label.export"],
                            name + " · "
                                + strings.plural(
                                    "requests.export.rows", count: output.rows, ["number": formats.number(output.rows)])
                        ))
                }
            }
            // On a shared box the files are fetched with one-time commands; locally they are in the folder above.
            for ticket in downloads { after += RequestStyledLine.wrapped(ticket.command, width: width, style: .title) }
            if let first = downloads.first {
                after.append(.blank)
                after += RequestStyledLine.wrapped(
                    strings("requests.receipt.download", ["until": formats.dateTime(first.expiresAt)]), width: width,
                    style: .muted)
            } else {
                after += RequestStyledLine.wrapped(strings["requests.receipt.exported"], width: width, style: .muted)
            }
        case .erased(let receipt):
            after += dispositionLines(
                receipt.sets, deleteKey: "requests.erase.deleted", keepKey: "requests.erase.kept", width: width,
                bullet: bullet, session: session)
        case .objected(let receipt):
            let names = receipt.receipts.map { session.catalogue.preference($0.preferenceId)?.name ?? $0.preferenceId }
            let already = receipt.alreadyOff.map { session.catalogue.preference($0)?.name ?? $0 }
            pairs.append(
                (
                    strings["requests.label.stopped"],
                    names.isEmpty ? strings["requests.value.none"] : names.joined(separator: ", ")
                ))
            if !already.isEmpty {
                pairs.append((strings["requests.label.alreadyOff"], already.joined(separator: ", ")))
            }
            after += RequestStyledLine.wrapped(
                strings.plural("requests.receipt.objected", count: receipt.receipts.count), width: width, style: .muted)
        case .restricted(let restriction):
            let name = session.catalogue.category(restriction.categoryId)?.name ?? restriction.categoryId
            pairs.append((strings["requests.label.stopped"], strings("requests.restrict.stopped", ["category": name])))
            after += RequestStyledLine.wrapped(strings["requests.receipt.restricted"], width: width, style: .muted)
        }
        let labelWidth = pairs.map { TextWidth.columns(of: $0.0) }.max() ?? 0
        for (label, value) in pairs {
            lines += RequestStyledLine.labelled(
                label, value, labelWidth: labelWidth, width: width,
                style: label == strings["requests.label.reference"] ? .title : .normal)
        }
        if !after.isEmpty {
            lines.append(.blank)
            lines += after
        }
        return lines
    }
}
