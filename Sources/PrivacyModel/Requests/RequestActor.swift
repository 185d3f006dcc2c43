/// Who took a step on a request, recorded on every event and audit entry.
public enum RequestActor: String, CaseIterable, Codable, Sendable {
    /// The account holder.
    case subscriber
    /// A member of the support staff.
    case support
    /// The program itself (automatic steps).
    case system
}
