import Foundation
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("stale staging folders of killed exports")
struct StaleStagingTests {
    @Test("a staging folder no export holds is stale and the next export in its folder removes it; a held one stays")
    func staleRemoved() throws {
        let fixture = try ExportFixture()
        let folder = fixture.outputs.url.path
        let running = try StagingArea.prepare(output: folder + "/running.zip")
        let left = folder + "/.privacy-export-ada.zip.partial-AbC123"
        try FileManager.default.createDirectory(atPath: left, withIntermediateDirectories: false)
        try Data("partial personal data".utf8).write(to: URL(fileURLWithPath: left + "/export.json"))
        #expect(ExportLocation.staleStaging(in: folder) == [left])
        try fixture.exporter.export(
            accountId: fixture.account.id, to: folder + "/export.json", options: ExportOptions(format: .json))
        #expect(!FileManager.default.fileExists(atPath: left))
        #expect(FileManager.default.fileExists(atPath: running.directory), "a running export's folder was removed")
        #expect(ExportLocation.staleStaging(in: folder).isEmpty)
        running.discard()
    }
}
