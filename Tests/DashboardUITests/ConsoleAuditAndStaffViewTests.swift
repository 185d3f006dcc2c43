import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

/// What an auditor and an owner see after sign-in: the audit log with the chain's state, and the staff accounts.
@Suite("Staff console: the auditor's audit log and the owner's staff accounts")
@MainActor
struct ConsoleAuditAndStaffViewTests {
    /// Real staff (an owner, the auditor as `member(.auditor)`, and an agent, id 3) and an agent's audited read of
    /// Lena's data for a ticket, so the log holds staff entries about a subscriber.
    static func prepareAudit(_ context: PrivacyContext) throws {
        try ConsoleHarness.addStaff(.auditor, to: context)
        let owner = try ownerIdentity(context)
        _ = try StaffService(context: context).create(
            username: "sam.agent", displayName: "Sam Okafor", role: .agent,
            initialPassword: ConsoleHarness.staffPassword, by: owner)
        try ConsoleHarness.activateStaff(context)
        let agent = try #require(try StaffService(context: context).list(by: owner).last?.identity)
        let lena = try AccountService(context: context).require("lena.mueller")
        _ = try StaffDataAccess(context: context, access: StaffAccess(staff: agent, reason: .ticket("TCK-1001")))
            .summaries(accountId: lena.id)
    }

