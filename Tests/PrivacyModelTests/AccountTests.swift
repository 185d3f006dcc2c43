import Foundation
import GRDB
import Testing

@testable import PrivacyModel

@Suite("accounts")
struct AccountTests {
    @Test("an account is created with a scrypt hash, a profile and an audit entry")
    func create() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        #expect(account.status == .active)
        #expect(account.passwordHash.hasPrefix("$scrypt$ln=4,r=8,p=1$"))
        #expect(!account.passwordHash.contains("correct horse"))
        let profile = try #require(try AccountService(context: env.context).profile(accountId: account.id))
        #expect(profile.fullName == "Ada Lovelace")
        let audit = try env.context.store.read { db in try AuditLog.entries(db, accountId: account.id) }
        #expect(audit.map(\.action) == ["account-created"])
    }

    @Test("email is unique ignoring case, and so is the username")
    func uniqueness() throws {
        let env = try TestEnvironment()
        try env.makeAccount(email: "Ada@Example.com", username: "ada")
        #expect(throws: AccountError.emailTaken("ADA@example.COM")) {
            try env.makeAccount(email: "ADA@example.COM", username: "other")
        }
        #expect(throws: AccountError.usernameTaken("ADA")) {
            try env.makeAccount(email: "second@example.com", username: "ADA")
        }
        #expect(try AccountService(context: env.context).find("ada@EXAMPLE.com")?.username == "ada")
        #expect(try AccountService(context: env.context).find("Ada")?.email == "Ada@Example.com")
    }

    @Test("nobody under 18 gets an account; the 18th birthday is the first day allowed")
    func minimumAge() throws {
        let env = try TestEnvironment()  // 2026-11-29
        let service = AccountService(context: env.context)
        #expect(throws: AccountError.underage(minimumAge: 18)) {
            try service.create(
                NewAccount(email: "kid@example.com", username: "kid", fullName: "Kid", birthdate: "2008-11-30"),
                password: "long enough password")
        }
        let adult = try service.create(
            NewAccount(email: "adult@example.com", username: "adult", fullName: "Adult", birthdate: "2008-11-29"),
            password: "long enough password")
        #expect(adult.status == .active)
        #expect(try service.list().count == 1)
    }

    @Test(
        "bad input is refused with a clear error",
        arguments: [
            ("not-an-email", "user1", "Name", "1990-01-01", "long enough password"),
            ("a@example.com", "x", "Name", "1990-01-01", "long enough password"),
            ("a@example.com", "user1", "", "1990-01-01", "long enough password"),
            ("a@example.com", "user1", "Name", "1990-02-30", "long enough password"),
            ("a@example.com", "user1", "Name", "2990-01-01", "long enough password"),
            ("a@example.com", "user1", "Name", "1990-01-01", "short"),
        ])
    func badInput(email: String, username: String, name: String, birthdate: String, password: String) throws {
        let env = try TestEnvironment()
        #expect(throws: AccountError.self) {
            try AccountService(context: env.context).create(
                NewAccount(email: email, username: username, fullName: name, birthdate: birthdate), password: password)
        }
        #expect(try AccountService(context: env.context).list().isEmpty)
    }
}
