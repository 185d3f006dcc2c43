import Foundation
import TestSupport
import Testing
import ZIPFoundation

@testable import PrivacyModel

/// The zip archive written with zlib, each file's blocks deflated in parallel: read back by ZIPFoundation (which
/// checks every CRC-32) and by `unzip -t`.
@Suite("portability export: zip packing")
struct ZipPackerTests {
    /// Files of 0 bytes, 1 byte, and many blocks of repetitive and varied text.
    private func sampleFiles(in folder: TemporaryDirectory) throws -> [(name: String, path: String, data: Data)] {
        var generator = SystemRandomNumberGenerator()
        var varied = Data()
        for index in 0..<6_000 {
            let word = (0..<(index % 13 + 3)).map { _ in
                Character(UnicodeScalar(UInt8.random(in: 97...122, using: &generator)))
            }
            varied.append(Data("\(index),\(String(word)),\u{65E5}\u{672C}\r\n".utf8))
        }
        let repetitive = Data(String(repeating: "{\"channel\":\"arte\",\"genre\":\"news\"},\n", count: 4_000).utf8)
        let contents: [(String, Data)] = [
            ("manifest.json", Data()), ("one.txt", Data("x".utf8)), ("varied.csv", varied),
            ("export.json", repetitive),
        ]
        return try contents.map { name, data in
            let path = folder.path(name)
            try data.write(to: URL(fileURLWithPath: path))
            return (name, path, data)
        }
    }

    private func extracted(_ path: String) throws -> [String: Data] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var result: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            result[entry.path] = data
            #expect(entry.isCompressed, "\(entry.path) is deflated")
        }
        return result
    }

    /// `unzip -t`'s verdict, or nil where unzip is not installed.
    private func unzipTest(_ path: String) throws -> Int32? {
        let unzip = ["/usr/bin/unzip", "/bin/unzip"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let unzip else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: unzip)
        process.arguments = ["-tqq", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private func pack(
        _ files: [(name: String, path: String, data: Data)], to path: String, level: Int, forceZip64: Bool = false
    ) throws {
        try ZipPacker.pack(
            files.map { (name: $0.name, path: $0.path) }, into: path, modified: TestDefaults.start, level: level,
            blockSize: 32 * 1024, forceZip64: forceZip64, progress: { _, _ in }, isCancelled: { false })
    }

    @Test("every level gives back the same bytes in order, checked by CRC-32; a higher level gives a smaller archive")
    func levels() throws {
        let folder = try TemporaryDirectory()
        let files = try sampleFiles(in: folder)
        var sizes: [Int: Int64] = [:]
        for level in [0, 1, 6, 9] {
            let path = folder.path("level\(level).zip")
            try pack(files, to: path, level: level)
            let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
            #expect(archive.map(\.path) == files.map(\.name))
            let back = try extracted(path)
            for file in files { #expect(back[file.name] == file.data, "\(file.name) at level \(level)") }
            if let status = try unzipTest(path) { #expect(status == 0, "unzip -t at level \(level)") }
            sizes[level] = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        }
        let stored = try #require(sizes[0])
        let fast = try #require(sizes[1])
        let small = try #require(sizes[9])
        #expect(stored > fast)
        #expect(fast >= small)
    }

    @Test("entries carry mode 0600 and the archive itself is 0600")
    func modes() throws {
        let folder = try TemporaryDirectory()
        let files = try sampleFiles(in: folder)
        let path = folder.path("modes.zip")
        try pack(files, to: path, level: 6)
        #expect(try FileCheck.mode(path) == 0o600)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        for entry in archive {
            #expect(entry.fileAttributes[.posixPermissions] as? Int16 == 0o600, "\(entry.path)")
        }
    }

    @Test("ZIP64 records (used past 4 GiB) read back and pass unzip -t")
    func zip64() throws {
        let folder = try TemporaryDirectory()
        let files = try sampleFiles(in: folder)
        let path = folder.path("zip64.zip")
        try pack(files, to: path, level: 6, forceZip64: true)
        let back = try extracted(path)
        for file in files { #expect(back[file.name] == file.data, "\(file.name)") }
        if let status = try unzipTest(path) { #expect(status == 0) }
    }

    @Test("a cancellation while packing stops with ExportError.cancelled")
    func cancelled() throws {
        let folder = try TemporaryDirectory()
        let files = try sampleFiles(in: folder)
        var asked = 0
        #expect(throws: ExportError.cancelled) {
            try ZipPacker.pack(
                files.map { (name: $0.name, path: $0.path) }, into: folder.path("stopped.zip"),
                modified: TestDefaults.start, blockSize: 32 * 1024, progress: { _, _ in },
                isCancelled: {
                    asked += 1
                    return asked > 3
                })
        }
    }
}
