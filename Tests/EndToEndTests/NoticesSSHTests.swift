import Foundation
import GRDB
import Testing

/// The service's promises to tell: an approver records and publishes a breach over the same SSH door, the
/// affected German subscriber is stopped by the notice before the Overview, an unaffected one is not, the German
/// notice goes out through the machine's sendmail, and a material policy change is refused under 30 days' notice
/// and announced with the days left.
@Suite(
    "End to end: breach notices and policy changes over SSH", .serialized,
    .enabled(if: EndToEnd.isEnabled, "PRIVACY_E2E=0 skips the end-to-end tests"))
struct NoticesSSHTests {
    static let ownerPassword = "olga owner passphrase 2026"
    static let firstPassword = "first password from olga"
    static let approverPassword = "paul approver passphrase 2026"
    static let outsiderPassword = "nora has no card 2026"

    @Test(
        "breach for payment holders: 72-hour countdown, German notice before the Overview naming Zahlungen and not Sehverlauf, none for an outsider, German mail delivered; policy change 29 days ahead refused, 31 days ahead announced"
    )
    func noticesJourney() async throws {
        #expect(FileManager.default.isExecutableFile(atPath: "/usr/sbin/sendmail"), "install exim4-daemon-light")
        let fixture = try await SSHTests.Fixture()
        defer { fixture.cleanUp() }
        do {
            try await journey(fixture)
        } catch { throw fixture.explain(error) }
    }

    private func journey(_ fixture: SSHTests.Fixture) async throws {
        let staff = StaffCLI(fixture: fixture)
        let lena = EndToEnd.german
        let database = try DatabaseQueue(path: fixture.store)
        let lenaHoldsPayment = try await database.write { db in
            try db.execute(
                sql:
                    "UPDATE account SET email = 'webmaster@localhost', emailKey = 'webmaster@localhost' WHERE username = ?",
                arguments: [lena.username])
            return try Int.fetchOne(
                db,
                sql: "SELECT count(*) FROM payment_method JOIN account ON account.id = accountId WHERE username = ?",
                arguments: [lena.username]) ?? 0
        }
        try database.close()
        #expect(lenaHoldsPayment > 0, "the demo's Lena has a payment method")

        // An owner, then an approver who enrols through the staff door and signs in on the command line too.
        try await staff.bootstrapOwner(password: Self.ownerPassword)
        let created = try staff.run(
            ["create", "--username", "paul", "--name", "Paul Approver", "--role", "approver"],
            input: [Self.firstPassword])
        #expect(created.status == 0, "\(created.stderr)")
        let console = try fixture.connect("approver", width: 120, height: 45, remote: ["staff"])
        let enrolled = try await console.enrolAsStaff(
            "paul", firstPassword: Self.firstPassword, password: Self.approverPassword)
        try console.press("Enter")
        try await console.waitFor("Paul Approver (approver)")
        let paulCode = try Authenticator.code(
            secret: enrolled.secret, step: max(Authenticator.currentStep(), enrolled.step + 1))
        let paulSignedIn = try staff.run(
            ["sign-in", "--username", "paul"], input: [Self.approverPassword, paulCode])
        #expect(paulSignedIn.status == 0, "\(paulSignedIn.stderr)")

        // A subscriber without a payment method: the breach is not theirs.
        let outsider = Subscriber(username: "nora.nocard", name: "Nora Nocard", email: "nora@example.org")
        let made = try staff.command(
            [
                "account", "create", "--email", outsider.email, "--username", outsider.username, "--name",
                outsider.name, "--birthdate", "1990-05-17", "--language", "en", "--password-stdin",
            ], input: [Self.outsiderPassword])
        #expect(made.status == 0, "\(made.stderr)")

        // Recorded an hour after discovery: 71 hours left to notify, shown by the CLI and the console's register.
        let recorded = try staff.command([
            "breach", "record", "--discovered", Self.minute(Date().addingTimeInterval(-3_600)), "--kind",
            "unauthorised-access", "--categories", "payment", "--audience", "holders:payment", "--consequences",
            "fraud", "--measures", "access-contained,payment-provider-alerted", "--advice", "watch-statements",
            "--contact", "privacy@example.com",
        ])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let reference = try #require(recorded.stdout.firstMatch(of: /B-[A-Z0-9]{6}/).map { String($0.output) })
        #expect(recorded.stdout.contains(/\(7[01] h \d\d min left\)/), "\(recorded.stdout)")
        try console.press("b")
        let register = try await console.waitFor(reference)
        #expect(register.contains(/7[01] h \d\d min/), "\(register)")
        let published = try staff.command(["breach", "publish", reference])
        #expect(published.status == 0, "\(published.stderr)")

        // Lena, German, holds a payment method: the notice comes before anything else, in German.
        let lenaSession = try fixture.connect("lena", width: 120, height: 50)
        try await lenaSession.waitFor("Sign in", timeout: EndToEnd.signInTimeout)
        try lenaSession.type(lena.username)
        try lenaSession.press("Tab")
        try lenaSession.type(fixture.password)
        try lenaSession.press("Enter")
        let notice = try await lenaSession.waitUntil("the German notice with both category lines", timeout: 30) {
            $0.contains("Bitte lesen") && $0.contains("Nicht betroffen sind Ihre Daten:")
        }
        #expect(notice.contains(reference))
        #expect(!notice.contains("[1 "), "no tab before the notice is read:\n\(notice)")
        let lines = notice.split(separator: "\n").map(String.init)
        let involved = try #require(lines.first { $0.contains("Betroffen sind Ihre Daten:") })
        let notInvolved = try #require(lines.first { $0.contains("Nicht betroffen sind Ihre Daten:") })
        #expect(involved.contains("Zahlungen") && !involved.contains("Sehverlauf"), "\(involved)")
        #expect(notInvolved.contains("Sehverlauf") && !notInvolved.contains("Zahlungen"), "\(notInvolved)")
        try lenaSession.press("a")
        let overview = try await lenaSession.waitFor(lena.name, "[1 ")
        #expect(overview.contains(reference), "the Overview alert while the breach is open:\n\(overview)")
        #expect(try acknowledged(reference, store: fixture.store) == 1)

        // Nora has no payment method: straight to the Overview, no notice, no alert.
        let noraSession = try fixture.connect("nora", width: 120, height: 50)
        try await noraSession.signIn(outsider, password: Self.outsiderPassword)
        let noraScreen = try noraSession.screen()
        #expect(!noraScreen.contains(reference) && !noraScreen.contains("Please read"), "\(noraScreen)")

        // The German notice through sendmail, from the outbox row written when it was published.
        let sent = try staff.command(["notify", "send", "--from", "privacy@localhost"])
        #expect(sent.status == 0 && sent.stdout.contains("failed 0"), "\(sent)")
        let messageId = try #require(try breachMessageId(reference, store: fixture.store))
        let (headers, body) = try await MailTests.delivered(messageId)
        #expect(headers.contains("Subject: =?UTF-8?") || headers.contains("Subject: Sicherheitsvorfall"), "\(headers)")
        #expect(body.contains("Sicherheitsvorfall \(reference)") || body.contains(reference), "\(body)")
        #expect(body.contains("Was ist passiert") && body.contains("Weitere Informationen"), "\(body)")
        #expect(body.contains("Betroffen sind Ihre Daten: Zahlungen"), "\(body)")
        #expect(body.contains("Sehverlauf") && !body.contains("⟦"), "\(body)")

        // A material policy change needs 30 days' notice: 29 is refused with one line, 31 is published.
        let summary = fixture.folder.appendingPathComponent("summary-de.txt")
        try Data("Technische Protokolle werden kürzer aufbewahrt.".utf8).write(to: summary)
        let english = fixture.folder.appendingPathComponent("summary-en.txt")
        try Data("Technical logs are kept for less time.".utf8).write(to: english)
        func publish(_ days: Int) throws -> ToolResult {
            let effective = Self.day(Date().addingTimeInterval(Double(days) * 86_400))
            let file = fixture.folder.appendingPathComponent("policy-\(days).json")
            try Self.policy(version: "\(effective).1", effective: effective).write(to: file)
            return try staff.command([
                "policy", "publish", file.path, "--effective", effective, "--material", "--summary", english.path,
                "--summary-de", summary.path,
            ])
        }
        let early = try publish(29)
        #expect(early.status == 64, "\(early)")
        #expect(early.stderr.contains("30") && early.stderr.split(separator: "\n").count == 1, "\(early.stderr)")
        let accepted = try publish(31)
        #expect(accepted.status == 0, "\(accepted.stderr)")

        // Lena again, in a new session: the notice stays read; the Overview announces the change, 31 days ahead.
        let again = try fixture.connect("lena-again", width: 120, height: 50)
        try await again.signIn(lena, password: fixture.password)
        let announced = try await again.waitFor("in 31 Tagen")
        #expect(announced.contains("kürzer aufbewahrt"), "\(announced)")
        #expect(!announced.contains("Bitte lesen"), "\(announced)")
    }

