import ArgumentParser
import Foundation
import PrivacyModel

extension RequestsCommand {
    /// `requests show REF`: one request with its details and its whole history.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show one request: what was asked, its deadlines and every step taken.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var signIn: StaffSignInOptions
        @Argument(help: "The request's reference (e.g. PD-7K3M-9QXD).") var reference: String
        @Option(
            help: ArgumentHelp(
                "The reason for reading a closed request: a support ticket reference (an open request is its own).",
                valueName: "ticket"))
        var ticket: String?
        @Flag(help: "Print JSON instead of text.") var json = false

        func run() throws {
            let context = try storeOptions.open()
            let reason = try ticket.map { try AccessReason.ticket(typed: $0) } ?? .request(reference)
            let access = StaffAccess(staff: try signIn.identity(context), reason: reason)
            let service = RequestService(context: context)
            let request = try StaffDataAccess(context: context, access: access).request(reference: reference)
            let events = try service.events(requestId: request.id)
            let email = try AccountService(context: context).account(id: request.accountId)?.email
            if json {
                Console.out(
                    try Formatting.json(
                        RequestDetailListing(
                            request: RequestListing(request, email: email, service: service),
                            details: request.details,
                            events: events.map { EventListing($0, wording: .english(catalogue: context.catalogue)) })))
                return
            }
            Console.out(RequestReport.render(request, email: email, events: events, service: service))
        }
    }
}

/// The text form of one request, for `requests show` and the step subcommands.
enum RequestReport {
    static func render(_ request: RightsRequest, email: String?, events: [RequestEvent], service: RequestService)
        -> String
    {
        var lines: [String] = []
        let scope = request.scope.value.isEmpty ? request.scope.kind.rawValue : request.scope.description
        lines.append("\(request.reference)  \(request.type.rawValue) (\(scope))  \(request.status.label)")
        lines.append("Subscriber:   \(email ?? "#\(request.accountId)")")
        lines.append("Filed:        \(request.filedAt.iso8601UTC) via \(request.channel)")
        var receipt = "Receipt due:  \(request.receiptDueAt.iso8601UTC)"
        if let acknowledged = request.acknowledgedAt {
            receipt += "; confirmed \(acknowledged.iso8601UTC)" + (request.wasAcknowledgedLate ? " (late)" : "")
        } else if service.isReceiptOverdue(request) {
            let hours = service.context.catalogue.deadlines.receiptHours
            receipt += "; ! MISSED: receipt not confirmed within \(hours) hours, acknowledge it now"
        }
        lines.append(receipt)
        var due = "Answer due:   \(request.currentDueAt.iso8601UTC)"
        if request.isExtended { due += " (extended from \(request.responseDueAt.iso8601UTC))" }
        if request.isOpen {
            let days = service.daysLeft(request)
            due += service.isOverdue(request) ? "; overdue by \(-days) day(s)" : "; \(days) day(s) left"
        }
        lines.append(due)
        if let closed = request.closedAt { lines.append("Closed:       \(closed.iso8601UTC)") }
        let details = request.details
        let wording = MessageWording.english(catalogue: service.context.catalogue)
        if let recordSet = details.recordSet {
            lines.append("Record:       \(recordSet), key \(details.recordKey.map(String.init) ?? "?")")
            lines.append("Field:        \(details.field ?? "?")")
            lines.append("Before:       " + (details.currentValue.map { "\"\($0)\"" } ?? "(nothing)"))
            lines.append("After:        " + (details.requestedValue.map { "\"\($0)\"" } ?? "(nothing)"))
        } else {
            if let field = details.field {
                let name = wording.lookup("requests.field.\(field)").map { "\($0) (\(field))" } ?? field
                lines.append("Field:        \(name)")
            }
            if let current = details.currentValue { lines.append("When filed:   \(current)") }
            if let wanted = details.requestedValue { lines.append("Should be:    \(wanted)") }
        }
        if let note = request.details.note { lines.append("Note:         \(note)") }
        if let resolution = request.resolution { lines.append("Resolution:   \(wording.text(resolution))") }
        lines.append("")
        var table = TextTable(["#", "When", "Step", "By", "Note"])
        table.maxColumnWidth = 72
        for event in events {
            let step =
                event.fromStatus == nil
                ? "filed"
                : event.isExtension
                    ? "extended"
                    : event.isFollowUp ? "afterwards" : "\(event.fromStatus?.label ?? "") -> \(event.toStatus.label)"
            table.add([
                String(event.sequence), event.at.iso8601UTC, step, event.actor.rawValue, wording.text(event.note),
            ])
        }
        return lines.map(SafeText.clean).joined(separator: "\n") + "\n" + table.render()
    }
}

/// The JSON shape of `requests show --json`.
struct RequestDetailListing: Encodable {
    let request: RequestListing
    let details: RequestDetails
    let events: [EventListing]
}

/// The JSON shape of one step in a request's history.
struct EventListing: Encodable {
    let sequence: Int
    let at: Date
    let fromStatus: String?
    let toStatus: String
    let actor: String
    let note: String

    init(_ event: RequestEvent, wording: MessageWording) {
        sequence = event.sequence
        at = event.at
        fromStatus = event.fromStatus?.rawValue
        toStatus = event.toStatus.rawValue
        actor = event.actor.rawValue
        note = wording.text(event.note)
    }
}
