import Foundation

/// The real `sqlite3` shell, for tests that edit a store file by hand as an administrator (or an attacker) would.
enum SQLiteShell {
    /// Runs one SQL text on the store file and gives back the shell's exit status.
    static func run(_ path: String, _ sql: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sqlite3", path, sql]
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
