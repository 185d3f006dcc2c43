import Foundation
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("requests subcommands: notes, missed receipts and resolutions in text", .serialized)
struct RequestsTextOutputTests {
    @Test("acknowledge and start take --note; the notes are kept on the request's timeline")
    func stepNotes() throws {
        let store = try PreparedStore()
        let reference = try store.file(.access, .all).reference
        let acknowledged = try store.runner.runOnStore([
            "requests", "acknowledge", reference, "--note", "Received by email, thank you.",
        ])
        #expect(acknowledged.status == 0, "\(acknowledged.stderr)")
        #expect(try store.runner.runOnStore(["requests", "verify", reference]).status == 0)
        let started = try store.runner.runOnStore(["requests", "start", reference, "--note", "Collecting the data."])
        #expect(started.status == 0, "\(started.stderr)")
        let events = try RequestService(context: store.context).events(
            requestId: try RequestService(context: store.context).require(reference: reference).id)
        let wording = MessageWording.english(catalogue: store.context.catalogue)
        let notes = events.map { wording.text($0.note) }
        #expect(notes.contains("Received by email, thank you."))
        #expect(notes.contains("Collecting the data."))
    }

    @Test("list and show flag a receipt not confirmed within 48 hours in their text")
    func missedReceipt() throws {
        let store = try PreparedStore()
        let earlier = try PrivacyContext.open(
            path: store.runner.storePath,
            settings: ModelSettings(
                clock: FixedClock(Date().addingTimeInterval(-3 * 86_400)), scrypt: TestDefaults.cheapScrypt,
                channel: "email"))
        let late = try RequestService(context: earlier).file(accountId: store.account.id, type: .access, scope: .all)
        let recent = try store.file(.portability, .format("zip"))
        let list = try store.runner.runOnStore(["requests", "list"])
        #expect(list.status == 0, "\(list.stderr)")
        let lateRow = try #require(list.stdout.split(separator: "\n").first { $0.contains(late.reference) })
        let recentRow = try #require(list.stdout.split(separator: "\n").first { $0.contains(recent.reference) })
        #expect(lateRow.contains("receipt missed"))
        #expect(!recentRow.contains("receipt missed"))
        #expect(list.stdout.contains("1 request(s) not acknowledged within 48 hours"))
        let shown = try store.runner.runOnStore(["requests", "show", late.reference])
        #expect(shown.stdout.contains("MISSED: receipt not confirmed within 48 hours"))
        let other = try store.runner.runOnStore(["requests", "show", recent.reference])
        #expect(!other.stdout.contains("MISSED"))
    }

    @Test("completing an 'other data' correction without a note is refused in one line; with one it completes")
    func otherDataNeedsNote() throws {
        let store = try PreparedStore()
        let service = RequestService(context: store.context)
        let reference = try service.file(
            accountId: store.account.id, type: .correction, scope: .field(RequestScope.otherField),
            details: RequestDetails(field: RequestScope.otherField, note: "A film I never watched")
        ).reference
        try service.acknowledge(reference: reference, actor: .support)
        try service.verifyIdentity(reference: reference, actor: .support)
        try service.start(reference: reference, actor: .support)
        let refused = try store.runner.runOnStore(["requests", "complete", reference])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("note"))
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try service.require(reference: reference).status == .inProgress)
        let done = try store.runner.runOnStore([
            "requests", "complete", reference, "--note", "Removed the film from the history.",
        ])
        #expect(done.status == 0, "\(done.stderr)")
        let shown = try store.runner.runOnStore(["requests", "show", reference, "--ticket", "T-100"])
        #expect(shown.stdout.contains("Resolution:   Removed the film from the history."))
        #expect(shown.stdout.contains("Field:        Other data (other)"))
    }
}
