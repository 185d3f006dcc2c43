import Foundation
import TestSupport
import Testing

@testable import PrivacyModel

/// `requests complete` and `download` on a shared support box (the settings the SSH wrapper passes).
@Suite("download on a shared box", .serialized)
struct DownloadCommandTests {
    @Test(
        "complete without --output writes into the subscriber's box folder and prints the commands; a code works once")
    func completeThenDownloadOnce() throws {
        let store = try PreparedStore()
        let reference = try store.file(.access, .all).reference
        for step in ["acknowledge", "verify", "start"] {
            #expect(try store.runner.runOnStore(["requests", step, reference]).status == 0)
        }
        let home = store.runner.directory.appendingPathComponent("home").path
        let exports = store.runner.directory.appendingPathComponent("exports").path
        let box = [
            "PRIVACY_DASHBOARD_SHARED_BOX": "privacy@support.example.net", "PRIVACY_DASHBOARD_EXPORTS": exports,
            "HOME": home, "XDG_DOWNLOAD_DIR": "",
        ]
        let storeArguments = ["--store", store.runner.storePath]
        let done = try store.runner.run(["requests", "complete", reference] + storeArguments, environment: box)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home), "nothing goes to the running user's home")
        let folder = exports + "/subscriber-\(store.account.id)"
        let commands = done.stdout.split(separator: "\n").filter {
            $0.hasPrefix("ssh -T privacy@support.example.net download \(reference) ")
        }
        #expect(commands.count == 2, "\(done.stdout)")
        let report = try #require(commands.first?.split(separator: " ").map(String.init))
        try #require(report.count == 8 && report[6] == ">" && report[7].hasSuffix(".txt"), "\(report)")
        let path = folder + "/" + report[7]
        let original = try String(contentsOfFile: path, encoding: .utf8)

        let first = try store.runner.run(["download", reference, report[5]] + storeArguments, environment: box)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == original)
        #expect(!FileManager.default.fileExists(atPath: path), "the file leaves the box once downloaded")

        let second = try store.runner.run(["download", reference, report[5]] + storeArguments, environment: box)
        #expect(second.status == 77)
        #expect(second.stdout.isEmpty)
        #expect(second.stderr.split(separator: "\n").count == 1 && second.stderr.contains("already used"))
        let wrong = try store.runner.run(
            ["download", reference, "AAAA-AAAA-AAAA-AAAA-AAAA"] + storeArguments, environment: box)
        #expect(wrong.status == 77 && wrong.stderr.contains("no file waits"), "\(wrong.stderr)")
    }

    @Test("a shared box setting that cannot be used is one line of error, exit 64, before anything is opened")
    func badSetting() throws {
        let store = try PreparedStore()
        let result = try store.runner.run(
            ["requests", "list", "--store", store.runner.storePath],
            environment: ["PRIVACY_DASHBOARD_SHARED_BOX": "privacy@box; rm -rf ~"])
        #expect(result.status == 64)
        #expect(
            result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("USER@HOST"), "\(result.stderr)")
    }
}
