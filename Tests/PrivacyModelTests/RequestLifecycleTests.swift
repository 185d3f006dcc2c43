import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// One status-changing step, as a test names it.
enum RequestStep: String, CaseIterable, Sendable {
    case acknowledge, verifyIdentity, start, complete, deny, cancel

    /// The status the step leads to.
    var target: RequestStatus {
        switch self {
        case .acknowledge: return .acknowledged
        case .verifyIdentity: return .identityVerified
        case .start: return .inProgress
        case .complete: return .completed
        case .deny: return .denied
        case .cancel: return .cancelled
        }
    }

    /// Takes the step as the actor allowed to take it.
    @discardableResult
    func run(_ service: RequestService, _ reference: String) throws -> RightsRequest {
        switch self {
        case .acknowledge: return try service.acknowledge(reference: reference, actor: .support)
        case .verifyIdentity: return try service.verifyIdentity(reference: reference, actor: .support)
        case .start: return try service.start(reference: reference, actor: .system)
        case .complete: return try service.complete(reference: reference, actor: .support, note: "sent")
        case .deny: return try service.deny(reference: reference, actor: .support, reason: "identity not proven")
        case .cancel: return try service.cancel(reference: reference, actor: .subscriber)
        }
    }
}

/// The legal steps from each status, written out independently of the code under test.
let requestLegalSteps: [RequestStatus: Set<RequestStep>] = [
    .submitted: [.acknowledge, .deny, .cancel],
    .acknowledged: [.verifyIdentity, .deny, .cancel],
    .identityVerified: [.start, .deny, .cancel],
    .inProgress: [.complete, .deny, .cancel],
    .completed: [], .denied: [], .cancelled: [],
]

let requestLegalPairs: [(RequestStatus, RequestStep)] = RequestStatus.allCases.flatMap { status in
    RequestStep.allCases.filter { requestLegalSteps[status, default: []].contains($0) }.map { (status, $0) }
}
let requestIllegalPairs: [(RequestStatus, RequestStep)] = RequestStatus.allCases.flatMap { status in
    RequestStep.allCases.filter { !requestLegalSteps[status, default: []].contains($0) }.map { (status, $0) }
}

@Suite("rights requests: lifecycle")
struct RequestLifecycleTests {
    @Test("the full path: submitted → acknowledged → identity-verified → in-progress → completed, each step an event")
    func happyPath() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = env.requests
        let filed = try service.file(accountId: account.id, type: .access, scope: .all)
        let ref = filed.reference

        env.clock.advance(by: 3600)
        let acknowledged = try service.acknowledge(reference: ref, actor: .support, note: "received")
        #expect(acknowledged.status == .acknowledged)
        #expect(acknowledged.acknowledgedAt == TestDefaults.start.addingTimeInterval(3600))
        env.clock.advance(by: 3600)
        let verified = try service.verifyIdentity(reference: ref, actor: .support)
        #expect(verified.status == .identityVerified)
        let started = try service.start(reference: ref, actor: .system)
        #expect(started.status == .inProgress)
        #expect(started.closedAt == nil)
        env.clock.advance(by: 86_400)
        let completed = try service.complete(reference: ref, actor: .support, note: "  export sent by email  ")
        #expect(completed.status == .completed)
        #expect(completed.resolution == .typed("export sent by email"))
        #expect(completed.closedAt == TestDefaults.start.addingTimeInterval(3600 + 3600 + 86_400))
        #expect(completed.acknowledgedAt == acknowledged.acknowledgedAt)
        #expect(!completed.isOpen)