    /// "YYYY-MM-DD HH:MM" in UTC, as `breach record --discovered` takes it.
    private static func minute(_ date: Date) -> String { String(formatted(date, "yyyy-MM-dd HH:mm")) }

    /// "YYYY-MM-DD" in UTC.
    private static func day(_ date: Date) -> String { formatted(date, "yyyy-MM-dd") }

    private static func formatted(_ date: Date, _ format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter.string(from: date)
    }

    /// The shipped policy file from the source tree, renamed to `version` and effective on `effective`.
    private static func policy(version: String, effective: String) throws -> Data {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let shipped = try Data(contentsOf: root.appendingPathComponent("Resources/catalogue/policy.json"))
        var object = try #require(try JSONSerialization.jsonObject(with: shipped) as? [String: Any])
        object["version"] = version
        object["effectiveDate"] = effective
        return try JSONSerialization.data(withJSONObject: object)
    }

    private func acknowledged(_ reference: String, store: String) throws -> Int {
        let database = try DatabaseQueue(path: store)
        defer { try? database.close() }
        return try database.read { db in
            try Int.fetchOne(
                db,
                sql: """
                    SELECT count(*) FROM breach_notice JOIN breach ON breach.id = breach_notice.breachId
                    WHERE breach.reference = ? AND breach_notice.acknowledgedAt IS NOT NULL
                    """, arguments: [reference]) ?? 0
        }
    }

    private func breachMessageId(_ reference: String, store: String) throws -> String? {
        let database = try DatabaseQueue(path: store)
        defer { try? database.close() }
        return try database.read { db in
            try String.fetchOne(
                db,
                sql: """
                    SELECT outbox.messageId FROM outbox JOIN breach ON breach.id = outbox.breachId
                    WHERE breach.reference = ? AND outbox.kind = 'breach-notice'
                      AND outbox.recipient = 'webmaster@localhost' AND outbox.status = 'sent'
                    """, arguments: [reference])
        }
    }
}
