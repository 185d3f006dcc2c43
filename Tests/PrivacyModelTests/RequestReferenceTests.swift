import Foundation
import GRDB
import Testing

@testable import PrivacyModel

@Suite("rights requests: references")
struct RequestReferenceTests {
    static var pattern: Regex<Substring> { /^PD-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}$/ }

    @Test("references are PD-XXXX-XXXX in Crockford base32, never with I, L, O or U")
    func format() throws {
        let random = SeededRandomSource(seed: 1)
        var seen = Set<Character>()
        for _ in 0..<500 {
            let reference = ReferenceNumber.generate(using: random)
            #expect(reference.wholeMatch(of: Self.pattern) != nil, "\(reference)")
            seen.formUnion(reference.dropFirst(3).filter { $0 != "-" })
        }
        #expect(seen.isDisjoint(with: "ILOU"))
        #expect(seen.count == 32)  // every letter of the alphabet turns up
    }

    @Test("references come from the injected random source: the same seed files the same references")
    func deterministic() throws {
        func references(seed: UInt64) throws -> [String] {
            let env = try TestEnvironment(seed: seed)
            let account = try env.makeAccount()
            return try [RequestScope.all, .category("viewing"), .category("device")].map {
                try env.requests.file(accountId: account.id, type: .access, scope: $0).reference
            }
        }
        let first = try references(seed: 42)
        #expect(try references(seed: 42) == first)
        #expect(try references(seed: 43) != first)
        #expect(Set(first).count == 3)
    }

    @Test("each character is one draw from the alphabet, in order")
    func scripted() throws {
        #expect(ReferenceNumber.generate(using: ScriptedRandom(Array(0...7))) == "PD-0123-4567")
        #expect(ReferenceNumber.generate(using: ScriptedRandom(Array((24...31).reversed()))) == "PD-ZYXW-VTSR")
        #expect(ReferenceNumber.generate(using: ScriptedRandom([10, 11, 17, 18, 19, 20, 21, 22])) == "PD-ABHJ-KMNP")
    }

    @Test("a drawn reference that is already taken is drawn again")
    func collisionRetries() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let taken = Array(repeating: 1, count: 8)
        let fresh = Array(repeating: 2, count: 8)
        let service = try env.requestService(random: ScriptedRandom(taken + taken + taken + fresh))
        let first = try service.file(accountId: account.id, type: .access, scope: .all)
        #expect(first.reference == "PD-1111-1111")
        let second = try service.file(accountId: account.id, type: .access, scope: .category("viewing"))
        #expect(second.reference == "PD-2222-2222")
        #expect(try service.events(requestId: second.id).count == 1)
    }

    @Test("when every draw collides the filing fails cleanly and leaves nothing behind")
    func collisionExhausted() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = try env.requestService(random: ScriptedRandom([5], repeating: true))
        let first = try service.file(accountId: account.id, type: .access, scope: .all)
        #expect(first.reference == "PD-5555-5555")
        #expect(throws: RequestError.referenceUnavailable) {
            try service.file(accountId: account.id, type: .access, scope: .category("viewing"))
        }
        #expect(try service.requests(accountId: account.id).count == 1)
        let eventRows = try env.context.store.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM request_event")
        }
        #expect(eventRows == 1)
        #expect(try env.auditActions(account) == ["account-created", "request-filed"])
    }

    @Test(
        "lookup ignores case, spaces, dashes and the prefix, and reads O as 0 and I/L as 1",
        arguments: [
            "PD-0A1B-2C3D", "pd-0a1b-2c3d", "PD0A1B2C3D", "0A1B2C3D", "0a1b-2c3d", " pd 0a1b 2c3d ", "PD-OA1B-2C3D",
            "pd-0aib-2c3d", "PD-0ALB-2C3D",
        ])
    func lookup(typed: String) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        // 0 A 1 B 2 C 3 D
        let service = try env.requestService(random: ScriptedRandom([0, 10, 1, 11, 2, 12, 3, 13]))
        let filed = try service.file(accountId: account.id, type: .access, scope: .all)
        #expect(filed.reference == "PD-0A1B-2C3D")
        #expect(try service.request(reference: typed)?.id == filed.id)
        #expect(try service.require(reference: typed).id == filed.id)
    }

    @Test(
        "text that cannot be a reference finds nothing",
        arguments: ["", "PD-0A1B", "PD-0A1B-2C3D-4", "PD-UA1B-2C3D", "XX-0A1B-2C3D", "PD-0A1B-2C3*"])
    func notAReference(typed: String) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = try env.requestService(random: ScriptedRandom([0, 10, 1, 11, 2, 12, 3, 13]))
        try service.file(accountId: account.id, type: .access, scope: .all)
        #expect(ReferenceNumber.normalise(typed) == nil)
        #expect(try service.request(reference: typed) == nil)
        #expect(throws: RequestError.notFound(typed)) { try service.require(reference: typed) }
    }

    @Test("a well-formed reference nobody has is simply not found")
    func unknown() throws {
        let env = try TestEnvironment()
        #expect(try env.requests.request(reference: "PD-ZZZZ-ZZZZ") == nil)
        #expect(ReferenceNumber.isCanonical("PD-ZZZZ-ZZZZ"))
        #expect(!ReferenceNumber.isCanonical("pd-zzzz-zzzz"))
    }
}
