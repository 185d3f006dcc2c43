import Foundation
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("deletions the retention run missed")
struct OverdueDeletionTests {
    @Test(
        "records more than a day past their deletion date are overdue, held ones and today's are not; a run clears it")
    func overdueUntilTheRun() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let now = TestDefaults.start
        let day: TimeInterval = 86_400
        // Technical logs are kept 90 days: one due 5 days ago, one due 12 hours ago, one held for an investigation.
        try env.insert("technical-logs", accountId: account.id, at: [now.addingTimeInterval(-95 * day)])
        try env.insert("technical-logs", accountId: account.id, at: [now.addingTimeInterval(-90.5 * day)])
        try env.insert("technical-logs", accountId: account.id, at: [now.addingTimeInterval(-200 * day)], held: true)
        let service = RetentionService(context: env.context)
        let late = try service.overdueDeletions(accountId: account.id, at: now)
        let category = try #require(env.context.catalogue.recordSet("technical-logs")).category.id
        #expect(
            late == [
                OverdueDeletion(
                    accountId: account.id, categoryId: category, recordSetId: "technical-logs", count: 1,
                    dueSince: now.addingTimeInterval(-5 * day), daysLate: 5)
            ])
        #expect(!RetentionService.isOverdue(due: now.addingTimeInterval(-day), at: now))
        #expect(RetentionService.isOverdue(due: now.addingTimeInterval(-day - 1), at: now))
        _ = try service.run(asOf: now)
        #expect(try service.overdueDeletions(accountId: account.id, at: now).isEmpty)
    }

    @Test("an account past its purge date by more than a day is an overdue purge")
    func overduePurge() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let now = TestDefaults.start
        try env.context.store.write { db in
            try db.execute(
                sql: "UPDATE account SET status = 'deletion-pending', purgeDueAt = ? WHERE id = ?",
                arguments: [now.addingTimeInterval(-3 * 86_400).epochSeconds, account.id])
        }
        let service = RetentionService(context: env.context)
        #expect(try service.overduePurges(at: now).map(\.accountId) == [account.id])
        #expect(try service.overduePurges(at: now.addingTimeInterval(-2.5 * 86_400)).isEmpty)
    }
}
