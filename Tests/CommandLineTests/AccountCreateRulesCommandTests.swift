import Foundation
import Testing

@Suite("account create refuses guessable passwords and impossible birthdates", .serialized)
struct AccountCreateRulesCommandTests {
    private func create(_ runner: ProgramRunner, birthdate: String = "1990-12-10", password: String) throws
        -> ProgramResult
    {
        try runner.runOnStore(
            [
                "account", "create", "--email", "ada.byron@example.com", "--username", "ada.lovelace", "--name",
                "Ada Lovelace", "--birthdate", birthdate, "--password-stdin",
            ], stdin: password + "\n")
    }

    @Test("each refusal is one line with its reason, exit 64, and no account is made")
    func refusals() throws {
        let runner = try ProgramRunner()
        _ = try runner.runOnStore(["init"])
        let cases: [(birthdate: String, password: String, reason: String)] = [
            ("1990-12-10", "Ada.Lovelace", "the password must not be the username"),
            ("1990-12-10", "ADA.BYRON@example.com", "the password must not be the sign-in email"),
            ("1990-12-10", "short", "the password must have at least 10 characters"),
            ("1899-06-01", "correct horse battery", "the birthdate 1899-06-01 is before 1900; check the year"),
            ("2999-01-01", "correct horse battery", "the birthdate 2999-01-01 is in the future"),
        ]
        for refused in cases {
            let result = try create(runner, birthdate: refused.birthdate, password: refused.password)
            #expect(result.status == 64, "\(refused): \(result.stderr)")
            #expect(result.stderr == "privacy-dashboard: \(refused.reason)\n")
        }
        let listed = try runner.runOnStore(["account", "list"])
        #expect(listed.stdout.contains("No accounts yet"))
    }
}
