import Foundation
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("refused stores are left exactly as they were")
struct StoreRefusalTests {
    /// Every file in the folder with its bytes.
    private func folderState(_ directory: TemporaryDirectory) throws -> [String: Data] {
        var state: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.url.path) {
            state[name] = try Data(contentsOf: directory.url.appendingPathComponent(name))
        }
        return state
    }

    /// The bytes of a closed store with one account (no -wal or -shm left beside it).
    private func closedStoreBytes() throws -> Data {
        var environment: TestEnvironment? = try TestEnvironment()
        try environment?.makeAccount()
        let directory = environment?.directory
        let path = environment?.storePath ?? ""
        environment = nil  // the last connection closes and SQLite removes its -wal and -shm
        return try withExtendedLifetime(directory) {
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
            return try Data(contentsOf: URL(fileURLWithPath: path))
        }
    }

    @Test("truncated, bare-header, scribbled and newer stores are refused without a -wal or -shm appearing")
    func damagedLeftAlone() throws {
        let good = try closedStoreBytes()
        var newer = good
        newer.replaceSubrange(60..<64, with: [0, 0, 0x03, 0xE7])
        var scribbled = good
        scribbled.replaceSubrange(4096..<8192, with: Data(repeating: 0x5A, count: 4096))
        let variants: [(String, Data)] = [
            ("truncated", good.prefix(good.count / 2)), ("bare header", good.prefix(100)), ("newer", newer),
            ("scribbled", scribbled),
        ]
        for (name, bytes) in variants {
            let directory = try TemporaryDirectory()
            let path = directory.path("store.sqlite")
            try bytes.write(to: URL(fileURLWithPath: path))
            let before = try folderState(directory)
            #expect(throws: StoreError.self, "\(name) opened") { try PrivacyStore.open(at: path) }
            #expect(try folderState(directory) == before, "\(name): the folder changed")
        }
    }

    @Test("a zero-byte file is not a store unless creating is allowed")
    func zeroByteFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("store.sqlite")
        FileManager.default.createFile(atPath: path, contents: Data())
        #expect(throws: StoreError.notAStore(path)) { try PrivacyStore.open(at: path) }
        #expect(try folderState(directory) == ["store.sqlite": Data()])
        _ = try PrivacyStore.open(at: path, mode: .createIfMissing)
    }
}
