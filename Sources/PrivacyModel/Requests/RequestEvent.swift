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
    /// The reason, note or extension text, as keys and values (empty when none; old rows: their plain text).
    public let note: StoredText
    /// The staff account that took the step, when a signed-in member of staff did (nil for the subscriber, the
    /// system and steps from before staff accounts).
    public let staffId: Int64?

    /// Whether this event records an extension (the only step that leaves an open request's status unchanged).
    public var isExtension: Bool { fromStatus == toStatus && toStatus.isOpen }

    /// Whether this event records something done after the request closed (a restriction lifted, an objection
    /// withdrawn); its note says what.
    public var isFollowUp: Bool { fromStatus == toStatus && toStatus.isClosed }

    /// The key of an extension's first sentence, which names the new due date.
    static let extendedKey = "stored.request.extended"

    /// The note an extension event stores: the new due date, then the reason as typed.
    static func extensionNote(newDue: Date, reason: String) -> StoredText {
        .message(extendedKey, ["due": .instant(newDue)]) + .typed(reason)
    }

    /// The reason given for an extension, without the sentence naming the new due date.
    ///
    /// Events stored before notes were keyed hold "extended to <date>: <reason>" in English; the reason is
    /// read out of that text.
    public var extensionReason: StoredText? {
        guard isExtension else { return nil }
        if let first = note.messages.first, first.key == Self.extendedKey {
            return StoredText(Array(note.messages.dropFirst()))
        }
        guard let old = note.typedTexts.first, old.hasPrefix("extended to "), let colon = old.range(of: ": ") else {
            return note
        }
        return .typed(String(old[colon.upperBound...]))
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
        note = StoredText(storedForm: row["note"])
        staffId = row["staffId"]
    }
}
