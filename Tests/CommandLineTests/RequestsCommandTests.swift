import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// A store prepared through the model (cheap scrypt), for the binary to work on.
struct PreparedStore {
    let runner: ProgramRunner
    let context: PrivacyContext
    let account: Account

    init() throws {
        runner = try ProgramRunner()
        context = try PrivacyContext.open(
            path: runner.storePath, mode: .createIfMissing,
            settings: ModelSettings(scrypt: TestDefaults.cheapScrypt, channel: "email"))
        account = try AccountService(context: context).create(
            NewAccount(email: "ada@example.com", username: "ada", fullName: "Ada Lovelace", birthdate: "1990-12-10"),
            password: "correct horse battery")
    }

    /// Files a request as the subscriber would by email.
    func file(_ type: RightKind, _ scope: RequestScope) throws -> RightsRequest {
        try RequestService(context: context).file(accountId: account.id, type: type, scope: scope)
    }

    /// Inserts viewing events at the given instants.
    func insertViewing(at instants: [Date]) throws {
        try context.store.write { db in
            for instant in instants {
                try db.execute(
                    sql: """
                        INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds)
                        VALUES (?, 'Arte', 'News', 'news', ?, 600)
                        """, arguments: [account.id, instant.epochSeconds])
            }
        }
    }

    /// How many viewing events the account has.
    func viewingCount() throws -> Int {
        try context.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM viewing_event") ?? 0 }
    }
}

