import Foundation
import GRDB
import TestSupport

@testable import PrivacyModel

/// Random numbers from a script, so a test can force exact references and collisions.
final class ScriptedRandom: RandomSource, @unchecked Sendable {
    private let lock = NSLock()
    private let script: [Int]
    private let repeating: Bool
    private var index = 0
    private let fallback = SeededRandomSource(seed: 99)

    /// Returns `script` in order (wrapping when `repeating`), then seeded numbers.
    init(_ script: [Int], repeating: Bool = false) {
        self.script = script
        self.repeating = repeating
    }

    func bytes(_ count: Int) -> [UInt8] { fallback.bytes(count) }

    func int(in range: ClosedRange<Int>) -> Int {
        let scripted: Int? = lock.withLock {
            guard !script.isEmpty, repeating || index < script.count else { return nil }
            defer { index += 1 }
            return script[index % script.count]
        }
        guard let scripted else { return fallback.int(in: range) }
        precondition(range.contains(scripted), "scripted value \(scripted) outside \(range)")
        return scripted
    }
}

extension TestEnvironment {
    /// The request service on the environment's context.
    var requests: RequestService { RequestService(context: context) }

    /// The same store, clock and catalogue, but references drawn from `random`.
    func requestService(random: any RandomSource) throws -> RequestService {
        let settings = ModelSettings(
            clock: clock, random: random, scrypt: TestDefaults.cheapScrypt, channel: "dashboard")
        return RequestService(
            context: try PrivacyContext(store: context.store, catalogue: context.catalogue, settings: settings))
    }

    /// Files a request (access to everything unless told otherwise) and moves it on to `status` as support would.
    func request(
        for account: Account, in status: RequestStatus, type: RightKind = .access, scope: RequestScope = .all
    ) throws -> RightsRequest {
        let service = requests
        let filed = try service.file(accountId: account.id, type: type, scope: scope)
        let reference = filed.reference
        switch status {
        case .submitted: return filed
        case .acknowledged: return try service.acknowledge(reference: reference, actor: .support)
        case .identityVerified:
            try service.acknowledge(reference: reference, actor: .support)
            return try service.verifyIdentity(reference: reference, actor: .support)
        case .inProgress:
            try service.acknowledge(reference: reference, actor: .support)
            try service.verifyIdentity(reference: reference, actor: .support)
            return try service.start(reference: reference, actor: .support)
        case .completed:
            try service.acknowledge(reference: reference, actor: .support)
            try service.verifyIdentity(reference: reference, actor: .support)
            try service.start(reference: reference, actor: .support)
            return try service.complete(reference: reference, actor: .support, note: "done")
        case .denied: return try service.deny(reference: reference, actor: .support, reason: "not the holder")
        case .cancelled: return try service.cancel(reference: reference, actor: .subscriber)
        }
    }

    /// How many events a request has.
    func eventCount(_ request: RightsRequest) throws -> Int { try requests.events(requestId: request.id).count }

    /// The audit actions recorded for an account, oldest first.
    func auditActions(_ account: Account) throws -> [String] {
        try context.store.read { db in try AuditLog.entries(db, accountId: account.id) }.reversed().map(\.action)
    }
}

extension RequestFulfilment {
    /// `carryOut` with the options spelled as separate arguments, support acting by default.
    func complete(
        reference: String, actor: RequestActor = .support, note: String = "", outputFolder: String? = nil,
        progress: @escaping (ExportProgress) -> Void = { _ in }, isCancelled: @escaping () -> Bool = { false }
    ) throws -> FulfilmentOutcome {
        try carryOut(
            reference: reference,
            options: FulfilmentOptions(
                actor: actor, note: note, folder: outputFolder, progress: progress, isCancelled: isCancelled))
    }
}

/// Stored text as the command line prints it (English from the shipped tables), "" for none.
func english(_ stored: StoredText?, catalogue: PolicyCatalogue) -> String {
    stored.map(MessageWording.english(catalogue: catalogue).text) ?? ""
}
