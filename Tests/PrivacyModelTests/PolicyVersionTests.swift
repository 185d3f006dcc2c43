import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("published policy versions")
struct PolicyVersionTests {
    /// The shipped catalogue file with a new version, effective day and (optionally) a renamed first purpose.
    static func policyFile(version: String, effective: String, purposeName: String? = nil) throws -> Data {
        let url = try #require(CatalogueLoader.bundledURL)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["version"] = version
        object["effectiveDate"] = effective
        if let purposeName, var purposes = object["purposes"] as? [[String: Any]] {
            purposes[0]["name"] = purposeName
            object["purposes"] = purposes
        }
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func draft(_ version: String, _ effective: String, material: Bool = true, name: String? = nil) throws
        -> PolicyVersionDraft
    {
        PolicyVersionDraft(
            policy: try policyFile(version: version, effective: effective, purposeName: name),
            effectiveDate: effective, material: material,
            summary: ["en": "Viewing history is kept for less time.", "de": "Der Verlauf wird kürzer gespeichert."])
    }

    @Test("a material change 29 days ahead is refused; 30 and 31 days ahead are published")
    func materialNotice() throws {
        let env = try TestEnvironment()  // 2026-11-29
        let approver = try env.staffMember("paul", role: .approver)
        let service = PolicyVersionService(context: env.context)
        #expect(throws: PolicyVersionError.tooSoon(days: 30, earliest: "2026-12-29")) {
            try service.publish(Self.draft("2026-12-28.1", "2026-12-28"), staff: approver)
        }
        try service.publish(Self.draft("2026-12-29.1", "2026-12-29"), staff: approver)
        try service.publish(Self.draft("2026-12-30.1", "2026-12-30"), staff: approver)
        #expect(try service.history().map(\.version) == ["2025-01-25.1", "2026-12-29.1", "2026-12-30.1"])
        #expect(try service.history().map(\.effectiveDate) == ["2025-01-25", "2026-12-29", "2026-12-30"])
    }

