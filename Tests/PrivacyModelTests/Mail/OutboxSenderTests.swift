import Foundation
import GRDB
import Testing

@testable import PrivacyModel

@Suite("outbox sender: claims, retries with back-off, failures, at most once")
struct OutboxSenderTests {
    /// A real sendmail stand-in: appends the message's Message-ID line to `log` and exits with the first
    /// number of `codes` (one per line, consumed as it goes; 0 once they run out).
    static func script(in env: TestEnvironment, sleep: Double = 0) throws -> (path: String, log: String, codes: String)
    {
        let path = env.directory.path("sendmail.sh")
        let log = env.directory.path("sent.log")
        let codes = env.directory.path("codes")
        let text = """
            #!/bin/sh
            id=$(grep -i '^Message-ID:' | tr -d '\\r')
            sleep \(sleep)
            code=$(head -n 1 '\(codes)' 2>/dev/null)
            if [ -n "$code" ]; then sed -i 1d '\(codes)'; else code=0; fi
            if [ "$code" = 0 ]; then echo "$id $*" >> '\(log)'; fi
            exit $code
            """
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        _ = FileManager.default.createFile(atPath: codes, contents: nil)
        return (path, log, codes)
    }

    static func enqueue(_ env: TestEnvironment, count: Int = 1) throws {
        try env.context.store.write { db in
            for index in 0..<count {
                try Outbox.enqueue(
                    db, at: env.clock.now(), recipient: "ada@example.com", language: "en", accountId: nil,
                    kind: .requestReceived,
                    params: ["reference": "R-\(index)", "filed": "2026-12-04", "due": "2027-01-04"])
            }
        }
    }

    static func rows(_ env: TestEnvironment) throws -> [Row] {
        try env.context.store.read { db in try Row.fetchAll(db, sql: "SELECT * FROM outbox ORDER BY id") }
    }

    static func sender(_ env: TestEnvironment, _ path: String, context: PrivacyContext? = nil) throws -> OutboxSender {
        OutboxSender(
            context: context ?? env.context, from: try MailAddress("privacy@example.com"),
            transport: SendmailTransport(path: path))
    }

    @Test("a temporary failure is retried after the back-off, then sent with its Message-ID stored")
    func temporaryThenSent() throws {
        let env = try TestEnvironment()
        let mail = try Self.script(in: env)
        try "75\n75\n".write(toFile: mail.codes, atomically: true, encoding: .utf8)
        try Self.enqueue(env)
        let sender = try Self.sender(env, mail.path)

        #expect(try sender.run() == OutboxSendReport(sent: 0, retried: 1, failed: 0))
        var row = try #require(try Self.rows(env).first)
        #expect(row["status"] as String == "pending")
        #expect(row["lastError"] as String == "sendmail-exit-75")
        #expect(row["nextAttemptAt"] as Int64 == env.clock.now().epochSeconds + 60)
        #expect(try sender.run() == OutboxSendReport())  // not due yet
        env.clock.advance(by: 60)
        #expect(try sender.run() == OutboxSendReport(sent: 0, retried: 1, failed: 0))
        row = try #require(try Self.rows(env).first)
        #expect(row["nextAttemptAt"] as Int64 == env.clock.now().epochSeconds + 300)
        env.clock.advance(by: 300)
        #expect(try sender.run() == OutboxSendReport(sent: 1, retried: 0, failed: 0))
        row = try #require(try Self.rows(env).first)
        #expect(row["status"] as String == "sent")
        #expect(row["attempts"] as Int == 3)
        let messageId: String = try #require(row["messageId"])
        let log = try String(contentsOfFile: mail.log, encoding: .utf8)
        #expect(log.contains("<\(messageId)>"))
        #expect(log.contains("-i -f privacy@example.com -- ada@example.com"))
    }

    @Test("temporary failures past the last back-off step fail the row")
    func retriesRunOut() throws {
        let env = try TestEnvironment()
        let mail = try Self.script(in: env)
        try String(repeating: "75\n", count: 10).write(toFile: mail.codes, atomically: true, encoding: .utf8)
        try Self.enqueue(env)
        let sender = try Self.sender(env, mail.path)
        for wait in OutboxSender.backOff {
            #expect(try sender.run().retried == 1)
            env.clock.advance(by: wait)
        }
        #expect(try sender.run() == OutboxSendReport(sent: 0, retried: 0, failed: 1))
        #expect(try Self.rows(env).first?["status"] as String? == "failed")
    }

