import Foundation
import Testing

@testable import PrivacyModel

@Suite("policy list and publish")
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

    @Test("publish: a material change 29 days ahead exits 64 with one line; 31 days ahead is published; agents get 77")
    func publish() throws {
        let runner = try ProgramRunner()
        #expect(try runner.runOnStore(["init"]).status == 0)
        let now = Date()
        func day(_ offset: Int) throws -> String {
            try #require(UTCCalendar.calendar.date(byAdding: .day, value: offset, to: now)).dayUTC
        }
        let summary = runner.directory.appendingPathComponent("summary.txt").path
        try Data("Viewing history kept for less time.".utf8).write(to: URL(fileURLWithPath: summary))
        func publish(_ offset: Int, as role: StaffRole) throws -> ProgramResult {
            let effective = try day(offset)
            let file = runner.directory.appendingPathComponent("policy-\(offset).json").path
            try policyFile(version: "\(effective).1", effective: effective).write(to: URL(fileURLWithPath: file))
            return try runner.runOnStore(
                ["policy", "publish", file, "--effective", effective, "--material", "--summary", summary],
                signIn: .staff(role))
        }
        let early = try publish(29, as: .approver)
        #expect(early.status == 64)
        #expect(early.stderr.contains("30 days"))
        #expect(early.stderr.split(separator: "\n").count == 1)
        let agent = try publish(31, as: .agent)
        #expect(agent.status == 77, "\(agent.stderr)")
        let accepted = try publish(31, as: .approver)
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("Published"))
        let list = try runner.runOnStore(["policy", "list"])
        #expect(list.stdout.contains("\(try day(31)).1  effective \(try day(31))  material  future"))
    }
}
