import PrivacyModel
import TerminalKit

/// Draws one request: what it asks for, its details, deadlines, resolution and the timeline of its events.
@MainActor
enum RequestDetailView {
    /// Draws the detail inside the screen `area`, scrolled as the detail says.
    static func render(_ detail: RequestDetail, into canvas: inout Canvas, area: Rect, session: Session) {
        let strings = session.strings
        let request = detail.request
        let title = strings(
            "requests.detail.title",
            ["reference": request.reference, "right": RequestText.rightName(request.type, session: session)])
        canvas.box(area, title: title, style: .borderFocused)
        let text = RequestDetail.textArea(in: area)
        guard text.width > 8, text.height > 0 else { return }
        let lines = lines(detail, width: text.width, session: session, glyphs: canvas.glyphs)
        let bottom = max(0, lines.count - text.height)
        let skip = min(max(0, detail.scroll), bottom)
        RequestStyledLine.draw(lines, into: &canvas, area: text, skip: skip)
        let hints =
            [KeyHint(.up, .down, label: "hint.scroll")] + (request.isOpen ? [KeyHint(.cancelRequest)] : [])
            + [KeyHint(.back)]
        var keys = KeyHints.footer(hints, contexts: [.requests, .navigation], strings: strings, glyphs: canvas.glyphs)
        if lines.count > text.height {
            let last = min(lines.count, skip + text.height)
            keys =
                strings(
                    "requests.detail.position",
                    ["first": String(skip + 1), "last": String(last), "total": String(lines.count)])
                + canvas.glyphs.separator + keys
        }
        canvas.write(keys, x: text.x, y: text.maxY, width: text.width, style: .muted)
    }

    /// Every line of the detail at `width` columns.
    static func lines(_ detail: RequestDetail, width: Int, session: any Wording, glyphs: Glyphs) -> [RequestStyledLine]
    {
        let strings = session.strings
        let formats = session.formats
        let request = detail.request
        let labelKeys = [
            "right", "scope", "status", "filed", "field", "heldWhenFiled", "newValue", "note", "receiptDue",
            "responseDue",
            "extendedTo", "extensionReason", "daysLeft",
        ]
        let labelWidth = labelKeys.map { TextWidth.columns(of: strings["requests.label.\($0)"]) }.max() ?? 0
        func pair(_ key: String, _ value: String, style: Style = .normal) -> [RequestStyledLine] {
            RequestStyledLine.labelled(
                strings["requests.label.\(key)"], value, labelWidth: labelWidth, width: width, style: style, indent: 2)
        }
        // Stored texts can be long: their lines come from the detail's cache.
        let cache = detail.wrapCache
        let language = strings.language
        func storedPair(_ key: String, _ value: String) -> [RequestStyledLine] {
            RequestStyledLine.labelled(
                strings["requests.label.\(key)"],
                wrap: { width in cache.lines(key, width: width, language: language) { value } },
                labelWidth: labelWidth, width: width, indent: 2)
        }
        func heading(_ key: String) -> [RequestStyledLine] {
            [.blank, RequestStyledLine(strings["requests.detail.\(key)"], style: .heading)]
        }

        var lines: [RequestStyledLine] = []
        let right = session.catalogue.right(request.type.rawValue)
        let rightName = RequestText.rightName(request.type, session: session)
        let rightText =
            right.map { strings("requests.detail.rightSummary", ["name": rightName, "summary": $0.summary]) }
            ?? rightName
        lines += pair("right", rightText)
        lines += pair("scope", RequestText.scope(request.scope, session: session))
        lines += pair("status", RequestText.status(request.status, session: session))
        lines += pair(
            "filed",
            strings(
                "requests.detail.filedVia",
                [
                    "date": formats.dateTime(request.filedAt),
                    "channel": RequestText.channel(request.channel, session: session),
                ]))

        lines += heading("details")
        let details = request.details
        var anyDetail = false
        if request.type == .correction, let field = details.field {
            lines += pair("field", RequestText.fieldName(field, session: session))
            anyDetail = true
        }
        if let current = details.currentValue {
            // The value the request was filed against: the profile may hold another by now.
            lines += storedPair("heldWhenFiled", current)
            anyDetail = true
        }
        if let requested = details.requestedValue {
            lines += storedPair("newValue", requested)
            anyDetail = true
        }
        if let note = details.note {
            lines += storedPair("note", note)
            anyDetail = true
        }
        if !anyDetail {
            lines += RequestStyledLine.wrapped(
                strings["requests.detail.noDetails"], width: width, style: .muted, indent: 2)
        }

        lines += heading("deadlines")
        lines += pair(
            "receiptDue", receiptText(request, session: session), style: receiptStyle(request, session: session))
        lines += pair("responseDue", formats.date(request.responseDueAt))
        if let extended = request.extendedDueAt {
            lines += pair("extendedTo", formats.date(extended))
            let reason = detail.events.last(where: \.isExtension)?.extensionReason.map(session.text(of:)) ?? ""
            lines += pair("extensionReason", reason.isEmpty ? strings["requests.value.none"] : reason)
        }
        let days = RequestText.daysLeft(request, session: session)
        lines += pair("daysLeft", (days.urgent ? "! " : "") + days.text, style: days.urgent ? .danger : .normal)

        lines += heading("resolution")
        if let resolution = request.resolution, !resolution.isEmpty {
            lines += RequestStyledLine.wrapped(
                wrap: { width in
                    cache.lines("resolution", width: width, language: language) { session.text(of: resolution) }
                },
                width: width, indent: 2)
        } else {
            lines += RequestStyledLine.wrapped(
                strings[request.isOpen ? "requests.detail.noResolution" : "requests.value.none"], width: width,
                style: .muted, indent: 2)
        }

        lines += heading("timeline")
        for (index, event) in detail.events.enumerated() {
            lines.append(timelineLine(event, session: session, glyphs: glyphs))
            if !event.note.isEmpty {
                lines += RequestStyledLine.wrapped(
                    wrap: { width in
                        cache.lines("event.\(index)", width: width, language: language) { session.text(of: event.note) }
                    },
                    width: width, style: .muted, indent: 6)
            }
        }
        return lines
    }

