import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("account details: passwords, birthdates and a sign-in email that is taken")
struct AccountDetailRulesTests {
    private func new(birthdate: String = "1990-12-10") -> NewAccount {
        NewAccount(email: "Ada.Byron@example.com", username: "AdaLovelace", fullName: "Ada", birthdate: birthdate)
    }

    @Test("a password that is the username or email (any case), or too short, is refused with its own reason")
    func passwordRules() throws {
        let env = try TestEnvironment()
        let service = AccountService(context: env.context)
        #expect(throws: AccountError.passwordIsUsername) { try service.create(new(), password: "adalovelace") }
        #expect(throws: AccountError.passwordIsEmail) { try service.create(new(), password: "ada.BYRON@example.com") }
        #expect(throws: AccountError.weakPassword(minimumLength: 10)) { try service.create(new(), password: "short") }
        #expect(try service.list().isEmpty)
        let messages = [AccountError.passwordIsUsername, .passwordIsEmail, .weakPassword(minimumLength: 10)]
            .map(\.description)
        #expect(Set(messages).count == 3)
        #expect(try service.create(new(), password: "adalovelace!").username == "AdaLovelace")
    }

    @Test("a new password equal to the username is refused and the old one still works")
    func passwordChangeRules() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount(email: "ada@example.com", username: "ada.lovelace")
        let change = PasswordChangeService(context: env.context)
        #expect(throws: AccountError.passwordIsUsername) {
            try change.change(
                accountId: account.id, current: "correct horse battery", new: "ADA.LOVELACE", repeated: "ADA.LOVELACE")
        }
        #expect(throws: AccountError.passwordIsEmail) {
            try change.change(
                accountId: account.id, current: "correct horse battery", new: "ada@example.com",
                repeated: "ada@example.com")
        }
        let unchanged = try #require(try AccountService(context: env.context).account(id: account.id))
        #expect(unchanged.passwordHash == account.passwordHash)
    }

    @Test("a birthdate before 1900 or in the future is refused, each with its own reason; 1 January 1900 is fine")
    func birthdateRules() throws {
        let env = try TestEnvironment()  // 2026-11-29
        let service = AccountService(context: env.context)
        #expect(throws: AccountError.birthdateTooEarly("1899-12-31", earliestYear: 1900)) {
            try service.create(new(birthdate: "1899-12-31"), password: "correct horse battery")
        }
        #expect(throws: AccountError.birthdateInFuture("2027-01-01")) {
            try service.create(new(birthdate: "2027-01-01"), password: "correct horse battery")
        }
        #expect(throws: AccountError.invalidBirthdate("1990-02-30")) {
            try service.create(new(birthdate: "1990-02-30"), password: "correct horse battery")
        }
        #expect(try service.list().isEmpty)
        #expect(try service.create(new(birthdate: "1900-01-01"), password: "correct horse battery").id > 0)
    }

    @Test("changing the sign-in email to another account's is refused without saying the address is registered")
    func takenEmailIsNotConfirmed() throws {
        let env = try TestEnvironment()
        let ada = try env.makeAccount()
        try env.makeAccount(email: "grace@example.com", username: "grace")
        let service = ProfileCorrectionService(context: env.context)
        let refusal = #expect(throws: AccountError.self) {
            try service.correct(accountId: ada.id, field: .email, newValue: "GRACE@example.com")
        }
        #expect(refusal == .emailUnavailable)
        let english = try #require(refusal).description.lowercased()
        for giveaway in ["grace", "exist", "taken", "already", "registered", "another account"] {
            #expect(!english.contains(giveaway), "\(english)")
        }
        #expect(try AccountService(context: env.context).account(id: ada.id)?.email == "ada@example.com")
        #expect(try RequestService(context: env.context).requests(accountId: ada.id).isEmpty)
        let entries = try env.context.store.read { db in try AuditLog.entries(db, accountId: ada.id) }
        let refused = try #require(entries.first { $0.action == "email-change-refused" })
        #expect(refused.detail == "")
    }
}