@Suite("requests subcommands", .serialized)
struct RequestsCommandTests {
    @Test("support walks a request from acknowledge to complete; show prints its history as text and JSON")
    func walkThrough() throws {
        let store = try PreparedStore()
        let reference = try store.file(.access, .all).reference
        for (step, word) in [
            ("acknowledge", "acknowledged"), ("verify", "identity verified"), ("start", "in progress"),
        ] {
            let result = try store.runner.runOnStore(["requests", step, reference])
            #expect(result.status == 0, "\(step): \(result.stderr)")
            #expect(result.stdout.contains(word), "\(step): \(result.stdout)")
        }
        let done = try store.runner.runOnStore([
            "requests", "complete", reference, "--note", "Export sent", "--output", store.runner.directory.path,
        ])
        #expect(done.status == 0, "\(done.stderr)")
        let shown = try store.runner.runOnStore(["requests", "show", reference.lowercased(), "--ticket", "T-100"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Resolution:   Export sent"))
        #expect(shown.stdout.contains("in progress -> completed"))
        let json = try store.runner.runOnStore(["requests", "show", reference, "--json", "--ticket", "T-100"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let request = try #require(object["request"] as? [String: Any])
        #expect(request["status"] as? String == "completed")
        #expect(request["email"] as? String == "ada@example.com")
        let events = try #require(object["events"] as? [[String: Any]])
        #expect(
            events.map { $0["toStatus"] as? String } == [
                "submitted", "acknowledged", "identity-verified", "in-progress", "completed",
            ])
        #expect(events.dropFirst().allSatisfy { $0["actor"] as? String == "support" })
        let list = try store.runner.runOnStore(["requests", "list", "--json"])
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(listed.first?["reference"] as? String == reference)
    }

    @Test("completing an access request writes the report and the zip export to --output and prints their paths")
    func completeAccess() throws {
        let store = try PreparedStore()
        try store.insertViewing(at: [Date(), Date().addingTimeInterval(-3600)])
        let reference = try store.file(.access, .all).reference
        for step in ["acknowledge", "verify", "start"] {
            #expect(try store.runner.runOnStore(["requests", step, reference]).status == 0)
        }
        let folder = store.runner.directory.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let done = try store.runner.runOnStore(["requests", "complete", reference, "--output", folder])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stderr.isEmpty)
        let lines = done.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(reference) is completed. Wrote the access report and a zip export") == true)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 2)
        #expect(files.contains { $0.hasPrefix("privacy-report-ada-") && $0.hasSuffix(".txt") })
        #expect(files.contains { $0.hasPrefix("privacy-export-ada-") && $0.hasSuffix(".zip") })
        #expect(Set(lines.dropFirst()) == Set(files.map { folder + "/" + $0 }))
        let request = try #require(try RequestService(context: store.context).request(reference: reference))
        #expect(request.status == .completed)
        let resolution = MessageWording.english(catalogue: store.context.catalogue).text(
            try #require(request.resolution))
        for file in files { #expect(resolution.contains(folder + "/" + file)) }
        let again = try store.runner.runOnStore(["requests", "complete", reference, "--output", folder])
        #expect(again.status == 65)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 2)
    }

    @Test("complete --lang writes the access report in that language; a bad --lang changes nothing")
    func completeAccessLanguage() throws {
        let store = try PreparedStore()
        let reference = try store.file(.access, .all).reference
        for step in ["acknowledge", "verify", "start"] {
            #expect(try store.runner.runOnStore(["requests", step, reference]).status == 0)
        }
        let folder = store.runner.directory.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let refused = try store.runner.runOnStore([
            "requests", "complete", reference, "--output", folder, "--lang", "es",
        ])
        #expect(refused.status == 64)
        #expect(refused.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        #expect(try RequestService(context: store.context).request(reference: reference)?.status == .inProgress)
        let done = try store.runner.runOnStore(["requests", "complete", reference, "--output", folder, "--lang", "de"])
        #expect(done.status == 0, "\(done.stderr)")
        let report = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder).first { $0.hasSuffix(".txt") })
        let text = try String(contentsOfFile: folder + "/" + report, encoding: .utf8)
        #expect(text.contains("Ihre Rechte"))
        #expect(text.contains("Übermittlung ins Ausland"))
    }

    @Test("completion into a missing folder exits 73, writes nothing and leaves the request in progress")
    func completeIntoMissingFolder() throws {
        let store = try PreparedStore()
        let reference = try store.file(.portability, .format("json")).reference
        for step in ["acknowledge", "verify", "start"] {
            #expect(try store.runner.runOnStore(["requests", step, reference]).status == 0)
        }
        let folder = store.runner.directory.appendingPathComponent("missing").path
        let failed = try store.runner.runOnStore(["requests", "complete", reference, "--output", folder])
        #expect(failed.status == 73)
        #expect(failed.stderr.filter { $0 == "\n" }.count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder))
        let request = try #require(try RequestService(context: store.context).request(reference: reference))
        #expect(request.status == .inProgress)
    }

    @Test("a record correction shows its record and values; completing it changes the record")
    func recordCorrection() throws {
        let store = try PreparedStore()
        try store.insertViewing(at: [Date()])
        let key = try #require(
            try store.context.store.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM viewing_event") })
        let reference = try RecordCorrectionService(context: store.context).request(
            accountId: store.account.id, recordSet: "viewing-events", recordKey: key, field: "title",
            newValue: "Metropolis", note: "not what I watched"
        ).reference
        let shown = try store.runner.runOnStore(["requests", "show", reference])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Record:       viewing-events, key \(key)"))
        #expect(shown.stdout.contains("Field:        title"))
        #expect(shown.stdout.contains("Before:       \"News\""))
        #expect(shown.stdout.contains("After:        \"Metropolis\""))
        let json = try store.runner.runOnStore(["requests", "show", reference, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let details = try #require(object["details"] as? [String: Any])
        #expect(details["recordSet"] as? String == "viewing-events")
        #expect((details["recordKey"] as? NSNumber)?.int64Value == key)
        #expect(details["currentValue"] as? String == "News")
        #expect(details["requestedValue"] as? String == "Metropolis")
        for step in ["acknowledge", "verify", "start", "complete"] {
            let result = try store.runner.runOnStore(["requests", step, reference])
            #expect(result.status == 0, "\(step): \(result.stderr)")
        }
        let title = try store.context.store.read { db in
            try String.fetchOne(db, sql: "SELECT title FROM viewing_event WHERE id = ?", arguments: [key])
        }
        #expect(title == "Metropolis")
    }

    @Test("unknown references exit 66 and illegal steps exit 65, each with one line")
    func errors() throws {
        let store = try PreparedStore()
        let reference = try store.file(.access, .all).reference
        let unknown = try store.runner.runOnStore(["requests", "acknowledge", "PD-0000-0000"])
        #expect(unknown.status == 66)
        #expect(unknown.stderr.hasPrefix("privacy-dashboard: no request has the reference"))
        #expect(unknown.stderr.filter { $0 == "\n" }.count == 1)
        let missingShow = try store.runner.runOnStore(["requests", "show", "nonsense"])
        #expect(missingShow.status == 66)
        let early = try store.runner.runOnStore(["requests", "complete", reference])
        #expect(early.status == 65)
        #expect(early.stderr.contains("is submitted and cannot become completed"))
        #expect(early.stderr.filter { $0 == "\n" }.count == 1)
        let noReason = try store.runner.runOnStore(["requests", "deny", reference])
        #expect(noReason.status == 64)
    }

    @Test("a denial keeps the reason and tells the subscriber they may complain to an authority")
    func deny() throws {
        let store = try PreparedStore()
        let reference = try store.file(.access, .all).reference
        let denied = try store.runner.runOnStore([
            "requests", "deny", reference, "--reason", "We could not confirm who you are",
        ])
        #expect(denied.status == 0, "\(denied.stderr)")
        let request = try #require(try RequestService(context: store.context).request(reference: reference))
        #expect(request.status == .denied)
        let resolution = MessageWording.english(catalogue: store.context.catalogue).text(
            try #require(request.resolution))
        #expect(resolution.hasPrefix("We could not confirm who you are. If you disagree"))
        #expect(resolution.contains("data-protection authority"))
        let again = try store.runner.runOnStore(["requests", "deny", reference, "--reason", "again"])
        #expect(again.status == 65)
    }

    @Test("a reason or note with a control character is refused in one line that says so; nothing changes")
    func controlsInReasons() throws {
        let store = try PreparedStore()
        let reference = try store.file(.access, .all).reference
        try RequestService(context: store.context).acknowledge(reference: reference, actor: .support)
        let steps = [
            ["requests", "deny", reference, "--reason", "No\u{1B}[2J"],
            ["requests", "verify", reference, "--note", "seen\u{9B}31m"],
        ]
        for arguments in steps {
            let refused = try store.runner.runOnStore(arguments)
            #expect(refused.status == 64, "\(arguments): \(refused.stderr)")
            #expect(refused.stderr.contains("holds a control character"), "\(refused.stderr)")
            #expect(refused.stderr.filter { $0 == "\n" }.count == 1)
            #expect(!refused.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{9B}" })
        }
        let request = try #require(try RequestService(context: store.context).request(reference: reference))
        #expect(request.status == .acknowledged)
        #expect(try RequestService(context: store.context).events(requestId: request.id).count == 2)
    }

    @Test("an extension within the legal limit is recorded once; beyond it the model's error is shown")
    func extend() throws {
        let store = try PreparedStore()
        let request = try store.file(.access, .all)
        let service = RequestService(context: store.context)
        let latest = service.deadlines(for: request).latestExtension
        let tooFar = try store.runner.runOnStore(
            [
                "requests", "extend", request.reference, "--reason", "complex", "--until",
                latest.addingTimeInterval(2 * 86_400).dayUTC,
            ])
        #expect(tooFar.status == 64)
        #expect(tooFar.stderr.contains("at the latest"))
        let badDay = try store.runner.runOnStore(
            ["requests", "extend", request.reference, "--reason", "complex", "--until", "2026-02-30"])
        #expect(badDay.status == 64)
        let ok = try store.runner.runOnStore(
            ["requests", "extend", request.reference, "--reason", "many records", "--until", latest.dayUTC])
        #expect(ok.status == 0, "\(ok.stderr)")
        let extended = try #require(try service.request(reference: request.reference))
        #expect(extended.extendedDueAt != nil)
        #expect(try #require(extended.extendedDueAt) <= latest)
        let twice = try store.runner.runOnStore(
            ["requests", "extend", request.reference, "--reason", "more", "--until", latest.dayUTC])
        #expect(twice.status == 65)
    }

    @Test("completing a deletion request for a category erases it, keeping what the law keeps")
    func completeErasure() throws {
        let store = try PreparedStore()
        try store.insertViewing(at: [Date(), Date().addingTimeInterval(-3600)])
        let reference = try store.file(.deletion, .category("viewing")).reference
        for step in ["acknowledge", "verify", "start"] {
            #expect(try store.runner.runOnStore(["requests", step, reference]).status == 0)
        }
        let done = try store.runner.runOnStore(["requests", "complete", reference])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("Erased 2 records"))
        #expect(try store.viewingCount() == 0)
        let request = try #require(try RequestService(context: store.context).request(reference: reference))
        #expect(request.status == .completed)
    }
}
