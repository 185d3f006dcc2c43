import Foundation
import Testing

@testable import PrivacyModel

@Suite("request fulfilment by export")
struct ExportFulfilmentTests {
    @Test("a portability request is fulfilled: the export is written, then the request completed with its path")
    func portability() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.requests.file(
            accountId: fixture.account.id, type: .portability, scope: .format("json"))
        let path = fixture.output("mine.json")
        let (output, request) = try ExportFulfilment(context: fixture.env.context).fulfil(
            reference: filed.reference, to: path)
        #expect(output.format == "json")
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(request.status == .completed)
        #expect(request.resolution == "json export written to \(path)")
        let events = try fixture.env.requests.events(requestId: request.id)
        #expect(events.map(\.toStatus) == [.submitted, .acknowledged, .identityVerified, .inProgress, .completed])
        #expect(events.dropFirst().allSatisfy { $0.actor == .system })
    }

    @Test("an access request is fulfilled with the access report")
    func access() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(for: fixture.account, in: .inProgress, type: .access, scope: .all)
        let path = fixture.output("report.txt")
        let (output, request) = try ExportFulfilment(context: fixture.env.context).fulfil(
            reference: filed.reference, to: path, actor: .support)
        #expect(output.format == "report")
        #expect(request.status == .completed)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Viewing history"))
    }

    @Test("a failed or cancelled export leaves the request as it was, not completed")
    func failureLeavesRequestOpen() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.requests.file(
            accountId: fixture.account.id, type: .portability, scope: .format("zip"))
        let taken = fixture.output("taken.zip")
        try Data("x".utf8).write(to: URL(fileURLWithPath: taken))
        let fulfilment = ExportFulfilment(context: fixture.env.context)
        #expect(throws: ExportError.outputExists(taken)) {
            try fulfilment.fulfil(reference: filed.reference, to: taken)
        }
        #expect(throws: ExportError.cancelled) {
            try fulfilment.fulfil(reference: filed.reference, to: fixture.output("new.zip"), isCancelled: { true })
        }
        let after = try fixture.env.requests.require(reference: filed.reference)
        #expect(after.status == .submitted)
        #expect(try fixture.env.eventCount(after) == 1)
        #expect(try fixture.folderContents() == ["taken.zip"])
    }

    @Test("a request that is not access or portability, or already closed, is refused without writing")
    func notFulfillable() throws {
        let fixture = try ExportFixture()
        let objection = try fixture.env.requests.file(
            accountId: fixture.account.id, type: .objection, scope: .purpose("personalisation"))
        let fulfilment = ExportFulfilment(context: fixture.env.context)
        #expect(throws: ExportError.self) {
            try fulfilment.fulfil(reference: objection.reference, to: fixture.output("a"))
        }
        let done = try fixture.env.request(for: fixture.account, in: .completed, type: .access, scope: .all)
        #expect(throws: ExportError.self) { try fulfilment.fulfil(reference: done.reference, to: fixture.output("b")) }
        #expect(try fixture.folderContents() == [])
    }
}
