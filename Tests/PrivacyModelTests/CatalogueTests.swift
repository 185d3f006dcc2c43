import Foundation
import Testing

@testable import PrivacyModel

@Suite("policy catalogue")
struct CatalogueTests {
    private func bundledJSON() throws -> [String: Any] {
        let url = try #require(CatalogueLoader.bundledURL)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func decode(_ json: [String: Any]) throws(CatalogueError) -> PolicyCatalogue {
        let data = (try? JSONSerialization.data(withJSONObject: json)) ?? Data()
        return try CatalogueLoader.decode(data)
    }

    @Test("the bundled catalogue loads, is versioned and holds the policy's facts")
    func bundledFacts() throws {
        let catalogue = try CatalogueLoader.bundled()
        #expect(catalogue.version == "2025-01-25.1")
        #expect(catalogue.effectiveDay == UTCCalendar.day("2025-01-25"))
        #expect(catalogue.minimumAge == 18)
        #expect(catalogue.deadlines.receiptHours == 48)
        #expect(catalogue.deadlines.responseDays == 30)
        #expect(catalogue.deadlines.breachNoticeHours == 72)
        #expect(catalogue.deadlines.policyChangeNoticeDays == 30)
        #expect(catalogue.deadlines.accountPurgeDays == 30)
        #expect(
            Set(catalogue.categories.map(\.id))
                == [
                    "account", "payment", "contact", "support", "viewing", "device", "connection", "usage", "technical",
                    "location",
                ])
        #expect(Set(catalogue.rights.map(\.id)) == Set(RightKind.allCases.map(\.rawValue)))
        let retention = { (set: String) in try #require(catalogue.recordSet(set)).set.retention }
        #expect(try retention("payment-transactions").years == 7)
        #expect(try retention("payment-transactions").legalHold == "legal-obligation")
        #expect(try retention("viewing-events").years == 2)
        #expect(try retention("support-messages").years == 3)
        #expect(try retention("technical-logs").days == 90)
        #expect(try retention("technical-logs").securityHold == true)
        #expect(try retention("account").kind == .accountLifetime)
        #expect(catalogue.recipient("analytics-providers")?.anonymisedOnly == true)
        let payment = try #require(catalogue.category("payment"))
        #expect(payment.rightLimits?.contains { $0.right == "deletion" && $0.basis == "legal-obligation" } == true)
    }

    @Test("cookies: essential is locked on; performance, preference and analytics are choices")
    func cookies() throws {
        let catalogue = try CatalogueLoader.bundled()
        let essential = try #require(catalogue.preference("cookies.essential"))
        #expect(essential.isLocked && essential.default && essential.lockedReason != nil)
        for id in ["cookies.performance", "cookies.preference", "cookies.analytics", "communications.newsletter"] {
            #expect(catalogue.preference(id)?.isLocked == false, "\(id)")
        }
        #expect(catalogue.preference("tracking.device-fingerprinting")?.purpose == "security")
        #expect(catalogue.preferences.filter { $0.group == "communications" && $0.isLocked }.count == 3)
    }

    @Test("every retention rule that the policy does not state says it is the service's own")
    func serviceRulesAreMarked() throws {
        for category in try CatalogueLoader.bundled().categories {
            for set in category.recordSets where set.retention.origin == "service" {
                #expect(set.retention.summary.contains("service's rule"), "\(set.id)")
            }
        }
    }

    @Test("a reference to an unknown purpose fails with a clear error")
    func unknownReference() throws {
        var json = try bundledJSON()
        var categories = try #require(json["categories"] as? [[String: Any]])
        categories[0]["purposes"] = ["account-management", "world-domination"]
        json["categories"] = categories
        #expect(throws: CatalogueError.invalid("category \"account\" names unknown purpose \"world-domination\"")) {
            try decode(json)
        }
    }

    @Test("a duplicate id fails")
    func duplicateID() throws {
        var json = try bundledJSON()
        var rights = try #require(json["rights"] as? [[String: Any]])
        rights.append(rights[0])
        json["rights"] = rights
        #expect(throws: CatalogueError.invalid("right id \"access\" appears twice")) { try decode(json) }
    }

    @Test("a locked preference without a reason fails")
    func lockedWithoutReason() throws {
        var json = try bundledJSON()
        var preferences = try #require(json["preferences"] as? [[String: Any]])
        let index = try #require(preferences.firstIndex { $0["id"] as? String == "cookies.essential" })
        preferences[index].removeValue(forKey: "lockedReason")
        json["preferences"] = preferences
        #expect(throws: CatalogueError.self) { try decode(json) }
    }

    @Test("a retention rule with two periods fails")
    func twoPeriods() throws {
        var json = try bundledJSON()
        var categories = try #require(json["categories"] as? [[String: Any]])
        let index = try #require(categories.firstIndex { $0["id"] as? String == "viewing" })
        var sets = try #require(categories[index]["recordSets"] as? [[String: Any]])
        var retention = try #require(sets[0]["retention"] as? [String: Any])
        retention["days"] = 5
        sets[0]["retention"] = retention
        categories[index]["recordSets"] = sets
        json["categories"] = categories
        #expect(throws: CatalogueError.self) { try decode(json) }
    }

    @Test("missing fields and broken JSON give a message naming the place")
    func malformed() throws {
        var json = try bundledJSON()
        json.removeValue(forKey: "deadlines")
        #expect(throws: CatalogueError.malformed("missing \"deadlines\" at top level")) { try decode(json) }
        #expect(throws: CatalogueError.self) { try CatalogueLoader.decode(Data("{".utf8)) }
    }

    @Test("a catalogue whose record sets do not match the store's tables is refused")
    func recordSetBinding() throws {
        var json = try bundledJSON()
        var categories = try #require(json["categories"] as? [[String: Any]])
        categories.removeAll { $0["id"] as? String == "location" }
        json["categories"] = categories
        let catalogue = try decode(json)
        let env = try TestEnvironment()
        #expect(throws: CatalogueError.invalid("the store's table for \"locations\" is not described in the catalogue"))
        {
            try PrivacyContext(store: env.context.store, catalogue: catalogue)
        }
    }
}
