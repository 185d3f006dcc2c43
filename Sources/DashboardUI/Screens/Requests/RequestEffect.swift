import PrivacyModel

/// What happens once the subscriber's identity is confirmed: a request only recorded for support, or a
/// right the program carries out at once.
enum RequestEffect: Equatable {
    /// Filed for support to handle (corrections of profile fields, closing the whole account).
    case record
    /// The access report and the machine-readable export, written at once.
    case access
    /// A portability export in the chosen format, written at once.
    case portability
    /// A category erased at once (what a legal hold keeps stays).
    case erase
    /// A purpose's processing switched off at once.
    case object
    /// A category restricted at once.
    case restrict

    /// The effect of a right on a scope.
    static func of(_ kind: RightKind, _ scope: RequestScope) -> RequestEffect {
        switch (kind, scope.kind) {
        case (.access, _): return .access
        case (.portability, .format): return .portability
        case (.deletion, .category): return .erase
        case (.objection, .purpose): return .object
        case (.restriction, .category): return .restrict
        default: return .record
        }
    }

    /// Whether the effect writes files (and so asks for a folder and shows a gauge).
    var exports: Bool { self == .access || self == .portability }
}

/// What the wizard's last step shows: the request only filed, or what carrying it out did.
enum RequestOutcome: Sendable {
    /// Filed for support.
    case filed
    /// The files written (access: the report and the zip; portability: the export).
    case exported([ExportResult])
    /// The erasure's receipt: what went and what stayed.
    case erased(ErasureReceipt)
    /// The objection's receipt: the preferences switched off.
    case objected(ObjectionReceipt)
    /// The restriction now in force.
    case restricted(Restriction)
}

/// What a right carried out in the background hands back: what it did and the request that records it.
struct CarriedOut: Sendable {
    /// What was done.
    let outcome: RequestOutcome
    /// The completed request's reference.
    let reference: String
}
