import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("My data: a record read whole")
@MainActor
struct MyDataRecordViewerTests {
    /// A support message of about 3,000 characters whose last words are easy to find.
    static let longMessage =
        (1...420).map { "word\($0)" }.joined(separator: " ") + " and these are the last words."

    /// Adds `body` as Lena's newest support message (from support) and opens My data's support records on it.
    static func openNewestMessage(_ body: String, size: Size = Size(width: 80, height: 24)) throws -> DashboardHarness {
        let harness = try DashboardHarness(size: size)
        let lena = try harness.account("lena.mueller")
        try harness.context.store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO support_message (accountId, channel, direction, sentAt, body)
                    VALUES (?, 'email', 'from-support', ?, ?)
                    """, arguments: [lena.id, Int64(TestDefaults.start.timeIntervalSince1970) - 60, body])
        }
        try MyDataTestSupport.open(harness, category: "support")
        try harness.press("<Tab><Tab><Home>")
        return harness
    }

    @Test("Enter opens the record; at 80×24 the last words of a 3,000-character message are reachable; Esc goes back")
    func longMessageAt80Columns() throws {
        #expect(Self.longMessage.count > 3_000)
        let harness = try Self.openNewestMessage(Self.longMessage)
        let table = harness.text
        #expect(table.contains("records 1–"))
        #expect(!table.contains("last words"), "the table clips the message")

        let opened = try harness.press("<Enter>")
        #expect(opened.contains("Record"))
        #expect(opened.contains("Message"))
        #expect(opened.contains("word1 word2 word3"))
        #expect(opened.contains("from support"))
        #expect(opened.contains("Esc back"))
        #expect(!opened.contains("last words"))

        // Page by page, every word of the message is shown at some point.
        var seen = opened
        for _ in 0..<10 { seen += try harness.press("<PgDn>") }
        for index in 1...420 { #expect(seen.contains("word\(index) "), "word\(index)") }
        #expect(harness.text.contains("and these are the last words."))

        let top = try harness.press("<Home>")
        #expect(top.contains("word1 word2 word3"))
        let end = try harness.press("<End>")
        #expect(end.contains("and these are the last words."))
        try harness.press("<Up>")
        #expect(harness.text.contains("lines "))

        let back = try harness.press("<Esc>")
        #expect(!back.contains("last words"))
        #expect(back.contains("records 1–"))
        // Esc closed the record only: the records pane keeps the focus.
        try harness.press("<Enter>")
        #expect(harness.text.contains("word1 word2 word3"))
    }

    @Test("every field is shown, codes in words, stored control characters made visible")
    func everyFieldSanitised() throws {
        let harness = try Self.openNewestMessage(
            "Line one\nline \u{1B}[31mred\u{1B}[0m two", size: Size(width: 120, height: 40))
        let opened = try harness.press("<Enter>")
        for label in ["Sent", "Channel", "From", "Message"] {
            #expect(opened.contains(label), "\(label)")
        }
        #expect(opened.contains("email"))
        #expect(opened.contains("from support"))
        #expect(!opened.contains("from-support"))
        #expect(opened.contains("Line one"))
        #expect(opened.contains("line \u{241B}[31mred\u{241B}[0m two"))
        #expect(!opened.contains("\u{1B}"))
    }

    @Test("the record keys come from the key table: the footer names them in the screen's language")
    func footerFromKeyTable() throws {
        let harness = try Self.openNewestMessage("Kurz.")
        let opened = try harness.press("<Enter>")
        let footer = KeyHints.footer(
            [KeyHint(.back)], contexts: [.navigation], strings: harness.strings, glyphs: .unicode)
        #expect(opened.contains(footer))
    }
}