    /// When the event happened, the change and who made it (its note follows, from the cache).
    private static func timelineLine(_ event: RequestEvent, session: any Wording, glyphs: Glyphs) -> RequestStyledLine {
        let strings = session.strings
        let from = event.fromStatus.map { RequestText.status($0, session: session) } ?? strings["requests.timeline.new"]
        let to = RequestText.status(event.toStatus, session: session)
        let change =
            event.isExtension
            ? strings("requests.timeline.extended", ["status": to])
            : event.isFollowUp
                ? strings("requests.timeline.followUp", ["status": to])
                : strings("requests.timeline.change", ["from": from, "arrow": glyphs.arrowRight, "to": to])
        let actor = strings("requests.timeline.by", ["actor": RequestText.actor(event.actor, session: session)])
        return RequestStyledLine(
            "\(session.formats.dateTime(event.at))  \(change)  \(actor)", style: .normal, indent: 2)
    }

    private static func receiptText(_ request: RightsRequest, session: any Wording) -> String {
        let strings = session.strings
        let due = session.formats.dateTime(request.receiptDueAt)
        if let acknowledged = request.acknowledgedAt {
            let key = request.wasAcknowledgedLate ? "requests.detail.receiptLate" : "requests.detail.receiptConfirmed"
            return strings(key, ["due": due, "date": session.formats.dateTime(acknowledged)])
        }
        if request.isReceiptOverdue(at: session.now) {
            return "! " + strings("requests.detail.receiptOverdue", ["due": due])
        }
        if request.isOpen { return strings("requests.detail.receiptPending", ["due": due]) }
        return due
    }

    private static func receiptStyle(_ request: RightsRequest, session: any Wording) -> Style {
        request.isReceiptOverdue(at: session.now) ? .danger : .normal
    }
}
