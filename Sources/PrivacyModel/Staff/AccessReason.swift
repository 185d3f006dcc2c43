/// Why a member of staff reads or changes a subscriber's data: one of the subscriber's requests, or a support
/// ticket typed in. Stored on every audit entry staff cause.
public enum AccessReason: Sendable, Equatable, Hashable {
    /// A rights request of the subscriber, by reference.
    case request(String)
    /// A support ticket reference (letters, digits, `-`, `_`, `#`, `/`, `.`; 3 to 40 characters).
    case ticket(String)

    /// The form kept in the audit log ("request:R-…" or "ticket:…").
    public var storedForm: String {
        switch self {
        case .request(let reference): return "request:\(reference)"
        case .ticket(let ticket): return "ticket:\(ticket)"
        }
    }

    /// Reads a stored form back; nil for anything else.
    public init?(storedForm: String) {
        if storedForm.hasPrefix("request:") {
            self = .request(String(storedForm.dropFirst("request:".count)))
        } else if storedForm.hasPrefix("ticket:") {
            self = .ticket(String(storedForm.dropFirst("ticket:".count)))
        } else {
            return nil
        }
    }

    /// The reference or ticket as shown.
    public var label: String {
        switch self {
        case .request(let reference): return reference
        case .ticket(let ticket): return ticket
        }
    }

    /// Checks a typed ticket reference: 3 to 40 letters, digits or `-_#/.`, so nothing else can be smuggled in.
    public static func ticket(typed text: String) throws(StaffError) -> AccessReason {
        let ticket = text.trimmingCharacters(in: .whitespaces)
        let allowed = Set("-_#/.")
        guard (3...40).contains(ticket.count),
            ticket.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) })
        else { throw .invalidTicket }
        return .ticket(ticket)
    }
}

/// A signed-in member of staff together with the reason they gave, passed to services so every audit entry
/// they cause names both.
public struct StaffAccess: Sendable, Equatable {
    /// The audit log's actor for entries staff cause.
    public static let auditActor = "staff"
    /// Who acts.
    public let staff: StaffIdentity
    /// Why, when the action concerns a subscriber.
    public let reason: AccessReason?

    /// Pairs a staff member with a reason (nil for actions on no subscriber, such as managing staff).
    public init(staff: StaffIdentity, reason: AccessReason?) {
        self.staff = staff
        self.reason = reason
    }
}
