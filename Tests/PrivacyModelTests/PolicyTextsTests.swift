import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("policy texts and acknowledgements per version")
struct PolicyTextsTests {
    /// Publishes 2026-12-30.1 (account-management renamed) with a German translation naming it anew.
    static func publish(_ env: TestEnvironment) throws {
        let approver = try env.staffMember("paul", role: .approver)
        var german = try CatalogueLoader.bundledTexts(language: "de")
        german["purpose.account-management.name"] = "Kontoführung (neu)"
        let draft = PolicyVersionDraft(
            policy: try PolicyVersionTests.policyFile(
                version: "2026-12-30.1", effective: "2026-12-30", purposeName: "Running your account"),
            effectiveDate: "2026-12-30", material: true, summary: ["en": "Renamed."], texts: ["de": german])
        try PolicyVersionService(context: env.context).publish(draft, staff: approver)
    }

    @Test("the texts are the in-force version's published translation, else the shipped one")
    func textsByDayAndLanguage() throws {
        let env = try TestEnvironment()
        try Self.publish(env)
        let store = env.context.store
        let before = try #require(UTCCalendar.day("2026-12-29"))
        let after = try #require(UTCCalendar.day("2026-12-30"))
        let shipped = try CatalogueLoader.bundledTexts(language: "de")
        #expect(try PolicyTexts.texts(store: store, day: before, language: "de") == shipped)
        let published = try PolicyTexts.texts(store: store, day: after, language: "de")
        #expect(published["purpose.account-management.name"] == "Kontoführung (neu)")
        #expect(
            try PolicyTexts.texts(store: store, day: after, language: "fr")
                == CatalogueLoader.bundledTexts(language: "fr"))
        #expect(try PolicyTexts.texts(store: store, day: after, language: "en").isEmpty)
        #expect(
            try PolicyTexts.texts(store: store, version: "2026-12-30.1", language: "de")[
                "purpose.account-management.name"]
                == "Kontoführung (neu)")
        #expect(try PolicyTexts.texts(store: store, version: "2025-01-25.1", language: "de") == shipped)
    }

    @Test("the German access report names the published version's new purpose in German once it applies")
    func reportUsesPublishedTexts() throws {
        let env = try TestEnvironment()
        let ada = try env.makeAccount()
        try Self.publish(env)
        let day = try #require(UTCCalendar.day("2026-12-30"))
        env.clock.set(day)
        let service = PolicyVersionService(context: env.context)
        let context = try PrivacyContext(
            store: env.context.store, catalogue: try service.catalogue(inForceOn: day), settings: env.context.settings)
        let report = try AccessReportWriter(context: context).render(accountId: ada.id, language: "de")
        #expect(report.contains("Kontoführung (neu)"))
        #expect(!report.contains("Running your account"))
        #expect(!report.contains("Verwaltung Ihres Kontos"))
    }

    @Test(
        "one record: sign-up, the old acknowledgePolicy and the per-version acknowledge all write policy_acknowledgement"
    )
    func oneRecord() throws {
        let env = try TestEnvironment()
        let ada = try env.makeAccount()
        let builtIn = env.context.catalogue.version
        let service = PolicyVersionService(context: env.context)
        let accounts = AccountService(context: env.context)
        #expect(
            try service.acknowledgements(accountId: ada.id) == [
                PolicyAcknowledgement(version: builtIn, at: env.clock.now())
            ])
        #expect(try accounts.policyAcknowledgement(accountId: ada.id)?.version == builtIn)
        #expect(try !accounts.acknowledgePolicy(accountId: ada.id, version: builtIn))
        try env.context.store.write { db in
            try db.execute(sql: "DELETE FROM policy_acknowledgement WHERE accountId = ?", arguments: [ada.id])
        }
        #expect(try accounts.policyAcknowledgement(accountId: ada.id) == nil)
        env.clock.advance(by: 3600)
        #expect(try accounts.acknowledgePolicy(accountId: ada.id, version: builtIn))
        #expect(try service.acknowledgedAt(accountId: ada.id, version: builtIn) == env.clock.now())
        try Self.publish(env)
        #expect(try service.acknowledge(accountId: ada.id, version: "2026-12-30.1"))
        // A coming version acknowledged ahead does not count as the version in force.
        #expect(try accounts.policyAcknowledgement(accountId: ada.id)?.version == builtIn)
        #expect(try accounts.account(id: ada.id)?.acknowledgedPolicyVersion == "2026-12-30.1")
        let audit = try env.context.store.read { db in try AuditLog.entries(db, accountId: ada.id) }
        #expect(
            audit.filter { $0.action == PolicyVersionService.acknowledgedAction }.map(\.detail).sorted() == [
                builtIn, "2026-12-30.1",
            ])
    }

    @Test("migration v8 turns older acknowledgements (audit entries, the account's version) into per-version rows")
    func migrationBackfill() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("old.sqlite")
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.migrator.migrate(queue, upTo: "v7-staff")
        try queue.write { db in
            try db.execute(
                sql: """
                    INSERT INTO account (id, email, emailKey, username, passwordHash, birthdate, createdAt,
                                         passwordChangedAt, acknowledgedPolicyVersion)
                    VALUES (1, 'a@example.com', 'a@example.com', 'a', 'x', '1980-01-01', 100, 100, '2025-01-25.1'),
                           (2, 'b@example.com', 'b@example.com', 'b', 'x', '1980-01-01', 200, 200, '2024-03-01.1'),
                           (3, 'c@example.com', 'c@example.com', 'c', 'x', '1980-01-01', 300, 300, NULL);
                    INSERT INTO audit_log (at, accountId, actor, action, detail)
                    VALUES (500, 1, 'subscriber', 'policy-acknowledged', '2025-01-25.1 (previously 2024-03-01.1)');
                    """)
        }
        try queue.close()
        let store = try PrivacyStore.open(at: path)
        let rows = try store.read { db in
            try Row.fetchAll(db, sql: "SELECT accountId, version, at FROM policy_acknowledgement ORDER BY accountId")
                .map { "\($0["accountId"] as Int64) \($0["version"] as String) \($0["at"] as Int64)" }
        }
        #expect(rows == ["1 2025-01-25.1 500", "2 2024-03-01.1 200"])
    }
}
