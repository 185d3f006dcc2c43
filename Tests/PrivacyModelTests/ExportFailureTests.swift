import Foundation
import Testing

@testable import PrivacyModel

@Suite("portability export: failures leave nothing behind")
struct ExportFailureTests {
    @Test(
        "an existing output is refused with a clear error and left exactly as it was",
        arguments: PortabilityFormat.allCases)
    func existingOutput(format: PortabilityFormat) throws {
        let fixture = try ExportFixture()
        let path = fixture.output("taken")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: ExportError.self) {
            try fixture.exporter.export(accountId: fixture.account.id, to: path, options: ExportOptions(format: format))
        }
        #expect(error == .outputExists(path))
        #expect(error.kind == .cannotCreate)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        #expect(try fixture.folderContents() == ["taken"])
    }

    @Test("a folder that cannot be written is refused as a permission problem")
    func unwritableFolder() throws {
        let fixture = try ExportFixture()
        let folder = try fixture.unwritableFolder()
        defer { chmod(folder, 0o700) }
        let path = folder + "/pd-export-\(UUID().uuidString).zip"
        let error = try #require(throws: ExportError.self) {
            try fixture.exporter.export(accountId: fixture.account.id, to: path, options: ExportOptions(format: .zip))
        }
        #expect(error == .folderNotWritable(folder))
        #expect(error.kind == .permission)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a missing folder is refused")
    func missingFolder() throws {
        let fixture = try ExportFixture()
        let path = fixture.output("no/such/folder/export.zip")
        #expect(throws: ExportError.folderMissing(fixture.output("no/such/folder"))) {
            try fixture.exporter.export(accountId: fixture.account.id, to: path, options: ExportOptions(format: .zip))
        }
    }

    @Test("cancelling while rows are written leaves no file, in every format", arguments: PortabilityFormat.allCases)
    func cancelWhileWriting(format: PortabilityFormat) throws {
        let fixture = try ExportFixture()
        var calls = 0
        let path = fixture.output("cancelled")
        #expect(throws: ExportError.cancelled) {
            try fixture.exporter.export(
                accountId: fixture.account.id, to: path, options: ExportOptions(format: format, batchSize: 2),
                isCancelled: {
                    calls += 1
                    return calls > 3
                })
        }
        #expect(try fixture.folderContents() == [])
    }

    @Test("cancelling while the archive is packed leaves no file")
    func cancelWhilePacking() throws {
        let fixture = try ExportFixture()
        var packing = false
        #expect(throws: ExportError.cancelled) {
            try fixture.exporter.export(
                accountId: fixture.account.id, to: fixture.output("export.zip"), options: ExportOptions(format: .zip),
                progress: { if $0.phase == .packing { packing = true } }, isCancelled: { packing })
        }
        #expect(packing)
        #expect(try fixture.folderContents() == [])
    }

    @Test("a full disk while writing leaves no file", arguments: PortabilityFormat.allCases)
    func diskFull(format: PortabilityFormat) throws {
        let fixture = try ExportFixture()
        var options = ExportOptions(format: format)
        options.simulatedDiskFullAfterBytes = 200
        let error = try #require(throws: ExportError.self) {
            try fixture.exporter.export(accountId: fixture.account.id, to: fixture.output("full"), options: options)
        }
        guard case .writeFailed(_, let reason) = error else {
            Issue.record("expected writeFailed, got \(error)")
            return
        }
        #expect(reason == "the disk is full")
        #expect(error.kind == .ioError)
        #expect(try fixture.folderContents() == [])
    }

    @Test("a real ENOSPC (/dev/full) surfaces as a write failure saying the disk is full")
    func devFull() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { return }
        let writer = try HashingFileWriter(existing: "/dev/full")
        writer.append("some bytes")
        #expect(throws: ExportError.writeFailed("/dev/full", reason: "the disk is full")) { try writer.flush() }
    }

    @Test("an export for an unknown account is refused before any file is made")
    func unknownAccount() throws {
        let fixture = try ExportFixture()
        #expect(throws: AccountError.notFound("account 999")) {
            try fixture.exporter.export(
                accountId: 999, to: fixture.output("x.zip"), options: ExportOptions(format: .zip))
        }
        #expect(try fixture.folderContents() == [])
    }
}
