import PrivacyModel

/// Words a receipt-chain problem in the session's language (the model's own description is English).
enum ReceiptProblemText {
    /// One sentence without a final full stop, for the consent history and the overview's alert.
    @MainActor
    static func text(_ problem: ReceiptChainProblem, session: Session) -> String {
        let strings = session.strings
        let word = { (value: Bool) in strings[value ? "prefs.on" : "prefs.off"] }
        let name = { (id: String) in session.catalogue.preference(id)?.name ?? id }
        switch problem {
        case .editedReceipt(let sequence):
            return strings("prefs.chain.edited", ["n": String(sequence)])
        case .sequenceGap(let expected, let found) where found == expected + 1:
            return strings("prefs.chain.missingOne", ["n": String(expected)])
        case .sequenceGap(let expected, let found) where found > expected:
            return strings("prefs.chain.missingMany", ["from": String(expected), "to": String(found - 1)])
        case .sequenceGap(let expected, let found):
            return strings("prefs.chain.inserted", ["found": String(found), "expected": String(expected)])
        case .brokenLink(let sequence) where sequence == 1:
            return strings["prefs.chain.firstLink"]
        case .brokenLink(let sequence):
            return strings("prefs.chain.brokenLink", ["n": String(sequence), "previous": String(sequence - 1)])
        case .impossibleChange(let sequence):
            return strings("prefs.chain.impossible", ["n": String(sequence)])
        case .oldValueMismatch(let sequence, let id, let expected, let found):
            return strings(
                "prefs.chain.oldValue",
                ["n": String(sequence), "preference": name(id), "found": word(found), "expected": word(expected)])
        case .headMismatch(let last?):
            return strings("prefs.chain.head", ["n": String(last)])
        case .headMismatch(nil):
            return strings["prefs.chain.noneLeft"]
        case .storedValueMismatch(let id, let stored, let receipted, _):
            return strings(
                "prefs.chain.stored", ["preference": name(id), "stored": word(stored), "receipted": word(receipted)])
        }
    }
}
