import Foundation
import GRDB

extension RequestService {
    /// Queues the subscriber's mail for a step that changes what they can expect (extended, denied, completed),
    /// in the step's own transaction; other steps send nothing.
    static func queueMail(
        _ db: Database, _ action: RequestAction, _ request: RightsRequest, at now: Date, due: Date?, reason: String
    ) throws {
        let kind: MailKind
        var params = ["reference": request.reference]
        switch action {
        case .extend:
            kind = .requestExtended
            params["due"] = due?.dayUTC ?? ""
        case .deny:
            kind = .requestDenied
            params["reason"] = reason
        case .complete:
            kind = .requestCompleted
        default:
            return
        }
        try Outbox.enqueue(db, at: now, accountId: request.accountId, kind: kind, params: params, requestId: request.id)
    }
}
