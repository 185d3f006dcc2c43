public import Foundation

/// Why a rights request could not be filed, found or moved on; each message says what to do instead.
public enum RequestError: UserFacingError, Equatable {
    /// The catalogue does not offer this right.
    case rightNotOffered(RightKind)
    /// The right cannot target this kind of scope; `allowed` lists the kinds it can.
    case scopeNotAllowed(RightKind, RequestScopeKind, allowed: [String])
    /// A category, field, purpose or format scope was given without its value.
    case missingScopeValue(RequestScopeKind)
    /// An `all` or `account` scope was given a value it cannot have.
    case unexpectedScopeValue(RequestScopeKind, String)
    /// No data category has this id.
    case unknownCategory(String)
    /// The category exists but the right does not apply to it.
    case rightNotApplicable(RightKind, category: String)
    /// No purpose has this id.
    case unknownPurpose(String)
    /// The purpose exists but does not rest on a ground one can object to.
    case purposeNotObjectable(String)
    /// No export format has this id.
    case unknownFormat(String)
    /// No category lists this field as correctable; `allowed` lists the fields that are.
    case unknownField(String, allowed: [String])
    /// The details name a different field from the scope.
    case fieldMismatch(scope: String, details: String)
    /// A correction did not say what the data should be.
    case correctionValueMissing(field: String)
    /// Field or value details were given for a request that is not a correction.
    case detailsNotApplicable(RightKind)
    /// A text (a note, a reason, a value) is longer than allowed.
    case textTooLong(String, limit: Int)
    /// The channel is empty or malformed.
    case invalidChannel(String)
    /// No account has this id.
    case accountNotFound(Int64)
    /// The account is not active (deletion pending or purged).
    case accountNotActive(Int64)
    /// An open request of the same type and scope already exists.
    case duplicate(existingReference: String)
    /// No request has this reference.
    case notFound(String)
    /// The actor may not take this step (e.g. support cancelling, a subscriber completing).
    case notPermitted(RequestAction, actor: RequestActor)
    /// The step does not follow from the request's current status.
    case illegalTransition(reference: String, from: RequestStatus, to: RequestStatus)
    /// The request is closed, so it cannot be extended.
    case notOpen(reference: String, status: RequestStatus)
    /// A denial needs a reason.
    case denialReasonRequired
    /// An extension needs a reason.
    case extensionReasonRequired
    /// The request was already extended once.
    case alreadyExtended(reference: String, until: Date)
    /// The new due date is not later than the current one.
    case extensionNotLater(currentDue: Date)
    /// The new due date is past the latest the policy allows.
    case extensionTooLong(latest: Date)
    /// No unused reference could be drawn (the generator keeps colliding).
    case referenceUnavailable
    /// A stored request or event holds a value this program does not understand.
    case unreadable(String)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .notFound, .accountNotFound: return .noInput
        case .notPermitted: return .permission
        case .referenceUnavailable: return .temporary
        case .duplicate, .accountNotActive, .illegalTransition, .notOpen, .alreadyExtended, .unreadable:
            return .dataError
        default: return .usage
        }
    }

    /// A one-line message a person can act on.
    public var description: String {
        switch self {
        case .rightNotOffered(let right):
            return "the \(right.rawValue) right is not offered by the policy in force"
        case .scopeNotAllowed(let right, let scope, let allowed):
            let choices = allowed.joined(separator: ", ")
            return "a \(right.rawValue) request cannot target \"\(scope.rawValue)\"; choose one of: \(choices)"
        case .missingScopeValue(let scope):
            return "say which \(scope.rawValue) the request is about"
        case .unexpectedScopeValue(let scope, let value):
            return "a request for \"\(scope.rawValue)\" takes no value, but \"\(value)\" was given"
        case .unknownCategory(let id):
            return "there is no data category \"\(id)\"; see My data for the categories held"
        case .rightNotApplicable(let right, let category):
            return
                "the \(right.rawValue) right does not apply to the \"\(category)\" category; see its rights in My data"
        case .unknownPurpose(let id):
            return "there is no purpose \"\(id)\"; see the policy for the purposes data is used for"
        case .purposeNotObjectable(let id):
            return "the purpose \"\(id)\" does not rest on legitimate interests or consent, so it cannot be objected to"
        case .unknownFormat(let id):
            return "there is no export format \"\(id)\"; choose zip, json or csv"
        case .unknownField(let field, let allowed):
            return "\"\(field)\" is not a correctable field; choose one of: \(allowed.joined(separator: ", "))"
        case .fieldMismatch(let scope, let details):
            return "the request is about \"\(scope)\" but its details name \"\(details)\"; name the same field in both"
        case .correctionValueMissing(let field):
            return field == RequestScope.otherField
                ? "say in the note which data is wrong and what it should be"
                : "say what \"\(field)\" should be"
        case .detailsNotApplicable(let right):
            return "a \(right.rawValue) request takes only a note; field and values belong to a correction"
        case .textTooLong(let what, let limit):
            return "the \(what) is too long; keep it under \(limit) characters"
        case .invalidChannel(let channel):
            return "\"\(channel)\" is not a valid channel; use a short lower-case name such as dashboard, cli or email"
        case .accountNotFound(let id):
            return "no account has the id \(id)"
        case .accountNotActive(let id):
            return "account \(id) is closed or awaiting deletion; requests can only be filed for an active account"
        case .duplicate(let reference):
            return
                "an open request for the same thing already exists (\(reference)); follow that one or cancel it first"
        case .notFound(let reference):
            return "no request has the reference \"\(reference)\"; references look like PD-7K3M-9QXD"
        case .notPermitted(let action, let actor):
            return action == .cancel
                ? "only the subscriber can cancel a request; a \(actor.rawValue) actor may deny it instead"
                : "a \(actor.rawValue) actor cannot \(action.verb) a request; support staff do that"
        case .illegalTransition(let reference, let from, let to):
            if from.isClosed {
                let state = "request \(reference) is already \(from.label)"
                return "\(state) and cannot become \(to.label); a closed request cannot change"
            }
            let needed = RequestStatus.allCases.filter { status in
                RequestAction.allCases.contains { $0.targetStatus == to && status.allows($0) }
            }
            let prerequisite = needed.map(\.label).joined(separator: " or ")
            return
                "request \(reference) is \(from.label) and cannot become \(to.label); it must be \(prerequisite) first"
        case .notOpen(let reference, let status):
            return "request \(reference) is already \(status.label); only an open request can be extended"
        case .denialReasonRequired:
            return "give the reason for denying the request; the subscriber is told it"
        case .extensionReasonRequired:
            return "give the reason for extending the deadline; the subscriber is told it"
        case .alreadyExtended(let reference, let until):
            return "request \(reference) was already extended (to \(until.dayUTC)); a request can be extended only once"
        case .extensionNotLater(let currentDue):
            return "the new due date must be later than the current one (\(currentDue.iso8601UTC))"
        case .extensionTooLong(let latest):
            return "the due date can be extended to \(latest.iso8601UTC) at the latest"
        case .referenceUnavailable:
            return "no unused request reference could be drawn; try again"
        case .unreadable(let detail):
            return "a stored request cannot be read (\(detail)); the store may come from a newer version"
        }
    }
}