    static func ownerIdentity(_ context: PrivacyContext) throws -> StaffIdentity {
        try #require(
            try context.store.read { db in try StaffAccount.fetchOne(db, sql: "SELECT * FROM staff WHERE id = 1") }
        ).identity
    }

    /// Lena's name and email, which no auditor frame may show.
    static func lenasPersonalData(_ context: PrivacyContext) throws -> [String] {
        let accounts = AccountService(context: context)
        let lena = try accounts.require("lena.mueller")
        let name = try #require(try accounts.profile(accountId: lena.id)?.fullName)
        return [lena.email, name, lena.username]
    }

    @Test("the auditor opens on the figures, the chain's state and the log, newest first; no personal data shows")
    func auditorSeesTheLog() throws {
        let harness = try ConsoleHarness(
            size: Size(width: 132, height: 40), staff: ConsoleHarness.member(.auditor), prepare: Self.prepareAudit)
        let lena = try AccountService(context: harness.context).require("lena.mueller")
        var frames = [harness.text]
        #expect(harness.text.contains(" open · "), "the queue's figures sit on top")
        #expect(harness.text.contains("Audit chain: intact"))
        // The newest entry is the auditor's own reading, first in the list.
        let rows = harness.lines.filter { $0.contains("S-") }
        #expect(rows.first?.contains("read the audit log") == true && rows.first?.contains("kim.auditor") == true)
        let read = try #require(
            try harness.context.store.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM audit_log ORDER BY id DESC LIMIT 1")
            })
        #expect(read["action"] as String == StaffAuditLog.readAction)
        #expect(read["staffId"] as Int64? == 2 && read["accountId"] as Int64? == nil)
        // The agent's read: pseudonym and username, role, action in words, the ticket, Lena as an account id only.
        let agentRow = try #require(harness.lines.first { $0.contains("read a data summary") })
        #expect(agentRow.contains("sam.agent") && agentRow.contains("agent") && agentRow.contains("ticket TCK-1001"))
        #expect(agentRow.hasSuffix(String(lena.id)) || agentRow.contains(" \(lena.id)"))
        // Scroll through every page, and through every staff member and action filter.
        frames.append(try harness.press("<End>"))
        frames.append(try harness.press("<PgUp><Home>"))
        frames.append(try harness.press("m"))
        #expect(harness.text.contains("Staff member: S-"))
        for _ in 0..<4 { frames.append(try harness.press("m")) }
        frames.append(try harness.press("<Esc>"))
        for _ in 0..<40 { frames.append(try harness.press("a")) }
        let personal = try Self.lenasPersonalData(harness.context)
        for frame in frames {
            for value in personal { #expect(!frame.contains(value), "an auditor frame shows \(value)") }
        }
    }

    @Test("a filter by action lists only that action; the chain's break is named by entry")
    func filterAndBrokenChain() throws {
        let harness = try ConsoleHarness(
            size: Size(width: 132, height: 40), staff: ConsoleHarness.member(.auditor), prepare: Self.prepareAudit)
        var seen = false
        for _ in 0..<60 where !seen {
            try harness.press("a")
            seen = harness.text.contains("Action: read a data summary")
        }
        #expect(seen)
        let listed = harness.lines.dropFirst(5).filter { $0.contains("S-") }
        #expect(listed.count == 1 && listed.allSatisfy { $0.contains("read a data summary") })
        try harness.context.store.write { db in
            try db.execute(sql: "DROP TRIGGER audit_log_no_update")
            try db.execute(sql: "UPDATE audit_log SET detail = 'edited' WHERE id = 5")
        }
        let reopened = StaffConsole(
            context: harness.context, staff: ConsoleHarness.member(.auditor),
            strings: try Strings.bundled(language: "en"))
        let size = Size(width: 80, height: 24)
        reopened.handle(.resize(size))
        #expect(reopened.render(size: size, glyphs: .unicode).plainText.contains("BROKEN at entry 5"))
    }

    @Test("the owner creates an agent, changes its role and disables it; the last owner stays")
    func ownerManagesStaff() throws {
        let harness = try ConsoleHarness(staff: ConsoleHarness.member(.owner)) {
            try ConsoleHarness.addStaff(.owner, to: $0)
        }
        let service = StaffService(context: harness.context)
        let me = ConsoleHarness.member(.owner)
        #expect(harness.text.contains("Staff accounts"))
        #expect(harness.text.contains("olga.owner") && harness.text.contains("kim.owner"))
        let password = ConsoleHarness.staffPassword
        // Two different passwords are refused and nothing is made.
        try harness.press("nana.agent<Tab>Ana Lopez<Tab><Tab>\(password)<Tab>\(password)x<Enter>")
        #expect(harness.text.contains("The two passwords differ"))
        #expect(try service.list(by: me).count == 2)
        try harness.press("<BS><Enter>")
        #expect(harness.text.contains("ana.agent created"))
        let ana = try #require(try service.list(by: me).first { $0.username == "ana.agent" })
        #expect(ana.role == .agent && ana.status == .enrolling && ana.displayName == "Ana Lopez")
        // Another role: the third row, → from agent is auditor.
        try harness.press("<Down><Down>r<Right><Enter>")
        #expect(harness.text.contains("ana.agent is now auditor"))
        #expect(try service.list(by: me).first { $0.username == "ana.agent" }?.role == .auditor)
        try harness.press("dy")
        #expect(try service.list(by: me).first { $0.username == "ana.agent" }?.status == .disabled)
        // Olga goes; then the owner at the console is the last active owner and stays.
        try harness.press("<Home>dy")
        #expect(try service.list(by: me).first { $0.username == "olga.owner" }?.status == .disabled)
        try harness.press("<Down>dy")
        #expect(harness.text.contains("The last active owner cannot be disabled"))
        #expect(try service.list(by: me).first { $0.username == "kim.owner" }?.status == .active)
        let actions = try harness.context.store.read { db in
            try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE staffId = 2 ORDER BY id")
        }
        #expect(actions == ["staff-created", "staff-role-changed", "staff-disabled", "staff-disabled"])
    }

    @Test("an agent can open neither view, at the console or through the model; an auditor cannot manage staff")
    func roleGating() throws {
        let harness = try ConsoleHarness(prepare: { try ConsoleHarness.addStaff(.agent, to: $0) })
        let agent = ConsoleHarness.member(.agent)
        let console = StaffConsole(
            context: harness.context, staff: agent, strings: try Strings.bundled(language: "en"))
        let size = Size(width: 80, height: 24)
        console.handle(.resize(size))
        for key in ["m", "a", "n", "r", "d"] { console.handle(.key(.character(Character(key)))) }
        let text = console.render(size: size, glyphs: .unicode).plainText
        #expect(!text.contains("Audit chain") && !text.contains("Staff accounts"))
        #expect(text.contains(" open · "), "an agent stays on the queue")
        #expect(try StaffService(context: harness.context).list(by: try Self.ownerIdentity(harness.context)).count == 2)
        #expect(throws: StaffError.notPermitted(role: .agent, action: .readAuditLog)) {
            try StaffAuditLog(context: harness.context).page(limit: 10, by: agent)
        }
        #expect(throws: StaffError.notPermitted(role: .agent, action: .manageStaff)) {
            try StaffService(context: harness.context).list(by: agent)
        }
        let auditor = try ConsoleHarness(
            staff: ConsoleHarness.member(.auditor), prepare: { try ConsoleHarness.addStaff(.auditor, to: $0) })
        try auditor.press("n")
        #expect(!auditor.text.contains("New staff account"))
    }
}
