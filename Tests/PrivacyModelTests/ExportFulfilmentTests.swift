import Foundation
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("request fulfilment by export")
struct ExportFulfilmentTests {
    @Test("a portability request is fulfilled: the export is written, then the request completed with its path")
    func portability() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.requests.file(
            accountId: fixture.account.id, type: .portability, scope: .format("json"))
        let outcome = try ExportFulfilment(context: fixture.env.context).fulfil(
            reference: filed.reference, into: fixture.outputs.url.path)
        let path = fixture.output(
            ExportLocation.suggestedName(
                username: "ada", format: .json, at: TestDefaults.start, reference: filed.reference))
        #expect(outcome.outputs.map(\.format) == ["json"])
        #expect(outcome.outputs.map(\.path) == [path])
        #expect(FileManager.default.fileExists(atPath: path))
        let request = outcome.request
        #expect(request.status == .completed)
        #expect(
            english(request.resolution, catalogue: fixture.env.context.catalogue) == "JSON export written to \(path).")
        let events = try fixture.env.requests.events(requestId: request.id)
        #expect(events.map(\.toStatus) == [.submitted, .acknowledged, .identityVerified, .inProgress, .completed])
        #expect(events.dropFirst().allSatisfy { $0.actor == .system })
    }

    @Test("an access request is fulfilled with the access report and the zip export")
    func access() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(for: fixture.account, in: .inProgress, type: .access, scope: .all)
        let outcome = try ExportFulfilment(context: fixture.env.context).fulfil(
            reference: filed.reference, into: fixture.outputs.url.path, actor: .support)
        #expect(outcome.outputs.map(\.format) == ["report", "zip"])
        #expect(outcome.request.status == .completed)
        let report = try #require(outcome.outputs.first?.path)
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("Viewing history"))
    }

    @Test("a failed or cancelled export leaves the request as it was, not completed")
    func failureLeavesRequestOpen() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.requests.file(
            accountId: fixture.account.id, type: .portability, scope: .format("zip"))
        let name = ExportLocation.suggestedName(
            username: "ada", format: .zip, at: TestDefaults.start, reference: filed.reference)
        let taken = fixture.output(name)
        try Data("x".utf8).write(to: URL(fileURLWithPath: taken))
        let fulfilment = ExportFulfilment(context: fixture.env.context)
        #expect(throws: ExportError.earlierOutputAltered(taken)) {
            try fulfilment.fulfil(reference: filed.reference, into: fixture.outputs.url.path)
        }
        try FileManager.default.removeItem(atPath: taken)
        #expect(throws: ExportError.cancelled) {
            try fulfilment.fulfil(reference: filed.reference, into: fixture.outputs.url.path, isCancelled: { true })
        }
        let after = try fixture.env.requests.require(reference: filed.reference)
        #expect(after.status == .submitted)
        #expect(try fixture.env.eventCount(after) == 1)
        #expect(try fixture.folderContents() == [])
    }

    @Test("a request that is not access or portability, or already closed, is refused without writing")
    func notFulfillable() throws {
        let fixture = try ExportFixture()
        let objection = try fixture.env.requests.file(
            accountId: fixture.account.id, type: .objection, scope: .purpose("personalisation"))
        let fulfilment = ExportFulfilment(context: fixture.env.context)
        #expect(throws: ExportError.self) {
            try fulfilment.fulfil(reference: objection.reference, into: fixture.outputs.url.path)
        }
        let done = try fixture.env.request(for: fixture.account, in: .completed, type: .access, scope: .all)
        #expect(throws: ExportError.self) {
            try fulfilment.fulfil(reference: done.reference, into: fixture.outputs.url.path)
        }
        #expect(try fixture.folderContents() == [])
    }
}
