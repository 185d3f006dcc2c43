/// The outcome of checking one account's consent receipts: intact, or the first problem found.
public struct ReceiptChainReport: Sendable, Equatable, CustomStringConvertible {
    /// The account checked.
    public let accountId: Int64
    /// How many receipts were present.
    public let receiptCount: Int
    /// The first problem found, or nil when the chain is intact.
    public let problem: ReceiptChainProblem?

    /// Records a check's outcome.
    public init(accountId: Int64, receiptCount: Int, problem: ReceiptChainProblem?) {
        self.accountId = accountId
        self.receiptCount = receiptCount
        self.problem = problem
    }

    /// True when every receipt, link, the head and the stored values agree.
    public var isIntact: Bool { problem == nil }

    /// One line to show a person.
    public var summary: String {
        if let problem {
            return "Consent record of account \(accountId) is damaged: \(problem)."
        }
        switch receiptCount {
        case 0: return "Consent record of account \(accountId) is intact: no preference has been changed yet."
        case 1: return "Consent record of account \(accountId) is intact: 1 receipt, matching the stored preferences."
        default:
            return
                "Consent record of account \(accountId) is intact: \(receiptCount) receipts, each linked to the one before."
        }
    }

    /// The summary line.
    public var description: String { summary }
}
