public import Foundation

/// The rules a breach record must keep: one place for the deadline and for what a draft may hold.
public enum BreachRules {
    /// The most characters the approver's own details may hold.
    public static let detailsLimit = 2_000
    /// The most characters a contact may hold.
    public static let contactLimit = 120

    /// When affected subscribers must have been told: discovery plus the catalogue's breach-notice hours (72).
    public static func notifyBy(discoveredAt: Date, catalogue: PolicyCatalogue) -> Date {
        discoveredAt.addingTimeInterval(TimeInterval(catalogue.deadlines.breachNoticeHours) * 3_600)
    }

    /// Refuses a draft that names no or unknown categories, an unknown audience category, an empty list, a
    /// discovery in the future, a contact that is neither an email address nor a phone number, or details with
    /// control characters or over the limit.
    public static func validate(_ draft: BreachDraft, catalogue: PolicyCatalogue, now: Date) throws(BreachError) {
        guard !draft.categories.isEmpty else { throw .noCategories }
        for id in draft.categories where catalogue.category(id) == nil { throw .unknownCategory(id) }
        guard Set(draft.categories).count == draft.categories.count else { throw .duplicateCategory }
        switch draft.audience {
        case .everyone: break
        case .holders(let category):
            guard catalogue.category(category) != nil else { throw .unknownCategory(category) }
        case .list(let ids):
            guard !ids.isEmpty else { throw .emptyAudience }
        }
        guard draft.discoveredAt <= now else { throw .discoveredInFuture }
        guard !draft.advice.isEmpty else { throw .noAdvice }
        let contact = draft.contact.trimmingCharacters(in: .whitespaces)
        guard isContact(contact) else { throw .invalidContact }
        guard draft.details.count <= detailsLimit else { throw .detailsTooLong(limit: detailsLimit) }
        guard !draft.details.unicodeScalars.contains(where: isForbidden) else { throw .controlCharacters }
    }

    /// An email address (`local@domain.tld`) or a phone number (`+`, digits, spaces, dashes; 6 to 15 digits).
    static func isContact(_ text: String) -> Bool {
        guard (3...contactLimit).contains(text.count), !text.unicodeScalars.contains(where: isForbidden) else {
            return false
        }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count == 2 {
            return !parts[0].isEmpty && parts[1].contains(".") && !text.contains(" ")
                && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
        }
        let digits = text.filter(\.isNumber).count
        let allowed = text.allSatisfy { $0.isNumber || $0 == " " || $0 == "-" || $0 == "+" }
        return allowed && (6...15).contains(digits)
    }

    /// Control characters (C0 but newline, DEL, C1) and bidirectional overrides, which no stored text may hold.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: return false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
