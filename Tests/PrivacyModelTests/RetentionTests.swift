import Foundation
import Testing

@testable import PrivacyModel

@Suite("retention due dates")
struct RetentionTests {
    private func rule(_ set: String) throws -> RetentionRule {
        try #require(try CatalogueLoader.bundled().recordSet(set)).set.retention
    }

    private func instant(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    @Test("technical logs are due exactly 90 days later")
    func ninetyDays() throws {
        let logs = try rule("technical-logs")
        let logged = try instant("2026-01-01T10:00:00Z")
        let due = try #require(logs.dueDate(anchoredAt: logged))
        #expect(due == (try instant("2026-04-01T10:00:00Z")))
        #expect(logs.dueCutoff(at: due) == logged)
        #expect(try #require(logs.dueCutoff(at: due.addingTimeInterval(-1))) < logged)
    }

    @Test("viewing history is due 2 years later; a record of 29 February is due on 28 February")
    func leapDay() throws {
        let viewing = try rule("viewing-events")
        #expect(
            viewing.dueDate(anchoredAt: try instant("2024-02-29T20:00:00Z")) == (try instant("2026-02-28T20:00:00Z")))
        #expect(
            viewing.dueDate(anchoredAt: try instant("2024-03-01T20:00:00Z")) == (try instant("2026-03-01T20:00:00Z")))
        // On 28 Feb 2026 at 20:00 both the 28 and the 29 Feb 2024 records are due, 1 Mar is not.
        let cutoff = try #require(viewing.dueCutoff(at: try instant("2026-02-28T20:00:00Z")))
        #expect(cutoff >= (try instant("2024-02-29T20:00:00Z")))
        #expect(cutoff < (try instant("2024-03-01T20:00:00Z")))
    }

    @Test("payment records are kept 7 years, across two leap days")
    func sevenYears() throws {
        let payments = try rule("payment-transactions")
        #expect(
            payments.dueDate(anchoredAt: try instant("2020-02-29T12:00:00Z")) == (try instant("2027-02-28T12:00:00Z")))
        #expect(
            payments.dueDate(anchoredAt: try instant("2019-06-15T00:00:00Z")) == (try instant("2026-06-15T00:00:00Z")))
    }

    @Test("account-lifetime rules have no due date of their own")
    func accountLifetime() throws {
        #expect(try rule("account").dueDate(anchoredAt: Date()) == nil)
    }
}
