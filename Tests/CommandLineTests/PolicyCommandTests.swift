import Foundation
import Testing

@testable import PrivacyModel

@Suite("policy list")
struct PolicyCommandTests {
    /// The shipped catalogue file renamed to `version`, effective on `effective`.
    private func policyFile(version: String, effective: String) throws -> Data {
        let url = try #require(CatalogueLoader.bundledURL)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        object["version"] = version
        object["effectiveDate"] = effective
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test("lists the built-in version, a minor one in force from today and a material one 31 days ahead as future")
    func listsVersions() throws {
        let runner = try ProgramRunner()
        #expect(try runner.runOnStore(["init"]).status == 0)
        let identity = try TestStaff.ensure(.approver, store: runner.storePath)
        let now = Date()
        let today = now.dayUTC
        let later = try #require(UTCCalendar.calendar.date(byAdding: .day, value: 31, to: now)).dayUTC
        do {
            let context = try PrivacyContext.open(path: runner.storePath)
            let service = PolicyVersionService(context: context)
            let staff = StaffAccess(staff: identity, reason: nil)
            try service.publish(
                PolicyVersionDraft(
                    policy: try policyFile(version: "\(today).1", effective: today), effectiveDate: today,
                    material: false, summary: ["en": "Wording only."]), staff: staff)
            try service.publish(
                PolicyVersionDraft(
                    policy: try policyFile(version: "\(later).1", effective: later), effectiveDate: later,
                    material: true, summary: ["en": "Viewing history kept for less time."]), staff: staff)
        }
        let result = try runner.runOnStore(["policy", "list"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines == [
                "2025-01-25.1  effective 2025-01-25  built-in  superseded",
                "\(today).1  effective \(today)  minor  in force",
                "\(later).1  effective \(later)  material  future",
            ])
    }
}
