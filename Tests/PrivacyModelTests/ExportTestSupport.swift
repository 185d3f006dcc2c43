import Foundation
import GRDB
import TestSupport

@testable import PrivacyModel

/// Text that breaks naive CSV and JSON writers: separators, quotes, line breaks and non-Latin script.
enum TrickyText {
    static let title = "Tom, \"Jerry\" & friends\r\nPart 2 \u{65E5}\u{672C}\u{8A9E} \u{DC}ber"
    static let body = "Line one, with a comma\nLine \"two\"\n\u{1B}[31mred\u{1B}[0m \u{202E}evil"
}

/// A test store with one subscriber and a known set of records in several categories.
struct ExportFixture {
    let env: TestEnvironment
    let account: Account
    /// The folder outputs are written to.
    let outputs: TemporaryDirectory

    /// Viewing events: 12 in 2026 (three share each start second), plus one tricky title.
    static let viewingCount = 13

    init() throws {
        env = try TestEnvironment()
        account = try env.makeAccount()
        outputs = try TemporaryDirectory()
        let id = account.id
        let base = UTCCalendar.day("2026-03-01")?.epochSeconds ?? 0
        try env.context.store.write { db in
            let viewing = try db.makeStatement(
                sql: """
                    INSERT INTO viewing_event (accountId, channel, title, genre, startedAt, durationSeconds)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """)
            for index in 0..<12 {
                // Months March..June, three events at the same second each, to exercise keyset ties.
                let startedAt = base + Int64(index / 3) * 31 * 86_400
                try viewing.execute(arguments: [id, "arte", "Programme \(index)", "news", startedAt, 600 + index])
            }
            try viewing.execute(arguments: [id, "NHK", TrickyText.title, "drama", base - 86_400, 1_800])
            try db.execute(
                sql: """
                    INSERT INTO support_message (accountId, channel, direction, sentAt, body)
                    VALUES (?, 'email', 'from-subscriber', ?, ?), (?, 'whatsapp', 'from-support', ?, 'Danke, erledigt.')
                    """, arguments: [id, base, TrickyText.body, id, base + 3_600])
            try db.execute(
                sql: """
                    INSERT INTO device (accountId, deviceType, operatingSystem, client, firstSeenAt, lastSeenAt)
                    VALUES (?, 'tv', 'Android TV 12', 'app 4.2', ?, ?)
                    """, arguments: [id, base - 90 * 86_400, base])
            try db.execute(
                sql: """
                    INSERT INTO connection_record (accountId, recordedAt, ipAddress, downloadMbps, streamQuality, stabilityPercent)
                    VALUES (?, ?, '203.0.113.7', 48.5, 'HD', 97)
                    """, arguments: [id, base])
        }
    }

    var exporter: PortabilityExporter { PortabilityExporter(context: env.context) }

    /// A path in the output folder.
    func output(_ name: String) -> String { outputs.path(name) }

    /// A folder nothing can be written into: a read-only folder in the outputs, or sysfs for root (who may write
    /// anywhere a mode allows nothing). Give it mode 0700 back when done, so the outputs can be removed.
    func unwritableFolder() throws -> String {
        guard getuid() != 0 else { return "/sys" }
        let folder = output("locked")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        chmod(folder, 0o500)
        return folder
    }

    /// Every name in the output folder, hidden ones included.
    func folderContents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: outputs.url.path).sorted()
    }
}

/// A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.
enum CSVReader {
    /// Parses a whole CSV text into records of fields; fails on a bare LF outside quotes.
    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var scalars = Array(text.unicodeScalars)[...]
        var quoted = false
        var wasQuoted = false
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" {
                        scalars.removeFirst()
                        field.unicodeScalars.append("\"")
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw CSVProblem.strayQuote }
                quoted = true
                wasQuoted = true
            case ",":
                record.append(field)
                field = ""
                wasQuoted = false
            case "\r":
                guard scalars.popFirst() == "\n" else { throw CSVProblem.bareCR }
                record.append(field)
                records.append(record)
                record = []
                field = ""
                wasQuoted = false
            case "\n":
                throw CSVProblem.bareLF
            default:
                guard !wasQuoted else { throw CSVProblem.textAfterQuote }
                field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted else { throw CSVProblem.unterminatedQuote }
        guard field.isEmpty, record.isEmpty else { throw CSVProblem.missingFinalCRLF }
        return records
    }

    enum CSVProblem: Error {
        case strayQuote, bareCR, bareLF, textAfterQuote, unterminatedQuote, missingFinalCRLF
    }
}

/// Independent checks on written files.
enum FileCheck {
    /// The SHA-256 of `data` as computed by coreutils' sha256sum (independent of the code under test).
    static func sha256(_ data: Data) throws -> String {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pd-sha-\(UUID().uuidString)")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sha256sum", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(String(decoding: result, as: UTF8.self).prefix(64))
    }

    /// The POSIX permission bits of a path.
    static func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
