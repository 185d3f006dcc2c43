/// What carrying a request out does, decided once from its right and scope for every caller (the wizard,
/// `requests complete`, the staff console).
public enum RequestEffect: Sendable, Equatable {
    /// The access report and the machine-readable zip export are written.
    case access
    /// An export in the format the request names is written.
    case portability
    /// A category is erased (what a legal hold keeps stays).
    case erase
    /// The whole account is closed and its data purged later.
    case closeAccount
    /// A purpose's processing is switched off.
    case object
    /// A category is restricted.
    case restrict
    /// One field of a stored record is changed to the requested value.
    case correctRecord
    /// Nothing the program can do itself: support completes it with a note (a profile field's correction).
    case note

    /// The effect of a right on a scope; `isRecordCorrection` says the details name one stored record.
    public static func of(_ type: RightKind, _ scope: RequestScope, isRecordCorrection: Bool = false) -> RequestEffect {
        switch (type, scope.kind) {
        case (.access, _): return .access
        case (.portability, .format): return .portability
        case (.deletion, .category): return .erase
        case (.deletion, .account): return .closeAccount
        case (.objection, .purpose): return .object
        case (.restriction, .category): return .restrict
        case (.correction, .field) where isRecordCorrection: return .correctRecord
        default: return .note
        }
    }

    /// The effect of a filed request.
    public static func of(_ request: RightsRequest) -> RequestEffect {
        of(request.type, request.scope, isRecordCorrection: request.details.isRecordCorrection)
    }

    /// Whether the effect writes files (and so needs a folder and reports progress).
    public var exports: Bool { self == .access || self == .portability }

    /// Whether the subscriber's own signed-in session carries it out at once; the rest wait for support.
    public var isSelfService: Bool {
        switch self {
        case .access, .portability, .erase, .object, .restrict: return true
        case .closeAccount, .correctRecord, .note: return false
        }
    }
}
