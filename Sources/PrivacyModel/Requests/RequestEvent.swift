public import Foundation
public import GRDB

/// One append-only step in a request's history: filing, a status change or an extension.
public struct RequestEvent: Sendable, Equatable, Identifiable, FetchableRecord {
    /// Row id.
    public let id: Int64
    /// The request it belongs to.
    public let requestId: Int64
    /// 1 for the filing, then one more per step.
    public let sequence: Int
    /// When it happened.
    public let at: Date
    /// The status before (nil for the filing).
    public let fromStatus: RequestStatus?
    /// The status after (the same as before for an extension).
    public let toStatus: RequestStatus
    /// Who took the step.
    public let actor: RequestActor
    /// The reason, note or extension text ("" when none).
    public let note: String

    /// Whether this event records an extension (the only step that leaves the status unchanged).
    public var isExtension: Bool { fromStatus == toStatus }

    /// The note an extension event stores: the new due date, then the reason.
    static func extensionNote(newDue: Date, reason: String) -> String {
        "extended to \(newDue.iso8601UTC): \(reason)"
    }

    /// The reason given for an extension, without the stored "extended to <date>: " lead-in.
    public var extensionReason: String? {
        guard isExtension else { return nil }
        guard note.hasPrefix("extended to "), let colon = note.range(of: ": ") else { return note }
        return String(note[colon.upperBound...])
    }

    /// Reads a `request_event` row, refusing values this program does not know.
    public init(row: Row) throws {
        let fromText: String? = row["fromStatus"]
        let toText: String = row["toStatus"]
        let actorText: String = row["actor"]
        guard let toStatus = RequestStatus(rawValue: toText) else {
            throw RequestError.unreadable("event status \"\(toText)\"")
        }
        var fromStatus: RequestStatus?
        if let fromText {
            guard let parsed = RequestStatus(rawValue: fromText) else {
                throw RequestError.unreadable("event status \"\(fromText)\"")
            }
            fromStatus = parsed
        }
        guard let actor = RequestActor(rawValue: actorText) else {
            throw RequestError.unreadable("event actor \"\(actorText)\"")
        }
        id = row["id"]
        requestId = row["requestId"]
        sequence = row["sequence"]
        at = Date(epochSeconds: row["at"])
        self.fromStatus = fromStatus
        self.toStatus = toStatus
        self.actor = actor
        note = row["note"]
    }
}