    @Test("a permanent failure fails the row at once with the exit code stored, not prose")
    func permanentFailure() throws {
        let env = try TestEnvironment()
        let mail = try Self.script(in: env)
        try "67\n".write(toFile: mail.codes, atomically: true, encoding: .utf8)
        try Self.enqueue(env)
        #expect(try Self.sender(env, mail.path).run() == OutboxSendReport(sent: 0, retried: 0, failed: 1))
        let row = try #require(try Self.rows(env).first)
        #expect(row["status"] as String == "failed")
        #expect(row["lastError"] as String == "sendmail-exit-67")
        #expect(SendmailTransport.outcome(exitStatus: 75) == .temporary("sendmail-exit-75"))
        #expect(SendmailTransport.outcome(exitStatus: 0) == .sent)
    }

    @Test("two senders running at once never send the same row")
    func concurrentSenders() async throws {
        let env = try TestEnvironment()
        let mail = try Self.script(in: env, sleep: 0.05)
        try Self.enqueue(env, count: 12)
        let first = try Self.sender(env, mail.path)
        let second = try Self.sender(env, mail.path, context: try env.secondSession())
        async let a = Task.detached { try first.run() }.value
        async let b = Task.detached { try second.run() }.value
        let (one, two) = try await (a, b)
        #expect(one.sent + two.sent == 12)
        let lines = try String(contentsOfFile: mail.log, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 12)
        #expect(Set(lines).count == 12)
        #expect(try Self.rows(env).allSatisfy { $0["status"] as String == "sent" })
    }

    @Test("a row left sending by a killed run is failed after the stale time, never sent again")
    func staleSending() throws {
        let env = try TestEnvironment()
        let mail = try Self.script(in: env)
        try Self.enqueue(env)
        try env.context.store.write { db in
            try db.execute(
                sql: "UPDATE outbox SET status = 'sending', claimedAt = ?, attempts = 1",
                arguments: [env.clock.now().epochSeconds])
        }
        let sender = try Self.sender(env, mail.path)
        #expect(try sender.run() == OutboxSendReport())
        env.clock.advance(by: 901)
        #expect(try sender.run() == OutboxSendReport(sent: 0, retried: 0, failed: 1))
        let row = try #require(try Self.rows(env).first)
        #expect(row["status"] as String == "failed")
        #expect(row["lastError"] as String == "interrupted")
        #expect(!FileManager.default.fileExists(atPath: mail.log))
    }

    @Test("a stored address that could inject a header is failed, not handed to sendmail")
    func badRecipient() throws {
        let env = try TestEnvironment()
        let mail = try Self.script(in: env)
        _ = try env.context.store.write { db in
            try Outbox.enqueue(
                db, at: env.clock.now(), recipient: "ada@example.com\nBcc: eve@example.com", language: "en",
                accountId: nil, kind: .requestCompleted, params: ["reference": "R-1"])
        }
        #expect(try Self.sender(env, mail.path).run().failed == 1)
        #expect(try Self.rows(env).first?["lastError"] as String? == "invalid-address")
        #expect(!FileManager.default.fileExists(atPath: mail.log))
    }

    @Test("the retention run blanks a sent message's address after 30 days and leaves a pending one's alone")
    func addressesBlankedByRetention() throws {
        let env = try TestEnvironment()
        let mail = try Self.script(in: env)
        try Self.enqueue(env)
        #expect(try Self.sender(env, mail.path).run().sent == 1)
        try Self.enqueue(env)
        let retention = RetentionService(context: env.context)
        let early = try retention.run(asOf: env.clock.now().addingTimeInterval(29 * 86_400))
        #expect(early.scrubbedMailAddresses == 0)
        #expect(try Self.rows(env).map { $0["recipient"] as String } == ["ada@example.com", "ada@example.com"])
        let dry = try retention.run(asOf: env.clock.now().addingTimeInterval(31 * 86_400), dryRun: true)
        #expect(dry.scrubbedMailAddresses == 1)
        let late = try retention.run(asOf: env.clock.now().addingTimeInterval(31 * 86_400))
        #expect(late.scrubbedMailAddresses == 1)
        let rows = try Self.rows(env)
        #expect(rows.map { $0["recipient"] as String } == ["", "ada@example.com"])
        #expect(rows.map { $0["status"] as String } == ["sent", "pending"])
    }
}