    @Test("a minor change may apply today, never before; versions must be newer; agents may not publish")
    func minorAndOrder() throws {
        let env = try TestEnvironment()
        let approver = try env.staffMember("paul", role: .approver)
        let agent = try env.staffMember("ann", role: .agent)
        let service = PolicyVersionService(context: env.context)
        #expect(throws: PolicyVersionError.effectiveInPast(day: "2026-11-28")) {
            try service.publish(Self.draft("2026-11-28.1", "2026-11-28", material: false), staff: approver)
        }
        #expect(throws: StaffError.notPermitted(role: .agent, action: .publishPolicy)) {
            try service.publish(Self.draft("2026-11-29.1", "2026-11-29", material: false), staff: agent)
        }
        try service.publish(Self.draft("2026-11-29.1", "2026-11-29", material: false), staff: approver)
        #expect(throws: PolicyVersionError.notNewer(version: "2026-11-29.1", newest: "2026-11-29.1")) {
            try service.publish(Self.draft("2026-11-29.1", "2026-12-01", material: false), staff: approver)
        }
        #expect(try service.versionInForce(on: env.clock.now()).version == "2026-11-29.1")
    }

    @Test("a file the loader refuses is refused with its one-line reason")
    func loaderErrors() throws {
        let env = try TestEnvironment()
        let approver = try env.staffMember("paul", role: .approver)
        let service = PolicyVersionService(context: env.context)
        let broken = PolicyVersionDraft(
            policy: Data("{".utf8), effectiveDate: "2026-12-31", material: true, summary: ["en": "x"])
        do {
            try service.publish(broken, staff: approver)
            Issue.record("a malformed file was published")
        } catch let error as PolicyVersionError {
            guard case .invalidFile(let reason) = error else { throw error }
            #expect(reason.hasPrefix("policy catalogue is not valid"))
            #expect(!error.description.contains("\n"))
        }
        #expect(try service.history().count == 1)
    }

    @Test("publishing queues one policy-change mail per active account, and the version applies on its day")
    func mailAndInForce() throws {
        let env = try TestEnvironment()
        let ada = try env.makeAccount()
        _ = try env.makeAccount(email: "bo@example.com", username: "bodil")
        let approver = try env.staffMember("paul", role: .approver)
        let service = PolicyVersionService(context: env.context)
        let queued = try service.publish(
            Self.draft("2026-12-30.1", "2026-12-30", name: "Delivering the streams"), staff: approver)
        #expect(queued == 2)
        let params = try env.context.store.read { db in
            try String.fetchOne(
                db, sql: "SELECT params FROM outbox WHERE accountId = ? AND kind = ? AND policyVersion = ?",
                arguments: [ada.id, MailKind.policyChange.rawValue, "2026-12-30.1"])
        }
        #expect(
            params
                == #"{"effectiveDate":"2026-12-30","material":"true","summary.de":"Der Verlauf wird kürzer gespeichert.","summary.en":"Viewing history is kept for less time.","version":"2026-12-30.1"}"#
        )

        env.clock.advance(by: 30 * 86_400)  // 2026-12-29: not yet
        #expect(try env.secondSession().catalogue.version == "2025-01-25.1")
        env.clock.advance(by: 86_400)  // 2026-12-30: in force
        let later = try env.secondSession()
        #expect(later.catalogue.version == "2026-12-30.1")
        #expect(later.catalogue.purposes[0].name == "Delivering the streams")
        let report = try AccessReportWriter(context: later).render(accountId: ada.id)
        #expect(report.contains("Delivering the streams"))
        #expect(!report.contains("Running the streaming service"))
    }

    @Test("acknowledgement is kept per version and per account; pending lists the rest")
    func acknowledgement() throws {
        let env = try TestEnvironment()
        let ada = try env.makeAccount()
        let bo = try env.makeAccount(email: "bo@example.com", username: "bodil")
        let approver = try env.staffMember("paul", role: .approver)
        let service = PolicyVersionService(context: env.context)
        try service.publish(Self.draft("2026-12-30.1", "2026-12-30"), staff: approver)
        try service.publish(Self.draft("2026-12-31.1", "2026-12-31", material: false), staff: approver)
        #expect(try service.pending(accountId: ada.id).map(\.version) == ["2026-12-30.1", "2026-12-31.1"])
        #expect(try service.acknowledge(accountId: ada.id, version: "2026-12-30.1"))
        #expect(try !service.acknowledge(accountId: ada.id, version: "2026-12-30.1"))
        #expect(try service.pending(accountId: ada.id).map(\.version) == ["2026-12-31.1"])
        #expect(try service.pending(accountId: bo.id).count == 2)
        #expect(try service.acknowledgedAt(accountId: ada.id, version: "2026-12-30.1") == env.clock.now())
        #expect(throws: PolicyVersionError.unknownVersion("9")) {
            try service.acknowledge(accountId: ada.id, version: "9")
        }
    }

    @Test("the diff names per category what changed (purposes, recipients, retention, added, removed) and sections")
    func diff() throws {
        let url = try #require(CatalogueLoader.bundledURL)
        let old = try CatalogueLoader.bundled()
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var categories = try #require(object["categories"] as? [[String: Any]])
        let first = try #require(categories[0]["id"] as? String)
        let removed = try #require(categories.last?["id"] as? String)
        categories[0]["recipients"] = []
        var sets = try #require(categories[0]["recordSets"] as? [[String: Any]])
        sets[0]["retention"] = ["rule": "fixed", "days": 9, "anchor": "record", "origin": "policy", "summary": "x"]
        categories[0]["recordSets"] = sets
        categories.removeLast()
        object["categories"] = categories
        var sections = try #require(object["sections"] as? [[String: Any]])
        let section = try #require(sections[0]["id"] as? String)
        sections[0]["summary"] = "Changed."
        object["sections"] = sections
        let new = try CatalogueLoader.decode(try JSONSerialization.data(withJSONObject: object))
        let changes = PolicyDiff.changes(from: old, to: new)
        #expect(changes.contains(PolicyChange(kind: .retentionChanged, id: first)))
        #expect(changes.contains(PolicyChange(kind: .categoryRemoved, id: removed)))
        #expect(changes.contains(PolicyChange(kind: .sectionChanged, id: section)))
        #expect(!changes.contains(PolicyChange(kind: .purposesChanged, id: first)))
        #expect(PolicyDiff.changes(from: old, to: old).isEmpty)
        #expect(PolicyDiff.changes(from: new, to: old).contains(PolicyChange(kind: .categoryAdded, id: removed)))
    }
}
