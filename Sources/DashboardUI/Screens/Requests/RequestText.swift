import Foundation
import PrivacyModel
import TerminalKit

/// The words the Requests screen uses for the model's values: rights, scopes, statuses, actors, days left.
///
/// Right, category, purpose and format names come from the policy catalogue as they are; everything
/// else comes from the string catalogue.
@MainActor
enum RequestText {
    /// The right's name from the catalogue ("Access"), or its id when the catalogue no longer offers it.
    static func rightName(_ type: RightKind, session: any Wording) -> String {
        session.catalogue.right(type.rawValue)?.name ?? type.rawValue
    }

    /// The status in a few words ("in progress").
    static func status(_ status: RequestStatus, session: any Wording) -> String {
        session.strings["requests.status.\(status.rawValue)"]
    }

    /// Who took a step, as the reader names them ("you", "support staff", "automatic").
    static func actor(_ actor: RequestActor, session: any Wording) -> String { session.actorName(actor) }

    /// The channel a request came through in words ("the dashboard"), or its code when the strings lack it.
    static func channel(_ channel: String, session: any Wording) -> String {
        let key = RecordCodeWords.channelKey(channel)
        return session.strings.contains(key) ? session.strings[key] : channel
    }

    /// A correctable field's name ("Phone"), or the field id when the strings do not know it.
    static func fieldName(_ field: String, session: any Wording) -> String {
        let key = "requests.field.\(field)"
        return session.strings.keys.contains(key) ? session.strings[key] : field
    }

    /// What a scope covers, in words: "Everything held", "Category: Payment", "Field: Phone"…
    static func scope(_ scope: RequestScope, session: any Wording) -> String {
        let strings = session.strings
        let catalogue = session.catalogue
        switch scope.kind {
        case .all: return strings["requests.scope.all"]
        case .account: return strings["requests.scope.account"]
        case .category:
            let name = catalogue.category(scope.value)?.name ?? scope.value
            return strings("requests.scope.category", ["name": name])
        case .field:
            return strings("requests.scope.field", ["name": fieldName(scope.value, session: session)])
        case .purpose:
            let name = catalogue.purpose(scope.value)?.name ?? scope.value
            return strings("requests.scope.purpose", ["name": name])
        case .format:
            let name = catalogue.exportFormats.first { $0.id == scope.value }?.name ?? scope.value
            return strings("requests.scope.format", ["name": name])
        }
    }

    /// The current due date as a day, with a word when it was extended.
    static func due(_ request: RightsRequest, session: any Wording) -> String {
        let date = session.formats.date(request.currentDueAt)
        return request.isExtended ? session.strings("requests.list.dueExtended", ["date": date]) : date
    }

    /// How a request stands against its deadlines, in words, and whether that needs attention.
    ///
    /// Overdue answers and unconfirmed receipts are marked with a word (and the danger style),
    /// so the meaning never rests on colour alone.
    static func daysLeft(_ request: RightsRequest, session: any Wording) -> (text: String, urgent: Bool) {
        let strings = session.strings
        guard request.isOpen else { return (strings["requests.days.closed"], false) }
        let now = session.now
        if request.isOverdue(at: now) {
            let late = max(1, -request.daysLeft(at: now))
            return (strings.plural("requests.days.overdue", count: late), true)
        }
        if request.isReceiptOverdue(at: now) { return (strings["requests.days.receiptOverdue"], true) }
        let left = request.daysLeft(at: now)
        if left == 0 { return (strings["requests.days.today"], false) }
        return (strings.plural("requests.days.left", count: left), false)
    }
}
