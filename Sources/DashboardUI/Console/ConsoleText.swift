import PrivacyModel

/// The words the staff console adds to the Requests screen's (`RequestText`): deadline marks and identity facts.
@MainActor
enum ConsoleText {
    /// The OVERDUE, receipt-overdue and receipt-mail-failed marks of a queue entry, in words so they never rest on colour alone.
    static func marks(_ entry: StaffQueueEntry, session: ConsoleSession) -> String {
        var marks: [String] = []
        if entry.isOverdue { marks.append(session.strings["console.mark.overdue"]) }
        if entry.isReceiptOverdue { marks.append(session.strings["console.mark.receiptOverdue"]) }
        if entry.receiptMailFailed { marks.append(session.strings["console.mark.receiptMailFailed"]) }
        return marks.joined(separator: ", ")
    }
}
