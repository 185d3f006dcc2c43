import Foundation
import PrivacyModel
import TerminalKit

/// Closes the account of a subscriber found to be under age: first says what the purge deletes at once and what
/// the legal holds keep (from the model's dry run), then on Enter closes it through the model and shows the result.
@MainActor
struct ConsoleUnderageClosureDialog: ConsoleActionDialog {
    /// The request the closure cites as its reason.
    let reference: String
    /// The subscriber's username, named in the title.
    let username: String
    /// What deleting the account would do now.
    let plan: AccountDeletionPlan
    /// What the closure did, once done.
    private(set) var receipt: UnderageClosureReceipt?
    /// The model's refusal, in the console's language.
    private(set) var error: String?

    /// Nothing typed; the closure itself is the one step.
    var hasUnsavedInput: Bool { false }

    /// Reads the dry run of deleting the account of the request's subscriber.
    init(reference: String, username: String, accountId: Int64, session: ConsoleSession) throws {
        self.reference = reference
        self.username = username
        plan = try AccountDeletionService(context: session.context).dryRun(accountId: accountId)
    }

    /// Enter closes the account (then dismisses the result), Esc cancels.
    mutating func update(_ input: ScreenInput, session: ConsoleSession) -> ConsoleStepDialog.Outcome {
        switch input.action {
        case .quit: return .passThrough
        case .select where receipt == nil:
            do {
                receipt = try UnderageClosure(context: session.context).close(
                    accountId: plan.accountId, staff: StaffAccess(staff: session.staff, reason: .request(reference)))
                error = nil
            } catch {
                self.error = session.message(for: error)
            }
            return .stay
        case .select, .back:
            guard let receipt else { return .close }
            return .done(
                session.strings(
                    "console.underage.done",
                    ["name": username, "count": session.formats.number(receipt.purge.deletedCount)]))
        default: return .stay
        }
    }

    /// What the closure deletes at once and what it keeps, in the console's language.
    private func consequences(session: ConsoleSession) -> [String] {
        let strings = session.strings
        let formats = session.formats
        let deleted = plan.sets.filter { $0.deleteCount > 0 }.map {
            strings("console.underage.set", ["set": $0.name, "count": formats.number($0.deleteCount)])
        }
        let kept = plan.sets.filter { $0.keepCount > 0 }.map { set in
            set.keptUntilLatest.map {
                strings(
                    "console.underage.keptUntil",
                    ["set": set.name, "count": formats.number(set.keepCount), "date": formats.date($0)])
            } ?? strings("console.underage.set", ["set": set.name, "count": formats.number(set.keepCount)])
        }
        return [
            strings("console.underage.deleted", ["sets": deleted.isEmpty ? "-" : deleted.joined(separator: ", ")]),
            kept.isEmpty
                ? strings["console.underage.nothingKept"]
                : strings("console.underage.kept", ["sets": kept.joined(separator: ", ")]),
        ]
    }

    /// Draws the confirmation, or what was done.
    func render(into canvas: inout Canvas, area: Rect, session: ConsoleSession) {
        let strings = session.strings
        let inner = Dialog.frame(
            into: &canvas, area: area, width: 74, height: 18,
            title: strings("console.underage.title", ["name": username]))
        guard inner.width > 0, inner.height > 0 else { return }
        var y = inner.y
        if let receipt {
            y = paragraphs(
                [
                    strings(
                        "console.underage.result",
                        [
                            "deleted": session.formats.number(receipt.purge.deletedCount),
                            "kept": session.formats.number(receipt.purge.keptCount),
                        ])
                ], into: &canvas, inner: inner, y: y)
        } else {
            y = paragraphs([strings["console.underage.intro"]], into: &canvas, inner: inner, y: y, style: .muted)
            y = paragraphs(consequences(session: session), into: &canvas, inner: inner, y: y)
        }
        if let error { _ = paragraphs([error], into: &canvas, inner: inner, y: y, style: .danger) }
        let hints =
            receipt == nil
            ? [KeyHint(.select, label: "console.underage.confirm"), KeyHint(.back)]
            : [KeyHint(.select, label: "console.reset.close")]
        canvas.write(
            KeyHints.footer(hints, strings: strings, glyphs: canvas.glyphs), x: inner.x, y: inner.maxY - 1,
            width: inner.width, style: .muted)
    }
}
