import Foundation
import GRDB
import Glibc
import Logging

/// The one SQLite file that holds every account, its data, consents and requests; safe for many sessions at once.
public final class PrivacyStore: Sendable {
    /// Whether opening may create a new store.
    public enum OpenMode: Sendable {
        /// The store must already exist.
        case existing
        /// Create the store (mode 0600) when the file is absent.
        case createIfMissing
    }

    /// The store file's path.
    public let path: String
    /// The connection pool (one writer, concurrent readers, WAL); only the model's services reach it.
    let database: DatabasePool

    private static let logger = Logger(label: "privacy-dashboard.store")
    private static let sqliteMagic = Array("SQLite format 3\0".utf8)

    private init(path: String, database: DatabasePool) {
        self.path = path
        self.database = database
    }

    /// Opens (and if asked, creates) the store at `path`, refusing foreign, damaged, newer or read-only files without touching them.
    public static func open(at path: String, mode: OpenMode = .existing) throws(StoreError) -> PrivacyStore {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let path = url.path
        let directory = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .directoryMissing(directory)
        }
        var info = stat()
        if stat(path, &info) != 0 {
            guard mode == .createIfMissing else { throw .notFound(path) }
            try createEmptyFile(path)
        } else {
            try checkExisting(path, info: info, directory: directory, mode: mode)
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: configuration())
        } catch {
            throw map(error, path: path)
        }
        do {
            try StoreSchema.migrator.migrate(pool)
        } catch {
            throw map(error, path: path)
        }
        for suffix in ["", "-wal", "-shm"] { _ = chmod(path + suffix, 0o600) }
        logger.debug("opened store", metadata: ["path": "\(path)"])
        return PrivacyStore(path: path, database: pool)
    }

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.label = "privacy-store"
        config.prepareDatabase { db in
            // Deleted personal data is overwritten, not just unlinked.
            try db.execute(sql: "PRAGMA secure_delete = ON")
        }
        return config
    }

    private static func createEmptyFile(_ path: String) throws(StoreError) {
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .cannotCreate(path, reason: String(cString: strerror(errno))) }
        close(fd)
    }

    /// Refuses anything that is not one of our stores, before any connection could write to it.
    ///
    /// A zero-byte file becomes a store only when creating is allowed (`init`, a demo): any other command
    /// refuses it rather than turn it into an empty store and call that intact.
    private static func checkExisting(_ path: String, info: stat, directory: String, mode: OpenMode)
        throws(StoreError)
    {
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .notAStore(path) }
        guard info.st_mode & S_IWUSR != 0, access(path, W_OK) == 0 else { throw .readOnly(path) }
        guard access(directory, W_OK) == 0 else { throw .readOnly(directory) }
        if info.st_size == 0 {
            guard mode == .createIfMissing else { throw .notAStore(path) }
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .readOnly(path) }
        let header = (try? handle.read(upToCount: 100)).map { Array($0) } ?? []
        try? handle.close()
        guard header.count == 100, Array(header[0..<16]) == sqliteMagic else { throw .notAStore(path) }
        let inUse = ["-wal", "-shm"].contains { access(path + $0, F_OK) == 0 }
        if !inUse, let expected = sizeInHeader(header), info.st_size < expected {
            throw .corrupt(
                path, detail: "the file is shorter than its header says (\(info.st_size) of \(expected) bytes)")
        }
        try inspectReadOnly(path, inUse: inUse)
    }

    /// The file size SQLite's header records (page size × page count), when the header says it is valid.
    private static func sizeInHeader(_ header: [UInt8]) -> Int64? {
        func number(_ offset: Int, _ count: Int) -> Int64 {
            header[offset..<offset + count].reduce(0) { $0 << 8 | Int64($1) }
        }
        let rawPageSize = number(16, 2)
        let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
        let pages = number(28, 4)
        // The page count is only valid when the "version-valid-for" number matches the change counter.
        guard pages > 0, number(92, 4) == number(24, 4), pageSize >= 512 else { return nil }
        return pageSize * pages
    }

    /// Reads the schema through a read-only connection: damage, foreign tables and newer migrations show here.
    ///
    /// When no session has the store open (no `-wal` or `-shm` beside it), the file is read as immutable, so
    /// SQLite creates no `-wal` or `-shm` either and a refused file is left exactly as it was.
    private static func inspectReadOnly(_ path: String, inUse: Bool) throws(StoreError) {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let location: String
        if !inUse, let encoded = path.addingPercentEncoding(withAllowedCharacters: uriPathAllowed) {
            location = "file:" + encoded + "?immutable=1"
        } else {
            location = path
        }
        do {
            let queue = try DatabaseQueue(path: location, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let userVersion = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                if applicationID == 0 {
                    // An empty SQLite file is a store we created but never finished; anything else is foreign.
                    if !tables.isEmpty { throw StoreError.notAStore(path) }
                    return
                }
                guard applicationID == StoreSchema.applicationID else { throw StoreError.notAStore(path) }
                let superseded = try StoreSchema.migrator.hasBeenSuperseded(db)
                if userVersion > StoreSchema.currentVersion || superseded {
                    throw StoreError.newerSchema(
                        path, found: Int(userVersion), supported: Int(StoreSchema.currentVersion))
                }
                // Reading every table's first page catches damage to the schema and the table roots.
                for table in tables {
                    _ = try Row.fetchOne(db, sql: "SELECT * FROM \(table.quotedDatabaseIdentifier) LIMIT 1")
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw map(error, path: path)
        }
    }

    /// The characters a path may keep as they are inside an SQLite URI filename ("?", "#" and "%" are encoded).
    private static let uriPathAllowed = CharacterSet.urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#%"))

    /// Translates a SQLite failure into a store error a person can act on.
    static func map(_ error: any Error, path: String) -> StoreError {
        if let storeError = error as? StoreError { return storeError }
        guard let dbError = error as? DatabaseError else {
            return .io(path, detail: String(describing: error))
        }
        switch dbError.resultCode {
        case .SQLITE_NOTADB: return .notAStore(path)
        case .SQLITE_CORRUPT: return .corrupt(path, detail: dbError.message ?? "malformed")
        case .SQLITE_READONLY, .SQLITE_PERM: return .readOnly(path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path)
        case .SQLITE_CANTOPEN: return .cannotCreate(path, reason: dbError.message ?? "cannot open")
        default: return .io(path, detail: dbError.message ?? "\(dbError.resultCode)")
        }
    }

    /// Runs `body` in a write transaction, mapping SQLite failures to `StoreError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.write(body) } catch let error as DatabaseError { throw Self.map(error, path: path) }
    }

    /// Runs `body` in a read transaction, mapping SQLite failures to `StoreError`.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.read(body) } catch let error as DatabaseError { throw Self.map(error, path: path) }
    }

    /// Runs `body` on the writer connection outside a transaction, for reads made while a store is being opened:
    /// a pool reader opened then is read-only and, closing last, would leave the `-wal` file behind.
    func readOnWriter<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try database.writeWithoutTransaction(body) } catch let error as DatabaseError {
            throw Self.map(error, path: path)
        }
    }

    /// Runs SQLite's full integrity check and returns its findings ("ok" when sound).
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}
