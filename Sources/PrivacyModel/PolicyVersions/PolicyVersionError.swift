/// Why a policy version could not be published or acknowledged.
public enum PolicyVersionError: UserFacingError, Equatable {
    /// The file was refused by the catalogue loader (its one-line reason).
    case invalidFile(reason: String)
    /// The effective date is not a YYYY-MM-DD day.
    case badDay(String)
    /// The file's own effective date differs from the one given.
    case effectiveDateMismatch(file: String, given: String)
    /// The effective date lies before today.
    case effectiveInPast(day: String)
    /// A material change must be announced this many days ahead; the earliest day it may take effect.
    case tooSoon(days: Int, earliest: String)
    /// The version is already published or not newer than the newest one.
    case notNewer(version: String, newest: String)
    /// A summary in English is required.
    case noSummary
    /// No published version has this name.
    case unknownVersion(String)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .invalidFile: return .dataError
        case .unknownVersion: return .noInput
        default: return .usage
        }
    }
}

extension PolicyVersionError: KeyedUserFacingError {
    /// The message as a key and its values.
    public var message: UserFacingMessage {
        switch self {
        case .invalidFile(let reason):
            return UserFacingMessage("error.policyVersion.invalidFile", ["reason": .text(reason)])
        case .badDay(let text): return UserFacingMessage("error.policyVersion.badDay", ["day": .text(text)])
        case .effectiveDateMismatch(let file, let given):
            return UserFacingMessage(
                "error.policyVersion.effectiveDateMismatch", ["file": .text(file), "given": .text(given)])
        case .effectiveInPast(let day):
            return UserFacingMessage("error.policyVersion.effectiveInPast", ["day": .text(day)])
        case .tooSoon(let days, let earliest):
            return UserFacingMessage(
                "error.policyVersion.tooSoon", ["days": .number(days), "earliest": .text(earliest)])
        case .notNewer(let version, let newest):
            return UserFacingMessage(
                "error.policyVersion.notNewer", ["version": .text(version), "newest": .text(newest)])
        case .noSummary: return UserFacingMessage("error.policyVersion.noSummary")
        case .unknownVersion(let version):
            return UserFacingMessage("error.policyVersion.unknownVersion", ["version": .text(version)])
        }
    }

    /// One value of every case, so the translation test covers each message.
    public static var examples: [Self] {
        [
            .invalidFile(reason: "x"), .badDay("x"), .effectiveDateMismatch(file: "2026-01-01", given: "2026-02-01"),
            .effectiveInPast(day: "2026-01-01"), .tooSoon(days: 30, earliest: "2026-01-31"),
            .notNewer(version: "1", newest: "2"), .noSummary, .unknownVersion("x"),
        ]
    }
}
