import Foundation
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("completing access and portability requests writes their files")
struct RequestCompletionTests {
    private func name(_ format: PortabilityFormat?, _ request: RightsRequest) -> String {
        ExportLocation.suggestedName(
            username: "ada", format: format, at: TestDefaults.start, reference: request.reference)
    }

    @Test("completing an access request writes the access report and the zip export and names both")
    func access() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(for: fixture.account, in: .inProgress, type: .access, scope: .all)
        let outcome = try RequestFulfilment(context: fixture.env.context).complete(
            reference: filed.reference, note: "sent by post", outputFolder: fixture.outputs.url.path)
        let report = fixture.output(name(nil, filed))
        let zip = fixture.output(name(.zip, filed))
        #expect(outcome.outputs.map(\.path) == [report, zip])
        #expect(try fixture.folderContents() == [name(nil, filed), name(.zip, filed)].sorted())
        #expect(try String(contentsOfFile: report, encoding: .utf8).contains("Viewing history"))
        #expect(try FileCheck.mode(zip) == 0o600)
        #expect(outcome.outputs.last?.rows ?? 0 >= ExportFixture.viewingCount)
        let request = outcome.request
        #expect(request.status == .completed)
        #expect(
            english(request.resolution, catalogue: fixture.env.context.catalogue)
                == "sent by post. Access report written to \(report). ZIP export written to \(zip).")
        #expect(request.resolution?.typedTexts == ["sent by post"])
        let events = try fixture.env.requests.events(requestId: request.id)
        #expect(events.last?.actor == .support)
    }

    @Test("an access request for one category limits the report and the export to it")
    func accessForCategory() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(
            for: fixture.account, in: .inProgress, type: .access, scope: .category("viewing"))
        let outcome = try RequestFulfilment(context: fixture.env.context).complete(
            reference: filed.reference, outputFolder: fixture.outputs.url.path)
        #expect(outcome.outputs.last?.rows == ExportFixture.viewingCount)
        let report = try String(contentsOfFile: fixture.output(name(nil, filed)), encoding: .utf8)
        #expect(report.contains("1. Viewing history"))
        #expect(!report.contains("Technical logs"))
    }

    @Test("completing a portability request writes the export in its format", arguments: ["json", "csv"])
    func portability(format: String) throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(
            for: fixture.account, in: .inProgress, type: .portability, scope: .format(format))
        let outcome = try RequestFulfilment(context: fixture.env.context).complete(
            reference: filed.reference, outputFolder: fixture.outputs.url.path)
        let expected = name(PortabilityFormat(rawValue: format), filed)
        #expect(try fixture.folderContents() == [expected])
        #expect(outcome.outputs.map(\.format) == [format])
        #expect(
            english(outcome.request.resolution, catalogue: fixture.env.context.catalogue)
                == "\(format.uppercased()) export written to \(fixture.output(expected)).")
        if format == "json" {
            let data = try Data(contentsOf: URL(fileURLWithPath: fixture.output(expected)))
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(object?["kind"] as? String == "privacy-dashboard-export")
        }
    }

    @Test("an output that exists already stops completion before anything is written")
    func existingOutput() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(for: fixture.account, in: .inProgress, type: .access, scope: .all)
        let taken = fixture.output(name(nil, filed))
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: taken))
        chmod(taken, 0o644)
        #expect(throws: ExportError.outputExists(taken)) {
            try RequestFulfilment(context: fixture.env.context).complete(
                reference: filed.reference, outputFolder: fixture.outputs.url.path)
        }
        #expect(try fixture.folderContents() == [name(nil, filed)])
        #expect(try String(contentsOfFile: taken, encoding: .utf8) == "keep me")
        let after = try fixture.env.requests.require(reference: filed.reference)
        #expect(after.status == .inProgress)
        #expect(after.resolution == nil)
    }

    @Test("a completion killed after its outputs were in place is finished by running it again a few seconds later")
    func rerunAfterKill() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(for: fixture.account, in: .inProgress, type: .access, scope: .all)
        // What the killed run left: both outputs at their final paths, the request still in progress.
        let zip = fixture.output(name(.zip, filed))
        let first = try fixture.exporter.export(
            accountId: fixture.account.id, to: zip, options: ExportOptions(format: .zip))
        try AccessReportWriter(context: fixture.env.context).write(
            accountId: fixture.account.id, to: fixture.output(name(nil, filed)))
        fixture.env.clock.advance(by: 3)
        let outcome = try RequestFulfilment(context: fixture.env.context).complete(
            reference: filed.reference, outputFolder: fixture.outputs.url.path)
        #expect(outcome.request.status == .completed)
        let report = ExportLocation.suggestedName(
            username: "ada", format: nil, at: TestDefaults.start.addingTimeInterval(3), reference: filed.reference)
        #expect(try fixture.folderContents() == [report, name(.zip, filed)].sorted())
        #expect(outcome.outputs.map(\.path) == [fixture.output(report), zip])
        #expect(outcome.outputs.last?.files == first.files)
        #expect(outcome.outputs.last?.rows == first.rows)
    }

    @Test("an earlier output of the request that no longer matches its manifest is refused and left as it is")
    func alteredEarlierOutput() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(
            for: fixture.account, in: .inProgress, type: .portability, scope: .format("csv"))
        let folder = fixture.output(name(.csv, filed))
        try fixture.exporter.export(accountId: fixture.account.id, to: folder, options: ExportOptions(format: .csv))
        try Data("changed".utf8).write(to: URL(fileURLWithPath: folder + "/viewing.csv"))
        fixture.env.clock.advance(by: 1)
        #expect(throws: ExportError.earlierOutputAltered(folder)) {
            try RequestFulfilment(context: fixture.env.context).complete(
                reference: filed.reference, outputFolder: fixture.outputs.url.path)
        }
        #expect(try fixture.folderContents() == [name(.csv, filed)])
        #expect(try fixture.env.requests.require(reference: filed.reference).status == .inProgress)
    }

    @Test("a folder that cannot be written leaves no file and the request in progress")
    func unwritableFolder() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(for: fixture.account, in: .inProgress, type: .access, scope: .all)
        let folder = try fixture.unwritableFolder()
        defer { if folder != "/sys" { chmod(folder, 0o700) } }
        #expect(throws: ExportError.folderNotWritable(folder)) {
            try RequestFulfilment(context: fixture.env.context).complete(
                reference: filed.reference, outputFolder: folder)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + name(nil, filed)))
        #expect(try fixture.env.requests.require(reference: filed.reference).status == .inProgress)
    }

    @Test("when the export fails after the report was written, the report is removed too")
    func laterFailureRemovesEarlierOutput() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(for: fixture.account, in: .inProgress, type: .access, scope: .all)
        var calls = 0
        #expect(throws: ExportError.cancelled) {
            // The report asks twice; the export's first question stops it.
            try RequestFulfilment(context: fixture.env.context).complete(
                reference: filed.reference, outputFolder: fixture.outputs.url.path,
                isCancelled: {
                    calls += 1
                    return calls > 2
                })
        }
        #expect(calls > 2)
        #expect(try fixture.folderContents() == [])
        #expect(try fixture.env.requests.require(reference: filed.reference).status == .inProgress)
    }

    @Test("a missing output folder is refused; the request is not completed")
    func missingFolder() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(
            for: fixture.account, in: .inProgress, type: .portability, scope: .format("zip"))
        let folder = fixture.output("nowhere")
        #expect(throws: ExportError.folderMissing(folder)) {
            try RequestFulfilment(context: fixture.env.context).complete(
                reference: filed.reference, outputFolder: folder)
        }
        #expect(try fixture.env.requests.require(reference: filed.reference).status == .inProgress)
    }

    @Test("an access request not yet in progress is refused by the step rules before anything is written")
    func notInProgress() throws {
        let fixture = try ExportFixture()
        let filed = try fixture.env.request(for: fixture.account, in: .acknowledged, type: .access, scope: .all)
        #expect(throws: RequestError.self) {
            try RequestFulfilment(context: fixture.env.context).complete(
                reference: filed.reference, outputFolder: fixture.outputs.url.path)
        }
        #expect(try fixture.folderContents() == [])
    }
}
