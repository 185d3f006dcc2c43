/// Puts a "who has seen my data" entry into words in one language, so the dashboard, the access report and the
/// export's CSV say the same: the action codes' words are the `access.action.*` strings.
public struct DataAccessWording: Sendable {
    /// The words, in the reader's language.
    public let strings: Strings
    /// Names of record sets, in the reader's language where translated.
    public let catalogue: PolicyCatalogue

    /// Binds the wording to a language's strings and a catalogue.
    public init(strings: Strings, catalogue: PolicyCatalogue) {
        self.strings = strings
        self.catalogue = catalogue
    }

    /// The staff member's role and pseudonymous id ("agent S-4KQ7"), or the words for the system.
    public func who(_ entry: DataAccessEntry) -> String {
        switch entry.actor {
        case .system: return strings["access.who.system"]
        case .staff(let role, let pseudonym):
            let roleWord = role.map { strings["error.term.role.\($0.rawValue)"] } ?? strings["access.who.staffRole"]
            return strings("access.who.staff", ["role": roleWord, "id": pseudonym])
        }
    }

    /// The reason given ("request PD-…", "ticket …"), or the words for none.
    public func reason(_ entry: DataAccessEntry) -> String {
        switch entry.reason {
        case .request(let reference): return strings("access.reason.request", ["reference": reference])
        case .ticket(let ticket): return strings("access.reason.ticket", ["ticket": ticket])
        case nil: return strings["access.reason.none"]
        }
    }

    /// What was read or changed, from the action code's words (a record set by its name).
    public func what(_ entry: DataAccessEntry) -> String {
        guard let text = strings.optional(entry.actionKey) else {
            return strings("access.action.other", ["code": entry.action])
        }
        let subject = entry.subject.map { catalogue.recordSet($0)?.set.name ?? $0 } ?? ""
        return text.replacingOccurrences(of: "{subject}", with: subject)
    }
}
