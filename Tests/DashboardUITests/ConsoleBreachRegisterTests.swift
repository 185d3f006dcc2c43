import DashboardUI
import Foundation
import GRDB
import TerminalKit
import TestSupport
import Testing

@testable import PrivacyModel

/// The breach register in the staff console: approvers see the countdown, publish and close; auditors only read.
@Suite("Staff console: breach register")
@MainActor
struct ConsoleBreachRegisterTests {
    nonisolated static let sizes = [Size(width: 80, height: 24), Size(width: 140, height: 50)]

    /// An approver who records breaches in `prepare` (id 3, beside the harness's own member of staff).
    static let recorder = StaffIdentity(
        id: 3, username: "paula.approver", displayName: "Paula Recorder", pseudonym: "S-R3CD", role: .approver)

    /// Records a payment breach discovered an hour before the harness's clock; returns its reference.
    @discardableResult
    static func recordPayment(_ context: PrivacyContext) throws -> String {
        try ConsoleHarness.keepRow(for: recorder, in: context)
        let draft = BreachDraft(
            kind: .unauthorisedAccess, discoveredAt: context.now.addingTimeInterval(-3_600), categories: ["payment"],
            audience: .holders(category: "payment"), consequences: [.fraud], measures: [.accessContained],
            advice: [.watchStatements], contact: "privacy@example.com")
        return try BreachRegister(context: context).record(draft, staff: StaffAccess(staff: recorder, reason: nil))
            .reference
    }

    @Test(
        "an approver opens the register on b, sees 71 h left, publishes after a question and closes", arguments: sizes)
    func approverPublishesAndCloses(size: Size) throws {
        var reference = ""
        let harness = try ConsoleHarness(size: size, staff: ConsoleHarness.member(.approver)) { context in
            try ConsoleHarness.addStaff(.approver, to: context)
            reference = try Self.recordPayment(context)
        }
        if size.width > 100 { #expect(harness.text.contains("b breaches")) }
        let register = try harness.press("b")
        #expect(harness.console.showsBreachRegister)
        #expect(register.contains("Breach register"))
        #expect(register.contains(reference) && register.contains("draft"))
        #expect(register.contains("71 h 00 min left"))
        #expect(register.contains("p publish"))
        let holders = try BreachRegister(context: harness.context).affectedCount(.holders(category: "payment"))
        let question = try harness.press("p")
        #expect(question.contains("Publish \(reference) now? \(holders) subscribers"))
        #expect(
            try harness.context.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM breach_notice") }
                == 0)
        let published = try harness.press("y")
        #expect(published.contains("Published \(reference) version 1"))
        #expect(published.contains("told in time") && published.contains("0 of \(holders)"))
        #expect(published.contains("x close"))
        try harness.press("x")
        let closed = try harness.press("y")
        #expect(closed.contains("Closed \(reference)"))
        #expect(
            try BreachRegister(context: harness.context).entry(
                reference: reference, staff: StaffAccess(staff: Self.recorder, reason: nil)
            ).breach.status == .closed)
        try harness.press("<Esc>")
        #expect(!harness.console.showsBreachRegister)
    }

    @Test("an auditor reads the register from the audit log, sees OVERDUE, and cannot publish")
    func auditorReadsOnly() throws {
        var reference = ""
        let harness = try ConsoleHarness(staff: ConsoleHarness.member(.auditor)) { context in
            try ConsoleHarness.addStaff(.auditor, to: context)
            reference = try Self.recordPayment(context)
        }
        harness.clock.advance(by: 72 * 3_600)
        let register = try harness.press("b")
        #expect(register.contains(reference) && register.contains("OVERDUE"))
        #expect(!register.contains("p publish"))
        try harness.press("p")
        #expect(harness.text.contains("The auditor role may not record breaches and notices."))
        #expect(
            try harness.context.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM breach_notice") }
                == 0)
    }

    @Test("an agent has no register: b does nothing")
    func agentHasNone() throws {
        let harness = try ConsoleHarness()
        try harness.press("b")
        #expect(!harness.console.showsBreachRegister)
    }
}
