import PrivacyModel

/// The sysexits(3) codes the command line exits with, so scripts can tell failures apart.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let unavailable: Int32 = 69
    static let noInput: Int32 = 66
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let temporary: Int32 = 75
    static let permission: Int32 = 77

    /// The exit code for a model failure kind.
    static func code(for kind: FailureKind) -> Int32 {
        switch kind {
        case .usage: return usage
        case .dataError: return dataError
        case .noInput: return noInput
        case .cannotCreate: return cannotCreate
        case .ioError: return ioError
        case .permission: return permission
        case .temporary: return temporary
        }
    }
}

/// A failure found by the command line itself (not the model), with its message and exit code.
struct CommandFailure: Error {
    let message: String
    let code: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, code: ExitStatus.usage) }
}
