import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// `breach …` as an approver runs it: the real binary on a copy of the demo store, signed in with `staff sign-in`.
@Suite("breach commands", .serialized)
struct BreachCommandTests {
    /// A demo store with the role's test account signed in (kept).
    private func store(_ role: StaffRole = .approver) throws -> ProgramRunner {
        let runner = try ProgramRunner.withDemoStore()
        try signIn(runner, role)
        return runner
    }

    private func signIn(_ runner: ProgramRunner, _ role: StaffRole) throws {
        let identity = try TestStaff.ensure(role, store: runner.storePath)
        try TestStaff.keepSignIn(identity, store: runner.storePath, runtimeFolder: runner.runtimeFolder)
    }

    private func breach(_ runner: ProgramRunner, _ arguments: [String], language: String? = nil) throws
        -> ProgramResult
    {
        var environment = ["LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"]
        if let language { environment["LC_ALL"] = language }
        return try runner.run(
            ["breach"] + arguments + ["--store", runner.storePath], environment: environment, signIn: .none)
    }

    private func scalar(_ runner: ProgramRunner, _ sql: String) throws -> Int {
        try DatabaseQueue(path: runner.storePath).read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    /// "YYYY-MM-DD HH:MM" in UTC, `seconds` before now.
    private func ago(_ seconds: TimeInterval) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date().addingTimeInterval(-seconds))
    }

    private func record(_ runner: ProgramRunner, discoveredAgo: TimeInterval = 3_600) throws -> ProgramResult {
        try breach(
            runner,
            [
                "record", "--discovered", ago(discoveredAgo), "--kind", "unauthorised-access", "--categories",
                "payment",
                "--audience", "holders:payment", "--consequences", "fraud", "--measures",
                "access-contained,payment-provider-alerted", "--advice", "watch-statements",
                "--contact", "privacy@example.com",
            ])
    }

    private func referenceIn(_ result: ProgramResult) -> String? {
        result.stdout.firstMatch(of: /B-[A-Z0-9]{6}/).map { String($0.output) }
    }

    @Test("record, count down, dry run, publish to payment holders, update, close: figures by channel")
    func approverJourney() throws {
        let runner = try store()
        let recorded = try record(runner)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let reference = try #require(referenceIn(recorded))
        #expect(recorded.stdout.contains("as a draft; notices are due by"))
        #expect(recorded.stdout.contains(/\(7[01] h \d\d min left\)/))

        let listed = try breach(runner, ["list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("Reference") && listed.stdout.contains("Notify by"))
        #expect(listed.stdout.contains(reference) && listed.stdout.contains("draft"))
        #expect(listed.stdout.contains(/7[01] h \d\d min left/))
        #expect(!listed.stdout.contains("OVERDUE"))

        let holders = try scalar(
            runner,
            "SELECT count(DISTINCT accountId) FROM payment_method JOIN account ON account.id = accountId "
                + "WHERE account.status != 'purged'")
        #expect(holders > 0)
        let dry = try breach(runner, ["publish", reference, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would notify \(holders) subscribers; nothing was published"))
        #expect(try scalar(runner, "SELECT count(*) FROM breach_notice") == 0)

        let published = try breach(runner, ["publish", reference])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(published.stdout.contains("Published \(reference) version 1: \(holders) notices in the dashboard"))
        #expect(try scalar(runner, "SELECT count(*) FROM breach_notice") == holders)
        let after = try breach(runner, ["list"])
        #expect(after.stdout.contains("published") && after.stdout.contains("told in time"))
        #expect(after.stdout.contains("dashboard \(holders) · email \(holders) (\(holders) waiting, 0 sent, 0 failed)"))
        #expect(after.stdout.contains("0 of \(holders)"))

        let again = try breach(runner, ["publish", reference])
        #expect(again.status == 65)
        #expect(again.stderr.hasPrefix("privacy-dashboard: ") && again.stderr.filter { $0 == "\n" }.count == 1)

        let updated = try breach(runner, ["update", reference, "--advice", "watch-statements,beware-phishing"])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.contains("Published \(reference) version 2"))
        let shown = try breach(runner, ["show", reference, "--json"])
        #expect(shown.status == 0, "\(shown.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
        #expect(json?["version"] as? Int == 2)
        #expect(json?["advice"] as? [String] == ["watch-statements", "beware-phishing"])
        #expect(json?["notifiedInDashboard"] as? Int == holders)
        #expect(json?["mailsQueued"] as? Int == holders * 2)
        #expect(json?["overdue"] as? Bool == false)

        let text = try breach(runner, ["show", reference])
        #expect(text.stdout.contains("Data involved:") && text.stdout.contains("Payment"))
        #expect(text.stdout.contains("Be wary of messages asking for your details"))

        let closed = try breach(runner, ["close", reference])
        #expect(closed.status == 0, "\(closed.stderr)")
        #expect(try breach(runner, ["list"]).stdout.contains("closed"))
        let audit = try scalar(
            runner,
            "SELECT count(*) FROM audit_log WHERE action IN ('breach-recorded','breach-published','breach-closed')")
        #expect(audit == 4)
    }

    @Test("a breach discovered more than 72 hours ago and not yet published is flagged OVERDUE")
    func overdue() throws {
        let runner = try store()
        let recorded = try record(runner, discoveredAgo: 73 * 3_600)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains("(OVERDUE)"))
        let listed = try breach(runner, ["list", "--json"])
        let entries = try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]]
        #expect(entries?.first?["overdue"] as? Bool == true)
        #expect((entries?.first?["secondsLeft"] as? Int ?? 0) < 0)
        #expect(try breach(runner, ["list"]).stdout.contains("OVERDUE"))
    }

    @Test("refusals are one line with the right exit: role, unknown reference, bad time, unknown code or category")
    func refusals() throws {
        let runner = try store(.agent)
        let refused = try record(runner)
        #expect(refused.status == 77)
        #expect(refused.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try breach(runner, ["list"]).status == 77)
        #expect(try scalar(runner, "SELECT count(*) FROM breach") == 0)

        try signIn(runner, .approver)
        let missing = try breach(runner, ["show", "B-ZZZZZZ"])
        #expect(missing.status == 66)
        #expect(missing.stderr.filter { $0 == "\n" }.count == 1)
        let badTime = try breach(
            runner,
            [
                "record", "--discovered", "yesterday", "--kind", "malware", "--categories", "payment", "--audience",
                "all", "--measures", "investigation", "--advice", "nothing-needed", "--contact", "privacy@example.com",
            ])
        #expect(badTime.status == 64)
        #expect(
            badTime.stderr == "privacy-dashboard: --discovered must be YYYY-MM-DD HH:MM in UTC (got \"yesterday\")\n")
        let badCode = try breach(
            runner,
            [
                "record", "--discovered", ago(60), "--kind", "meteor", "--categories", "payment", "--audience", "all",
                "--measures", "investigation", "--advice", "nothing-needed", "--contact", "privacy@example.com",
            ])
        #expect(badCode.status == 64)
        #expect(badCode.stderr.hasPrefix("privacy-dashboard: unknown kind \"meteor\""))
        let badCategory = try breach(
            runner,
            [
                "record", "--discovered", ago(60), "--kind", "malware", "--categories", "gold", "--audience", "all",
                "--measures", "investigation", "--advice", "nothing-needed", "--contact", "privacy@example.com",
            ])
        #expect(badCategory.status == 64)
        #expect(badCategory.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try scalar(runner, "SELECT count(*) FROM breach") == 0)
    }

    @Test("an auditor reads the register but may not record; a listed audience comes from a file of emails")
    func auditorAndList() throws {
        let runner = try store()
        let list = runner.directory.appendingPathComponent("affected.txt")
        try "# affected\nlena.mueller@example.com\n\nsiobhan_oc\n".write(to: list, atomically: true, encoding: .utf8)
        let recorded = try breach(
            runner,
            [
                "record", "--discovered", ago(600), "--kind", "misdirected-message", "--categories",
                "account,viewing", "--audience", "list:\(list.path)", "--measures", "investigation",
                "--advice", "beware-phishing", "--contact", "+49 30 1234567",
            ])
        #expect(recorded.status == 0, "\(recorded.stderr)")
        let reference = try #require(referenceIn(recorded))
        let dry = try breach(runner, ["publish", reference, "--dry-run"])
        #expect(dry.stdout.contains("would notify 2 subscribers"))
        try signIn(runner, .auditor)
        let listed = try breach(runner, ["list"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains(reference))
        #expect(try breach(runner, ["publish", reference]).status == 77)
        let german = try breach(runner, ["show", reference], language: "de_DE.UTF-8")
        #expect(german.stdout.contains("Mitteilen bis:") && german.stdout.contains("Entwurf"))
        #expect(german.stdout.contains("2 aufgelistete Abonnenten"))
    }
}
