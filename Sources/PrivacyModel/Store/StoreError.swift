/// Why a store could not be opened or used; the store file is left untouched in every case.
public enum StoreError: UserFacingError, Equatable {
    /// The folder that should hold the store does not exist.
    case directoryMissing(String)
    /// There is no store at the path.
    case notFound(String)
    /// The file is not a Privacy Dashboard store (another program's database or not SQLite at all).
    case notAStore(String)
    /// The file is a store but SQLite reports damage.
    case corrupt(String, detail: String)
    /// The store was written by a newer version of the program.
    case newerSchema(String, found: Int, supported: Int)
    /// The store (or its folder) cannot be written.
    case readOnly(String)
    /// A new store could not be created.
    case cannotCreate(String, reason: String)
    /// Another session held the store for too long.
    case busy(String)
    /// Any other SQLite failure.
    case io(String, detail: String)

    /// The failure's kind.
    public var kind: FailureKind {
        switch self {
        case .directoryMissing, .notFound: return .noInput
        case .notAStore, .corrupt, .newerSchema: return .dataError
        case .readOnly: return .permission
        case .cannotCreate: return .cannotCreate
        case .busy: return .temporary
        case .io: return .ioError
        }
    }

    /// A one-line message a person can act on.
    public var description: String {
        switch self {
        case .directoryMissing(let dir):
            return "the folder \(dir) does not exist; create it or choose another --store path"
        case .notFound(let path):
            return
                "no store at \(path); create one with `privacy-dashboard init` or seed a demo with `privacy-dashboard demo seed`"
        case .notAStore(let path): return "\(path) is not a Privacy Dashboard store; it was left unchanged"
        case .corrupt(let path, let detail):
            return "the store \(path) is damaged (\(detail)); it was left unchanged, restore it from a backup"
        case .newerSchema(let path, let found, let supported):
            return
                "the store \(path) was written by a newer version (schema \(found), this program knows up to \(supported)); it was left unchanged, upgrade the program"
        case .readOnly(let path):
            return
                "the store \(path) is read-only; it needs write permission for its owner (mode 0600) and a writable folder"
        case .cannotCreate(let path, let reason): return "cannot create the store \(path): \(reason)"
        case .busy(let path): return "the store \(path) is busy in another session; try again"
        case .io(let path, let detail): return "cannot use the store \(path): \(detail)"
        }
    }
}
