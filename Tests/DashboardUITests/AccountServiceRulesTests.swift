import DashboardUI
import Foundation
import GRDB
import Testing

@testable import PrivacyModel

/// The model rules behind the Account screen: profile corrections and password changes.
@Suite("Account screen services")
@MainActor
struct AccountServiceRulesTests {
    private func auditActions(_ harness: DashboardHarness, accountId: Int64) throws -> [AuditEntry] {
        try harness.context.store.read { db in try AuditLog.entries(db, accountId: accountId, limit: 20) }
    }

    @Test("the catalogue decides what is self-correctable: login and contact fields yes; birthdate and language no")
    func correctableFields() throws {
        let harness = try DashboardHarness()
        let service = ProfileCorrectionService(context: harness.context)
        for field in [ProfileField.email, .username, .fullName, .contactEmail, .phone, .country] {
            #expect(service.isSelfCorrectable(field), "\(field)")
        }
        #expect(!service.isSelfCorrectable(.birthdate))
        #expect(!service.isSelfCorrectable(.language))
        let account = try harness.account("lena.mueller")
        #expect(throws: ProfileCorrectionError.notSelfCorrectable("birthdate")) {
            try service.correct(accountId: account.id, field: .birthdate, newValue: "1990-01-01")
        }
    }

    @Test("a corrected sign-in email signs in, updates the case-free key and audits the field but not the values")
    func correctEmail() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        let receipt = try ProfileCorrectionService(context: harness.context).correct(
            accountId: account.id, field: .email, newValue: "  Lena.Neu@Example.org ")
        #expect(receipt.before == account.email)
        #expect(receipt.after == "Lena.Neu@Example.org")
        #expect(try harness.account("lena.neu@example.org").id == account.id)
        let entry = try #require(
            try auditActions(harness, accountId: account.id).first { $0.action == "profile-corrected" })
        #expect(entry.detail == "\(receipt.reference) email")
        #expect(!entry.detail.contains("example"))
        let outcome = try SignInService(context: harness.context).signIn(
            "LENA.NEU@example.org", password: DashboardHarness.password)
        guard case .success = outcome else {
            Issue.record("expected success, got \(outcome)")
            return
        }
    }

    @Test("values are checked before any request is filed: taken email, bad phone, country, same value")
    func refusals() throws {
        let harness = try DashboardHarness()
        let service = ProfileCorrectionService(context: harness.context)
        let lena = try harness.account("lena.mueller")
        let elodie = try harness.account("elodie.fournier")
        let requests = RequestService(context: harness.context)
        let before = try requests.requests(accountId: lena.id).count
        #expect(throws: AccountError.emailUnavailable) {
            try service.correct(accountId: lena.id, field: .email, newValue: elodie.email.uppercased())
        }
        #expect(throws: AccountError.usernameTaken("Elodie.Fournier")) {
            try service.correct(accountId: lena.id, field: .username, newValue: "Elodie.Fournier")
        }
        #expect(throws: ProfileCorrectionError.invalidPhone("12-ab")) {
            try service.correct(accountId: lena.id, field: .phone, newValue: "12-ab")
        }
        #expect(throws: ProfileCorrectionError.invalidCountry("Deutschland")) {
            try service.correct(accountId: lena.id, field: .country, newValue: "Deutschland")
        }
        #expect(throws: ProfileCorrectionError.emptyValue) {
            try service.correct(accountId: lena.id, field: .fullName, newValue: "   ")
        }
        #expect(throws: AccountError.invalidName(.tooLong(limit: 200))) {
            try service.correct(accountId: lena.id, field: .fullName, newValue: String(repeating: "x", count: 201))
        }
        #expect(throws: ProfileCorrectionError.unchanged) {
            try service.correct(accountId: lena.id, field: .country, newValue: "de")
        }
        #expect(try requests.requests(accountId: lena.id).count == before)
        let receipt = try service.correct(accountId: lena.id, field: .country, newValue: "at")
        #expect(receipt.after == "AT")
        #expect(try AccountService(context: harness.context).profile(accountId: lena.id)?.country == "AT")
    }

    @Test("a password change stores a hash at the context's cost, records the time and audits it")
    func passwordChange() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        harness.clock.advance(by: 60)
        try PasswordChangeService(context: harness.context).change(
            accountId: account.id, current: DashboardHarness.password, new: "another-secret-1",
            repeated: "another-secret-1")
        let changed = try harness.account("lena.mueller")
        #expect(try PHCScryptHash(parsing: changed.passwordHash).parameters == harness.context.settings.scrypt)
        #expect(changed.passwordChangedAt == harness.context.now.epochSeconds)
        #expect(try auditActions(harness, accountId: account.id).first?.action == "password-changed")
    }

    @Test("a wrong current password counts as a failed attempt, so guessing locks the account")
    func wrongCurrentPasswordLocks() throws {
        let harness = try DashboardHarness()
        let account = try harness.account("lena.mueller")
        let service = PasswordChangeService(context: harness.context)
        for _ in 0..<harness.context.catalogue.lockout.maxFailures {
            #expect(throws: PasswordChangeError.wrongCurrentPassword) {
                try service.change(
                    accountId: account.id, current: "guess-guess", new: "another-secret-1", repeated: "another-secret-1"
                )
            }
        }
        #expect(throws: PasswordChangeError.self) {
            try service.change(
                accountId: account.id, current: DashboardHarness.password, new: "another-secret-1",
                repeated: "another-secret-1")
        }
        #expect(try harness.account("lena.mueller").passwordHash == account.passwordHash)
    }
}
