import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("store opening and refusal of bad stores")
struct StoreTests {
    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    /// The error opening `path` fails with, or nil when it opens.
    private func openError(_ path: String) -> StoreError? {
        do {
            _ = try PrivacyStore.open(at: path)
            return nil
        } catch {
            return error
        }
    }

    private func snapshot(_ path: String) throws -> (Data, Date?) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (try Data(contentsOf: URL(fileURLWithPath: path)), attributes[.modificationDate] as? Date)
    }

    @Test("a new store is WAL, has foreign keys on and files of mode 0600")
    func createsPrivateStore() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        let (journal, foreignKeys) = try env.context.store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
        }
        #expect(journal == "wal")
        #expect(foreignKeys == 1)
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: env.storePath + suffix) {
            #expect(try mode(env.storePath + suffix) == 0o600, "mode of store\(suffix)")
        }
    }

    @Test("an existing store reopens; a missing one is not created unless asked")
    func missingStore() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("absent.sqlite")
        #expect(throws: StoreError.notFound(path)) { try PrivacyStore.open(at: path) }
        #expect(!FileManager.default.fileExists(atPath: path))
        _ = try PrivacyStore.open(at: path, mode: .createIfMissing)
        _ = try PrivacyStore.open(at: path)
    }

    @Test("a missing folder is a clear error")
    func missingDirectory() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("no/such/folder/store.sqlite")
        #expect(throws: StoreError.directoryMissing(directory.path("no/such/folder"))) {
            try PrivacyStore.open(at: path, mode: .createIfMissing)
        }
    }

    @Test("a file that is not SQLite is refused and left unchanged")
    func notSQLite() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.sqlite")
        try Data("these are my notes, not a database\n".utf8).write(to: URL(fileURLWithPath: path))
        let before = try snapshot(path)
        #expect(throws: StoreError.notAStore(path)) { try PrivacyStore.open(at: path, mode: .createIfMissing) }
        #expect(try snapshot(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("another program's SQLite database is refused and left unchanged")
    func foreignDatabase() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("other.sqlite")
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi')") }
        try queue.close()
        let before = try snapshot(path)
        #expect(throws: StoreError.notAStore(path)) { try PrivacyStore.open(at: path) }
        #expect(try snapshot(path) == before)
    }

    @Test("a store from a newer schema is refused and left unchanged")
    func newerSchema() throws {
        let env = try TestEnvironment()
        let path = env.storePath
        try env.context.store.write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        try env.context.store.database.close()
        let before = try snapshot(path)
        #expect(throws: StoreError.newerSchema(path, found: 99, supported: Int(StoreSchema.currentVersion))) {
            try PrivacyStore.open(at: path)
        }
        #expect(try snapshot(path) == before)
    }

    @Test("a store with an unknown migration is refused as newer")
    func unknownMigration() throws {
        let env = try TestEnvironment()
        let path = env.storePath
        try env.context.store.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        }
        try env.context.store.database.close()
        guard case .newerSchema = try #require(openError(path)) else {
            Issue.record("expected newerSchema")
            return
        }
    }

    @Test("a damaged store is refused with a clear error and left unchanged")
    func corrupt() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        let path = env.storePath
        try env.context.store.database.close()
        // Overwrite the schema page after the 100-byte header.
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 100)
        handle.write(Data(repeating: 0xA5, count: 3_900))
        try handle.close()
        let before = try snapshot(path)
        let error = try #require(openError(path))
        #expect(error.kind == .dataError, "got \(error)")
        #expect(!error.description.contains("\n"))
        #expect(try snapshot(path) == before)
    }

    @Test("a read-only store is refused and left unchanged")
    func readOnly() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        let path = env.storePath
        try env.context.store.database.close()
        #expect(chmod(path, 0o400) == 0)
        defer { chmod(path, 0o600) }
        let before = try snapshot(path)
        #expect(throws: StoreError.readOnly(path)) { try PrivacyStore.open(at: path) }
        #expect(try snapshot(path) == before)
    }

    @Test("every store error reads as one line")
    func oneLineMessages() {
        let errors: [StoreError] = [
            .directoryMissing("/x"), .notFound("/x/s"), .notAStore("/x/s"), .corrupt("/x/s", detail: "malformed"),
            .newerSchema("/x/s", found: 3, supported: 1), .readOnly("/x/s"), .cannotCreate("/x/s", reason: "denied"),
            .busy("/x/s"), .io("/x/s", detail: "disk I/O error"),
        ]
        for error in errors {
            #expect(!error.description.isEmpty && !error.description.contains("\n"))
        }
    }

    @Test("append-only tables refuse updates and deletes")
    func appendOnlyAudit() throws {
        let env = try TestEnvironment()
        try env.makeAccount()
        #expect(throws: StoreError.self) {
            try env.context.store.write { db in try db.execute(sql: "UPDATE audit_log SET action = 'nothing'") }
        }
        #expect(throws: StoreError.self) {
            try env.context.store.write { db in try db.execute(sql: "DELETE FROM audit_log") }
        }
    }
}
