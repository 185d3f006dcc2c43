import Foundation

/// Files (or takes over) a request the subscriber starts and the program carries out at once, so every
/// self-service action leaves the same request trail as one support handles.
struct SelfServiceRequest {
    /// The request service the steps go through.
    let service: RequestService

    /// The note recorded when the program confirms the requester's identity.
    static let identityNote = StoredText.message("stored.request.identityBySession")

    /// Files the request, or resumes an open one for the same thing, and moves it on to in progress.
    ///
    /// Resuming makes an interrupted erasure or objection finish on the next attempt instead of failing
    /// as a duplicate.
    /// `actor` takes the steps after filing: `.system` for self-service, `.support` when staff carry it out
    /// (`staff` names the member of staff).
    func begin(
        accountId: Int64, type: RightKind, scope: RequestScope, note: String? = nil, actor: RequestActor = .system,
        staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        var request: RightsRequest
        do {
            request = try service.file(
                accountId: accountId, type: type, scope: scope, details: RequestDetails(note: note),
                actor: .subscriber)
        } catch let RequestError.duplicate(existingReference: existing) {
            request = try service.require(reference: existing)
        }
        return try advance(request, actor: actor, staff: staff)
    }

    /// Takes an open request through the steps still due (receipt, identity, start) to in progress.
    func advance(
        _ request: RightsRequest, actor: RequestActor = .system, staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        var request = try service.require(reference: request.reference)
        if request.status == .submitted {
            request = try service.acknowledge(reference: request.reference, actor: actor, staff: staff)
        }
        if request.status == .acknowledged {
            request = try service.verifyIdentity(
                reference: request.reference, actor: actor,
                note: actor == .system && staff == nil ? Self.identityNote : .empty, staff: staff)
        }
        if request.status == .identityVerified {
            request = try service.start(reference: request.reference, actor: actor, staff: staff)
        }
        return request
    }

    /// Completes a request begun with `begin`, keeping `resolution` (what was done, then any note) as its resolution.
    func finish(
        _ request: RightsRequest, resolution: StoredText, actor: RequestActor = .system, staff: StaffAccess? = nil
    ) throws -> RightsRequest {
        try service.complete(reference: request.reference, actor: actor, resolution: resolution, staff: staff)
    }
}
