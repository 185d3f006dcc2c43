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
}
