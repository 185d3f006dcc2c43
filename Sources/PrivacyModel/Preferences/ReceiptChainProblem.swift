/// The first thing found wrong with an account's consent receipts, worded for a person and exact for a test.
public enum ReceiptChainProblem: Sendable, Equatable, CustomStringConvertible {
    /// The receipt's stored hash is not the hash of its fields: it was edited after it was written.
    case editedReceipt(sequence: Int64)
    /// The chain expected receipt `expected` but the next one present is `found`: receipts were deleted (or inserted).
    case sequenceGap(expected: Int64, found: Int64)
    /// The receipt's previous hash is not the hash of the receipt before it: one was removed, replaced or inserted.
    case brokenLink(sequence: Int64)
    /// The receipt records values other than 0 and 1, or a "change" that changes nothing.
    case impossibleChange(sequence: Int64)
    /// The receipt's old value is not what the preference held before it (the earlier receipt's new value, or the default).
    case oldValueMismatch(sequence: Int64, preferenceId: String, expected: Bool, found: Bool)
    /// The account row's head hash is not the hash of the last receipt present (`nil` when none is left).
    case headMismatch(lastSequence: Int64?)
    /// The stored preference value differs from what the receipts say it is.
    case storedValueMismatch(preferenceId: String, stored: Bool, receipted: Bool, lastSequence: Int64?)

    /// The receipt sequence number the problem was found at, when it concerns one receipt.
    public var sequence: Int64? {
        switch self {
        case .editedReceipt(let sequence), .brokenLink(let sequence), .impossibleChange(let sequence):
            return sequence
        case .sequenceGap(let expected, _): return expected
        case .oldValueMismatch(let sequence, _, _, _): return sequence
        case .headMismatch(let last): return last
        case .storedValueMismatch(_, _, _, let last): return last
        }
    }

    /// One plain sentence (no final full stop) saying what is wrong and what it means.
    public var description: String {
        switch self {
        case .editedReceipt(let sequence):
            return "receipt \(sequence) was altered after it was written (its contents no longer match its hash)"
        case .sequenceGap(let expected, let found) where found > expected:
            let missing = found - 1 == expected ? "receipt \(expected) is" : "receipts \(expected) to \(found - 1) are"
            return "\(missing) missing (the next one present is receipt \(found)): receipts were deleted"
        case .sequenceGap(let expected, let found):
            return "receipt \(found) appears where receipt \(expected) should be: a receipt was inserted or renumbered"
        case .brokenLink(let sequence):
            return sequence == 1
                ? "receipt 1 does not start the chain (its previous hash is not all zeros): earlier receipts were removed"
                : "receipt \(sequence) does not link to receipt \(sequence - 1): "
                    + "a receipt between them was removed, replaced or inserted"
        case .impossibleChange(let sequence):
            return "receipt \(sequence) records an impossible change (values must be 0 or 1 and differ)"
        case .oldValueMismatch(let sequence, let id, let expected, let found):
            return "receipt \(sequence) says \(id) was \(Self.word(found)) before the change, "
                + "but it was \(Self.word(expected)): a receipt for it is missing or false"
        case .headMismatch(let last?):
            return "the account's latest receipt is not receipt \(last): the newest receipt was deleted or altered"
        case .headMismatch(nil):
            return "the account records consent changes but no receipts are left: the receipts were deleted"
        case .storedValueMismatch(let id, let stored, let receipted, let last):
            let source = last.map { "receipt \($0)" } ?? "the receipts (none changed it)"
            return "\(id) is stored as \(Self.word(stored)) but \(source) leaves it \(Self.word(receipted)): "
                + "it was changed without a receipt"
        }
    }

    private static func word(_ value: Bool) -> String { value ? "on" : "off" }
}
