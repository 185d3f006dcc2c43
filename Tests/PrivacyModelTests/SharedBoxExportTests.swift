import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// Exports on a shared support box: the subscriber's own folder, one-time download codes kept hashed, and
/// files removed after the download or at expiry.
@Suite("exports on a shared box")
struct SharedBoxExportTests {
    /// An export fixture whose context runs on a shared box with its exports folder in a temporary folder.
    struct BoxFixture {
        let fixture: ExportFixture
        let box: SharedBox
        let context: PrivacyContext
        let exports: TemporaryDirectory

        init() throws {
            fixture = try ExportFixture()
            exports = try TemporaryDirectory()
            box = try SharedBox(
                destination: "privacy@support.example.net", exportsFolder: exports.path("exports"), downloadHours: 24)
            context = try PrivacyContext.open(
                path: fixture.env.storePath,
                settings: ModelSettings(
                    clock: fixture.env.clock, random: SystemRandomSource(), scrypt: TestDefaults.cheapScrypt,
                    channel: "dashboard", sharedBox: box))
        }

        /// Files and carries out an access request as the wizard does (no folder named).
        func access() throws -> FulfilmentOutcome {
            try RequestFulfilment(context: context).fileAndCarryOut(
                accountId: fixture.account.id, type: .access, scope: .all, options: FulfilmentOptions(actor: .system))
        }
    }

    @Test("an access export goes to the subscriber's own 0700 folder, each file with a code the store keeps hashed")
    func ownFolderAndHashedCodes() throws {
        let box = try BoxFixture()
        let outcome = try box.access()
        let folder = box.box.folder(accountId: box.fixture.account.id)
        #expect(outcome.outputs.count == 2)
        #expect(outcome.outputs.allSatisfy { ($0.path as NSString).deletingLastPathComponent == folder })
        let mode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(mode == 0o700)
        let tickets = outcome.outputs.compactMap(\.download)
        #expect(tickets.count == 2)
        for (output, ticket) in zip(outcome.outputs, tickets) {
            #expect(ticket.fileName == (output.path as NSString).lastPathComponent)
            #expect(ticket.expiresAt == Date(epochSeconds: TestDefaults.start.epochSeconds + 24 * 3600))
            #expect(
                ticket.command
                    == "ssh -T privacy@support.example.net download \(outcome.request.reference) \(ticket.code) > \(ticket.fileName)"
            )
        }
        // The store holds the codes' hashes, never a code, and the resolution names no path on the box.
        let dump = try box.context.store.read { db in
            try String.fetchAll(db, sql: "SELECT codeHash FROM export_download ORDER BY id")
                + [
                    try String.fetchOne(
                        db, sql: "SELECT resolution FROM rights_request WHERE id = ?",
                        arguments: [outcome.request.id]) ?? ""
                ]
        }
        #expect(Array(dump.prefix(2)) == tickets.map { DownloadCode.hash($0.code) })
        for ticket in tickets { #expect(!dump.contains { $0.contains(ticket.code) }) }
        let resolution = english(outcome.request.resolution, catalogue: box.context.catalogue)
        #expect(!resolution.contains(folder), "\(resolution)")
        #expect(
            resolution.contains("download \(outcome.request.reference) CODE > \(tickets[1].fileName)"), "\(resolution)")
    }

    @Test("a code works once: the file is handed over and removed; again, wrong or late it is refused")
    func singleUse() throws {
        let box = try BoxFixture()
        let outcome = try box.access()
        let ticket = try #require(outcome.outputs.last?.download)
        let service = DownloadService(context: box.context)
        #expect(throws: DownloadError.notValid) {
            try service.redeem(reference: outcome.request.reference, code: "AAAA-AAAA-AAAA-AAAA-AAAA")
        }
        let claim = try service.redeem(reference: outcome.request.reference, code: ticket.code.lowercased())
        #expect(claim.path == outcome.outputs.last?.path)
        try service.remove(claim)
        #expect(!FileManager.default.fileExists(atPath: claim.path))
        #expect(throws: DownloadError.alreadyUsed(at: TestDefaults.start)) {
            try service.redeem(reference: outcome.request.reference, code: ticket.code)
        }
        let actions = try box.context.store.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE action LIKE 'download%' ORDER BY id")
        }
        #expect(actions == ["download-issued", "download-issued", "download-refused", "download", "download-refused"])

        // The report's code, 24 hours later: expired, and the retention run removes its file.
        let report = try #require(outcome.outputs.first)
        let reportTicket = try #require(report.download)
        box.fixture.env.clock.advance(by: 24 * 3600)
        #expect(throws: DownloadError.expired(at: reportTicket.expiresAt)) {
            try service.redeem(reference: outcome.request.reference, code: reportTicket.code)
        }
        #expect(FileManager.default.fileExists(atPath: report.path))
        let run = try RetentionService(context: box.context).run(asOf: box.context.now)
        #expect(run.removedDownloads == 1)
        #expect(!FileManager.default.fileExists(atPath: report.path))
    }

    @Test("support completing without --output writes into the subscriber's folder on the box, not a home folder")
    func supportCompletion() throws {
        let box = try BoxFixture()
        let filed = try box.fixture.env.request(for: box.fixture.account, in: .inProgress, type: .access, scope: .all)
        let outcome = try RequestFulfilment(context: box.context).carryOut(
            reference: filed.reference, options: FulfilmentOptions(actor: .support))
        let folder = box.box.folder(accountId: box.fixture.account.id)
        #expect(outcome.outputs.allSatisfy { $0.path.hasPrefix(folder + "/") && $0.download != nil })
        let resolution = english(outcome.request.resolution, catalogue: box.context.catalogue)
        #expect(resolution.contains("the one-time code support gave you"), "\(resolution)")
    }

    @Test("the box's settings come from the wrapper's environment; a bad one is refused")
    func settingsFromEnvironment() throws {
        #expect(try SharedBox.fromEnvironment([:]) == nil)
        let box = try #require(try SharedBox.fromEnvironment(["PRIVACY_DASHBOARD_SHARED_BOX": "privacy@box.example"]))
        #expect(box.exportsFolder == SharedBox.defaultExportsFolder && box.downloadLifetime == 24 * 3600)
        #expect(throws: SharedBoxError.invalidDestination("p@box; rm -rf /")) {
            try SharedBox.fromEnvironment(["PRIVACY_DASHBOARD_SHARED_BOX": "p@box; rm -rf /"])
        }
        #expect(throws: SharedBoxError.relativeExportsFolder("exports")) {
            try SharedBox.fromEnvironment([
                "PRIVACY_DASHBOARD_SHARED_BOX": "p@b", "PRIVACY_DASHBOARD_EXPORTS": "exports",
            ])
        }
        #expect(throws: SharedBoxError.invalidHours("abc", maximum: 168)) {
            try SharedBox.fromEnvironment([
                "PRIVACY_DASHBOARD_SHARED_BOX": "p@b", "PRIVACY_DASHBOARD_DOWNLOAD_HOURS": "abc",
            ])
        }
    }
}
