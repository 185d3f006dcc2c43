import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("the account's language is a setting")
struct LanguageSettingTests {
    @Test("choosing a language keeps it with an audit entry and files no request")
    func setFilesNoRequest() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = LanguagePreferenceService(context: env.context)
        #expect(try service.set(accountId: account.id, to: .german))
        #expect(try service.language(accountId: account.id) == .german)
        #expect(try env.requests.requests(accountId: account.id).isEmpty)
        #expect(try env.auditActions(account).contains("language-set"))
        #expect(try service.set(accountId: account.id, to: .german) == false, "the language held already")
    }

    @Test("erasing the contact details keeps the language the dashboard is shown in")
    func survivesContactErasure() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = LanguagePreferenceService(context: env.context)
        try service.set(accountId: account.id, to: .french)
        let receipt = try ErasureService(context: env.context).erase(accountId: account.id, categoryId: "contact")
        #expect(receipt.deletedCount == 1)
        #expect(try AccountService(context: env.context).profile(accountId: account.id) == nil)
        #expect(try service.language(accountId: account.id) == .french)
    }

    @Test("the language is not a correctable field: correction requests cannot name it")
    func notACorrection() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        #expect(!RightScopes(catalogue: env.context.catalogue).fields.contains("language"))
        #expect(throws: ProfileCorrectionError.notSelfCorrectable("language")) {
            try ProfileCorrectionService(context: env.context).correct(
                accountId: account.id, field: .language, newValue: "de")
        }
    }

    @Test("a version 2 store keeps each account's language when the language moves to the account")
    func upgradeKeepsLanguage() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v2-restrictions")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account (email, emailKey, username, passwordHash, birthdate, createdAt, passwordChangedAt)
                    VALUES ('old@example.com', 'old@example.com', 'old', 'x', '1980-01-01', 0, 0);
                    INSERT INTO profile (accountId, fullName, language, updatedAt)
                    VALUES (last_insert_rowid(), 'Old Timer', 'de', 0);
                    """)
        }
        try queue.close()
        let store = try PrivacyStore.open(at: path)
        try store.read { db throws in
            #expect(try String.fetchOne(db, sql: "SELECT language FROM account") == "de")
            #expect(try db.columns(in: "profile").contains { $0.name == "language" } == false)
            #expect(try String.fetchOne(db, sql: "SELECT fullName FROM profile") == "Old Timer")
        }
    }
}
