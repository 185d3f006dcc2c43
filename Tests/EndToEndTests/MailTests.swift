import Foundation
import GRDB
import Testing

/// The receipt mail through the machine's real sendmail (exim): filed in the dashboard, sent by `notify send`,
/// read back from the local mailbox `/var/mail/mail` (where Debian's aliases deliver webmaster@localhost).
@Suite(
    "End to end: mail through sendmail", .serialized,
    .enabled(if: EndToEnd.isEnabled, "PRIVACY_E2E=0 skips the end-to-end tests"))
struct MailTests {
    static let mailbox = "/var/mail/mail"

    @Test(
        "a German subscriber files a request in the dashboard; notify send delivers a German receipt with its reference"
    )
    func receiptThroughSendmail() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/sbin/sendmail"), "install exim4-daemon-light")
        let run = try await DashboardInTmux()
        defer { run.cleanUp() }
        let subscriber = EndToEnd.german
        try await DatabaseQueue(path: run.store).write { db in
            try db.execute(
                sql:
                    "UPDATE account SET email = 'webmaster@localhost', emailKey = 'webmaster@localhost' WHERE username = ?",
                arguments: [subscriber.username])
        }
        let tmux = run.tmux
        try await tmux.signIn(subscriber, password: run.password)
        try tmux.press("4")
        let known = Set(try EndToEnd.requestReferences(email: subscriber.username, store: run.store))
        try await tmux.waitUntil("the request list") { known.isSubset(of: EndToEnd.references(in: $0)) }
        let list = try tmux.screen()
        try tmux.press("n")
        var screen = try await tmux.waitUntil("the request wizard") { $0 != list }
        // Enter takes the first choice of each step up to the password field ("Passwort" in German).
        for _ in 0..<6 where !screen.contains("│ Passwort ") {
            let previous = screen
            try tmux.press("Enter")
            screen = try await tmux.waitUntil("the next wizard step") { $0 != previous }
        }
        try tmux.type(run.password)
        try tmux.press("Enter")
        screen = try await tmux.waitUntil("a new request reference", timeout: EndToEnd.signInTimeout) {
            !EndToEnd.references(in: $0).subtracting(known).isEmpty
        }
        let reference = try #require(EndToEnd.references(in: screen).subtracting(known).first)

        let printed = try EndToEnd.cli(["notify", "send", "--from", "privacy@localhost"], store: run.store)
        #expect(printed.contains("failed 0"), "\(printed)")
        let row = try #require(
            try DatabaseQueue(path: run.store).read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT outbox.status, outbox.messageId, outbox.language FROM outbox
                        JOIN rights_request ON rights_request.id = outbox.requestId
                        WHERE rights_request.reference = ? AND outbox.kind = 'request-received'
                        """, arguments: [reference])
            })
        #expect(row["status"] as String == "sent")
        #expect(row["language"] as String == "de")
        let messageId: String = try #require(row["messageId"])

        let (headers, body) = try await Self.delivered(messageId)
        #expect(
            headers.range(
                of: #"(?m)^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$"#, options: .regularExpression)
                != nil, "\(headers)")
        #expect(headers.contains("MIME-Version: 1.0"))
        #expect(headers.contains("Content-Type: text/plain; charset=UTF-8"))
        #expect(headers.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(headers.contains("Subject: Wir haben Ihre Anfrage \(reference) erhalten"))
        #expect(body.contains("Wir haben Ihre Datenschutzanfrage mit dem Aktenzeichen \(reference)"), "\(body)")
        #expect(!body.contains("⟦"))
    }

    /// The headers and decoded body of the message `messageId` once exim has delivered it to the mailbox
    /// (delivery runs in the background of sendmail's exit, so this waits up to ten seconds).
    static func delivered(_ messageId: String) async throws -> (headers: String, body: String) {
        var message: String?
        for _ in 0..<100 where message == nil {
            let box = (try? String(contentsOfFile: mailbox, encoding: .utf8)) ?? ""
            message = box.components(separatedBy: "\nFrom ").first { $0.contains("<\(messageId)>") }
            if message == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        let delivered = try #require(message, "no message <\(messageId)> in \(mailbox)")
        let parts = delivered.components(separatedBy: "\n\n")
        return (parts[0], QuotedPrintableText.decode(parts.dropFirst().joined(separator: "\n\n")))
    }
}

/// A quoted-printable decoder written apart from the product's, so the test does not grade it with itself.
enum QuotedPrintableText {
    static func decode(_ text: String) -> String {
        let joined = text.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "")
        var bytes: [UInt8] = []
        var index = joined.utf8.startIndex
        let utf8 = joined.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "="), let end = utf8.index(index, offsetBy: 3, limitedBy: utf8.endIndex),
                let value = UInt8(String(decoding: utf8[utf8.index(after: index)..<end], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index = end
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }
}
