import Foundation
import Testing

@Suite("the idle time from the environment")
struct IdleMinutesCommandTests {
    @Test(
        "a PRIVACY_DASHBOARD_IDLE_MINUTES that is not 1 to 1440 minutes is refused in one line, exit 64",
        arguments: ["abc", "0", "-5", "99999", "1.5"])
    func refused(value: String) throws {
        let runner = try ProgramRunner.withDemoStore()
        let result = try runner.run(
            ["screen", "--size", "80x24", "--store", runner.storePath],
            environment: ["PRIVACY_DASHBOARD_IDLE_MINUTES": value])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("PRIVACY_DASHBOARD_IDLE_MINUTES"))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stdout.isEmpty)
    }

    @Test("a good value, or an empty one, opens the screen")
    func accepted() throws {
        let runner = try ProgramRunner.withDemoStore()
        for value in ["5", ""] {
            let result = try runner.run(
                ["screen", "--size", "80x24", "--store", runner.storePath],
                environment: ["PRIVACY_DASHBOARD_IDLE_MINUTES": value])
            #expect(result.status == 0, "\(value): \(result.stderr)")
        }
    }
}
