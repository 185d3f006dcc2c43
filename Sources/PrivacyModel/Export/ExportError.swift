import Glibc

/// Why an export or access report was not written; in every case no partial output is left behind.
public enum ExportError: UserFacingError, Equatable {
    /// Something already exists at the output path; it was left untouched.
    case outputExists(String)
    /// An earlier run's output for the same request no longer matches its manifest; it was left untouched.
    case earlierOutputAltered(String)
    /// The folder that should hold the output does not exist.
    case folderMissing(String)
    /// The folder that should hold the output cannot be written.
    case folderNotWritable(String)
    /// A category id the catalogue does not know (or, when empty, no category named); `known` lists the ones it does.
    case unknownCategory(String, known: [String])
    /// The date range is empty (its start is not before its end).
    case emptyRange
    /// The output path is empty or names no file.
    case invalidOutput(String)
    /// Writing failed (a full disk, an I/O error); nothing was left behind.
    case writeFailed(String, reason: String)
    /// The export was stopped before it finished; nothing was left behind.
    case cancelled
    /// A request cannot be fulfilled by an export (wrong right, closed, another account).
    case notFulfillable(reference: String, reason: String)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .outputExists, .folderMissing: return .cannotCreate
        case .folderNotWritable: return .permission
        case .unknownCategory, .emptyRange, .invalidOutput: return .usage
        case .writeFailed: return .ioError
        case .cancelled: return .temporary
        case .notFulfillable, .earlierOutputAltered: return .dataError
        }
    }

    /// The error for a failed system call on `path`, by errno.
    static func system(_ code: Int32, path: String, folder: String) -> ExportError {
        switch code {
        case EACCES, EPERM, EROFS: return .folderNotWritable(folder)
        case EEXIST: return .outputExists(path)
        case ENOENT, ENOTDIR: return .folderMissing(folder)
        default: return .writeFailed(path, reason: reason(code))
        }
    }

    /// The error for a failed write to a file already created.
    static func write(_ code: Int32, path: String) -> ExportError { .writeFailed(path, reason: reason(code)) }

    /// A system error number in plain words.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full"
        case EDQUOT: return "the disk quota is used up"
        default: return String(cString: strerror(code))
        }
    }
}
