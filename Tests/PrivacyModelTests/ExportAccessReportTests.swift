import Foundation
import Testing

@testable import PrivacyModel

@Suite("access report")
struct ExportAccessReportTests {
    @Test("the report covers every category with counts, purposes, recipients, retention, source and profiling")
    func categories() throws {
        let fixture = try ExportFixture()
        let text = try AccessReportWriter(context: fixture.env.context).render(accountId: fixture.account.id)
        let catalogue = fixture.env.context.catalogue
        for category in catalogue.categories {
            #expect(text.contains(category.name), "\(category.id)")
            for set in category.recordSets { #expect(text.contains(set.name)) }
        }
        #expect(text.contains("Viewing events: 13 records, 2026-02-28 to 2026-06-02"))
        #expect(text.contains("Every record, newest first:"))
        #expect(!text.contains("most recent"))
        #expect(text.contains("Recommendations: Suggest channels"))
        #expect(text.contains("Legal ground: Legitimate interests."))
        #expect(text.contains("Analytics services:"))
        #expect(text.contains("Next deletion: 2028-02-28"))
        #expect(text.contains("the apps record it automatically"))
        let profiling = try #require(catalogue.category("viewing")?.profiling)
        #expect(text.contains(String(profiling.prefix(40))))
        #expect(text.contains("Personalised recommendations is on"))
        #expect(text.contains("complain to a data-protection authority"))
        #expect(text.contains("within 48 hours"))
    }

    @Test("consent receipts and request history appear with their details")
    func receiptsAndRequests() throws {
        let fixture = try ExportFixture()
        try PreferenceService(context: fixture.env.context).set(
            "communications.newsletter", to: true, accountId: fixture.account.id)
        let request = try fixture.env.request(
            for: fixture.account, in: .acknowledged, type: .deletion, scope: .category("viewing"))
        let text = try AccessReportWriter(context: fixture.env.context).render(accountId: fixture.account.id)
        #expect(text.contains("#1 2026-11-29T09:00:00Z  Newsletter: off -> on  via the dashboard"))
        #expect(text.contains("\(request.reference)  deletion (Viewing history)  status: acknowledged"))
        #expect(text.contains("answer due 2026-12-29"))
        #expect(text.contains("submitted -> acknowledged by support"))
    }

    @Test("stored control characters and bidi overrides never reach the file; it is written 0600, all or nothing")
    func safeText() throws {
        let fixture = try ExportFixture()
        let path = fixture.output("report.txt")
        let result = try AccessReportWriter(context: fixture.env.context).write(
            accountId: fixture.account.id, to: path, categories: ["support"])
        #expect(result.format == "report")
        #expect(try FileCheck.mode(path) == 0o600)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(!data.contains(0x1B))
        #expect(!data.contains(0x0D))
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.unicodeScalars.contains { $0.value == 0x202E })
        #expect(text.contains("\u{241B}[31mred"))
        #expect(!text.contains("Viewing history"))
        #expect(throws: ExportError.outputExists(path)) {
            try AccessReportWriter(context: fixture.env.context).write(accountId: fixture.account.id, to: path)
        }
        #expect(try fixture.folderContents() == ["report.txt"])
    }
}