        let events = try service.events(requestId: filed.id)
        #expect(events.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(events.map(\.fromStatus) == [nil, .submitted, .acknowledged, .identityVerified, .inProgress])
        #expect(events.map(\.toStatus) == [.submitted, .acknowledged, .identityVerified, .inProgress, .completed])
        #expect(events.map(\.actor) == [.subscriber, .support, .support, .system, .support])
        #expect(events.map(\.note) == [.empty, .typed("received"), .empty, .empty, .typed("export sent by email")])
        #expect(events.last?.at == completed.closedAt)
        #expect(
            try env.auditActions(account) == [
                "account-created", "request-filed", "request-acknowledged", "request-identity-verified",
                "request-started", "request-completed",
            ])
    }

    @Test("each legal step moves the request and appends exactly one event", arguments: requestLegalPairs)
    func legalStep(from status: RequestStatus, step: RequestStep) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: status)
        let before = try env.eventCount(request)
        env.clock.advance(by: 120)
        let after = try step.run(env.requests, request.reference)
        #expect(after.status == step.target)
        #expect(try env.eventCount(request) == before + 1)
        let last = try #require(try env.requests.events(requestId: request.id).last)
        #expect(last.fromStatus == status)
        #expect(last.toStatus == step.target)
        #expect(last.sequence == before + 1)
        if step.target.isClosed {
            #expect(after.closedAt == env.context.now)
        } else {
            #expect(after.closedAt == nil)
        }
        #expect(after.acknowledgedAt == (step == .acknowledge ? env.context.now : request.acknowledgedAt))
        #expect(after.extendedDueAt == nil && after.responseDueAt == request.responseDueAt)
    }

    @Test(
        "each illegal step throws naming the current and wanted status, and appends no event",
        arguments: requestIllegalPairs)
    func illegalStep(from status: RequestStatus, step: RequestStep) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: status)
        let events = try env.eventCount(request)
        let audit = try env.auditActions(account)
        env.clock.advance(by: 120)
        let expected = RequestError.illegalTransition(reference: request.reference, from: status, to: step.target)
        #expect(throws: expected) { try step.run(env.requests, request.reference) }
        #expect(expected.description.contains(status.label) && expected.description.contains(step.target.label))
        #expect(try env.eventCount(request) == events)
        #expect(try env.auditActions(account) == audit)
        #expect(try env.requests.require(reference: request.reference) == request)
    }

    @Test("the model's transition table is the one written in the requirements")
    func transitionTable() {
        let actions: [RequestStep: RequestAction] = [
            .acknowledge: .acknowledge, .verifyIdentity: .verifyIdentity, .start: .start, .complete: .complete,
            .deny: .deny, .cancel: .cancel,
        ]
        for status in RequestStatus.allCases {
            for step in RequestStep.allCases {
                let action = actions[step]
                #expect(
                    action.map(status.allows) == requestLegalSteps[status, default: []].contains(step),
                    "\(status) \(step)")
                #expect(action?.targetStatus == step.target)
            }
            #expect(status.allows(.extend) == status.isOpen)
        }
        #expect(RequestStatus.open == [.submitted, .acknowledged, .identityVerified, .inProgress])
    }

    @Test("a denial needs a non-empty reason, which becomes the resolution", arguments: ["", "   \n "])
    func denialNeedsReason(reason: String) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .acknowledged)
        #expect(throws: RequestError.denialReasonRequired) {
            try env.requests.deny(reference: request.reference, actor: .support, reason: reason)
        }
        #expect(try env.eventCount(request) == 2)
        #expect(try env.requests.require(reference: request.reference).status == .acknowledged)
        let denied = try env.requests.deny(
            reference: request.reference, actor: .support, reason: " The account holder could not be verified. ")
        let resolution = StoredText.typed("The account holder could not be verified.") + ComplaintNotice.text
        #expect(denied.resolution == resolution)
        #expect(try env.requests.events(requestId: request.id).last?.note == resolution)
    }

    @Test("only the subscriber cancels; only staff or the system move a request on")
    func permissions() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .submitted)
        let service = env.requests
        let ref = request.reference
        #expect(throws: RequestError.notPermitted(.cancel, actor: .support)) {
            try service.cancel(reference: ref, actor: .support)
        }
        #expect(throws: RequestError.notPermitted(.acknowledge, actor: .subscriber)) {
            try service.acknowledge(reference: ref, actor: .subscriber)
        }
        #expect(throws: RequestError.notPermitted(.deny, actor: .subscriber)) {
            try service.deny(reference: ref, actor: .subscriber, reason: "changed my mind")
        }
        #expect(throws: RequestError.notPermitted(.extend, actor: .subscriber)) {
            try service.extend(
                reference: ref, to: request.responseDueAt.addingTimeInterval(86_400), reason: "x", actor: .subscriber)
        }
        #expect(try env.eventCount(request) == 1)
        #expect(try service.cancel(reference: ref, actor: .subscriber).status == .cancelled)
    }

    @Test("a step on an unknown reference is refused as not found")
    func unknownReference() throws {
        let env = try TestEnvironment()
        #expect(throws: RequestError.notFound("PD-0000-0000")) {
            try env.requests.acknowledge(reference: "PD-0000-0000", actor: .support)
        }
        #expect(throws: RequestError.notFound("nonsense")) {
            try env.requests.cancel(reference: "nonsense")
        }
    }

    @Test("two sessions racing: the second acknowledgement is refused, not applied twice")
    func secondSession() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .submitted)
        let other = RequestService(context: try env.secondSession())
        try other.acknowledge(reference: request.reference, actor: .support)
        #expect(
            throws: RequestError.illegalTransition(reference: request.reference, from: .acknowledged, to: .acknowledged)
        ) {
            try env.requests.acknowledge(reference: request.reference, actor: .support)
        }
        #expect(try env.eventCount(request) == 2)
    }

    @Test("request events are append-only: the store refuses UPDATE and DELETE")
    func eventsAppendOnly() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .inProgress)
        let before = try env.requests.events(requestId: request.id)
        let update = #expect(throws: DatabaseError.self) {
            try env.context.store.database.write { db in
                try db.execute(
                    sql: "UPDATE request_event SET note = 'rewritten' WHERE requestId = ?", arguments: [request.id])
            }
        }
        #expect(update?.message == "request_event is append-only")
        let delete = #expect(throws: DatabaseError.self) {
            try env.context.store.database.write { db in
                try db.execute(sql: "DELETE FROM request_event WHERE requestId = ?", arguments: [request.id])
            }
        }
        #expect(delete?.message == "request_event is append-only")
        #expect(try env.requests.events(requestId: request.id) == before)
        #expect(before.count == 4)
    }
}
