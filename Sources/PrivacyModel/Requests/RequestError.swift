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
    /// The category is the account itself: it is erased by deleting the account (the `account` scope).
    case useAccountDeletion
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
    /// A text (a note, a reason, a value) holds a control character (ESC, a C1 control, DEL, a direction override
    /// or, in a one-line value, a line break).
    case textControls(String)
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
    /// Completing an "other data" correction needs a note saying what was corrected.
    case resolutionRequired
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
    /// The new due date is today or already past: an extension must give the subscriber a later day.
    case extensionNotAfterToday(today: Date)
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
}
