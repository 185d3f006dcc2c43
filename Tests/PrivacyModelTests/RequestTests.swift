import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("rights requests: filing")
struct RequestTests {
    @Test(
        "filing stores a submitted request with receipt due +48 h and answer due +30 days, one event and an audit entry"
    )
    func fileSetsDeadlines() throws {
        let env = try TestEnvironment()  // 2026-11-29 09:00:00 UTC
        let account = try env.makeAccount()
        let request = try env.requests.file(accountId: account.id, type: .access, scope: .all)

        #expect(request.status == .submitted)
        #expect(request.accountId == account.id)
        #expect(request.type == .access)
        #expect(request.scope == .all)
        #expect(request.channel == "dashboard")
        #expect(request.filedAt == TestDefaults.start)
        #expect(request.receiptDueAt.epochSeconds - request.filedAt.epochSeconds == 48 * 3600)
        #expect(request.responseDueAt.epochSeconds - request.filedAt.epochSeconds == 30 * 86_400)
        #expect(request.receiptDueAt.iso8601UTC == "2026-12-01T09:00:00Z")
        #expect(request.responseDueAt.iso8601UTC == "2026-12-29T09:00:00Z")
        #expect(request.extendedDueAt == nil)
        #expect(request.acknowledgedAt == nil)
        #expect(request.closedAt == nil)
        #expect(request.resolution == nil)
        #expect(request.currentDueAt == request.responseDueAt)

        let events = try env.requests.events(requestId: request.id)
        #expect(events.count == 1)
        let filing = try #require(events.first)
        #expect(filing.sequence == 1)
        #expect(filing.fromStatus == nil)
        #expect(filing.toStatus == .submitted)
        #expect(filing.actor == .subscriber)
        #expect(filing.at == TestDefaults.start)
        #expect(try env.auditActions(account) == ["account-created", "request-filed"])
    }

    @Test("the channel defaults to the context's and can be named; a malformed one is refused")
    func channel() throws {
        let env = try TestEnvironment(channel: "ssh")
        let account = try env.makeAccount()
        #expect(try env.requests.file(accountId: account.id, type: .access, scope: .all).channel == "ssh")
        let byEmail = try env.requests.file(
            accountId: account.id, type: .access, scope: .category("viewing"), channel: "email", actor: .support)
        #expect(byEmail.channel == "email")
        #expect(try env.requests.events(requestId: byEmail.id).first?.actor == .support)
        #expect(throws: RequestError.invalidChannel("E-mail!")) {
            try env.requests.file(accountId: account.id, type: .access, scope: .category("device"), channel: "E-mail!")
        }
    }

    static let validScopes: [(RightKind, RequestScope, RequestDetails)] = [
        (.access, .all, .empty),
        (.access, .category("viewing"), .empty),
        (.correction, .field("email"), RequestDetails(requestedValue: "ada@new.example")),
        (.correction, .field("phone"), RequestDetails(currentValue: "+44 1", requestedValue: "+44 2")),
        (.correction, .field(RequestScope.otherField), RequestDetails(note: "a film I never watched is in my history")),
        (.deletion, .category("viewing"), .empty),
        (.deletion, .category("payment"), RequestDetails(note: "remove my old card")),
        (.deletion, .account, .empty),
        (.portability, .format("json"), .empty),
        (.portability, .format("zip"), .empty),
        (.objection, .purpose("personalisation"), .empty),
        (.objection, .purpose("marketing"), .empty),
        (.restriction, .category("contact"), .empty),
    ]

    @Test("every right can be filed with each scope the catalogue allows", arguments: validScopes)
    func validScope(type: RightKind, scope: RequestScope, details: RequestDetails) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let filed = try env.requests.file(accountId: account.id, type: type, scope: scope, details: details)
        let stored = try #require(try env.requests.request(reference: filed.reference))
        #expect(stored.type == type)
        #expect(stored.scope == scope)
        #expect(stored.details.note == details.note)
        #expect(stored.details.requestedValue == details.requestedValue)
        #expect(stored.details.field == (type == .correction ? scope.value : nil))
    }

    static let correctable = ["email", "username", "fullName", "contactEmail", "phone", "country", "other"]

    static let invalidScopes: [(RightKind, RequestScope, RequestError)] = [
        (.access, .account, .scopeNotAllowed(.access, .account, allowed: ["all", "category"])),
        (.correction, .category("account"), .scopeNotAllowed(.correction, .category, allowed: ["field"])),
        (.deletion, .all, .scopeNotAllowed(.deletion, .all, allowed: ["category", "account"])),
        (.portability, .all, .scopeNotAllowed(.portability, .all, allowed: ["format"])),
        (.objection, .category("viewing"), .scopeNotAllowed(.objection, .category, allowed: ["purpose"])),
        (.restriction, .all, .scopeNotAllowed(.restriction, .all, allowed: ["category"])),
        (.access, .category("nope"), .unknownCategory("nope")),
        (.deletion, .category(""), .missingScopeValue(.category)),
        (.restriction, .category("payment"), .rightNotApplicable(.restriction, category: "payment")),
        (.objection, .category("account"), .scopeNotAllowed(.objection, .category, allowed: ["purpose"])),
        (.objection, .purpose("security"), .purposeNotObjectable("security")),
        (.objection, .purpose("legal-compliance"), .purposeNotObjectable("legal-compliance")),
        (.objection, .purpose("nope"), .unknownPurpose("nope")),
        (.objection, .purpose(" "), .missingScopeValue(.purpose)),
        (.portability, .format("xml"), .unknownFormat("xml")),
        (.correction, .field("password"), .unknownField("password", allowed: correctable)),
        (.correction, .field("Email"), .unknownField("Email", allowed: correctable)),
        (.access, RequestScope(kind: .all, value: "viewing"), .unexpectedScopeValue(.all, "viewing")),
        (.deletion, RequestScope(kind: .account, value: "7"), .unexpectedScopeValue(.account, "7")),
    ]

    @Test("a scope the catalogue does not allow is refused and nothing is filed", arguments: invalidScopes)
    func invalidScope(type: RightKind, scope: RequestScope, expected: RequestError) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let details = type == .correction ? RequestDetails(requestedValue: "x") : .empty
        #expect(throws: expected) {
            try env.requests.file(accountId: account.id, type: type, scope: scope, details: details)
        }
        #expect(try env.requests.requests(accountId: account.id).isEmpty)
        #expect(try env.auditActions(account) == ["account-created"])
        #expect(!expected.description.isEmpty && !expected.description.contains("\n"))
    }

    @Test("a correction says what the data should be; its details are stored as JSON with the field filled in")
    func correctionDetails() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let service = env.requests
        #expect(throws: RequestError.correctionValueMissing(field: "email")) {
            try service.file(
                accountId: account.id, type: .correction, scope: .field("email"),
                details: RequestDetails(currentValue: "ada@example.com", requestedValue: "   "))
        }
        #expect(throws: RequestError.correctionValueMissing(field: "other")) {
            try service.file(
                accountId: account.id, type: .correction, scope: .field("other"),
                details: RequestDetails(requestedValue: "x"))
        }
        #expect(throws: RequestError.fieldMismatch(scope: "email", details: "phone")) {
            try service.file(
                accountId: account.id, type: .correction, scope: .field("email"),
                details: RequestDetails(field: "phone", requestedValue: "x"))
        }
        let filed = try service.file(
            accountId: account.id, type: .correction, scope: .field("email"),
            details: RequestDetails(currentValue: " ada@example.com ", requestedValue: "ada@new.example"))
        #expect(
            filed.details
                == RequestDetails(field: "email", currentValue: "ada@example.com", requestedValue: "ada@new.example"))
        let json = try env.context.store.read { db in
            try String.fetchOne(db, sql: "SELECT details FROM rights_request WHERE id = ?", arguments: [filed.id])
        }
        #expect(json == #"{"currentValue":"ada@example.com","field":"email","requestedValue":"ada@new.example"}"#)
        let plain = try service.file(accountId: account.id, type: .access, scope: .all)
        let plainJSON = try env.context.store.read { db in
            try String.fetchOne(db, sql: "SELECT details FROM rights_request WHERE id = ?", arguments: [plain.id])
        }
        #expect(plainJSON == "{}")
    }

    @Test("only a correction takes a field or values; any detail is bounded in length")
    func detailsLimits() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        #expect(throws: RequestError.detailsNotApplicable(.access)) {
            try env.requests.file(
                accountId: account.id, type: .access, scope: .all, details: RequestDetails(requestedValue: "x"))
        }
        #expect(throws: RequestError.textTooLong("note", limit: 2000)) {
            try env.requests.file(
                accountId: account.id, type: .access, scope: .all,
                details: RequestDetails(note: String(repeating: "n", count: 2001)))
        }
        let longest = try env.requests.file(
            accountId: account.id, type: .access, scope: .all,
            details: RequestDetails(note: String(repeating: "n", count: 2000)))
        #expect(longest.details.note?.count == 2000)
    }

    @Test("requests are refused for an unknown account and for one that is not active")
    func accountMustBeActive() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        #expect(throws: RequestError.accountNotFound(999)) {
            try env.requests.file(accountId: 999, type: .access, scope: .all)
        }
        for status in ["deletion-pending", "purged"] {
            try env.context.store.write { db in
                try db.execute(sql: "UPDATE account SET status = ? WHERE id = ?", arguments: [status, account.id])
            }
            #expect(throws: RequestError.accountNotActive(account.id)) {
                try env.requests.file(accountId: account.id, type: .access, scope: .all)
            }
        }
        #expect(try env.requests.allRequests().isEmpty)
    }

    @Test("an open request for the same account, type and scope is a duplicate; once closed a new one can be filed")
    func duplicates() throws {
        let env = try TestEnvironment()
        let ada = try env.makeAccount()
        let bob = try env.makeAccount(email: "bob@example.com", username: "bob")
        let service = env.requests
        let first = try service.file(accountId: ada.id, type: .deletion, scope: .category("viewing"))
        try service.acknowledge(reference: first.reference, actor: .support)
        #expect(throws: RequestError.duplicate(existingReference: first.reference)) {
            try service.file(accountId: ada.id, type: .deletion, scope: .category("viewing"))
        }
        // Other scopes, other types and other accounts are not duplicates.
        try service.file(accountId: ada.id, type: .deletion, scope: .category("device"))
        try service.file(accountId: ada.id, type: .restriction, scope: .category("viewing"))
        try service.file(accountId: bob.id, type: .deletion, scope: .category("viewing"))
        #expect(try service.requests(accountId: ada.id).count == 3)

        try service.cancel(reference: first.reference, actor: .subscriber)
        let second = try service.file(accountId: ada.id, type: .deletion, scope: .category("viewing"))
        #expect(second.reference != first.reference)
        #expect(throws: RequestError.duplicate(existingReference: second.reference)) {
            try service.file(accountId: ada.id, type: .deletion, scope: .category("viewing"))
        }
    }

    @Test(
        "a duplicate is only an open one: denied and completed requests do not block a new one",
        arguments: [
            RequestStatus.denied, .completed, .cancelled,
        ])
    func closedIsNotDuplicate(status: RequestStatus) throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let closed = try env.request(for: account, in: status, type: .portability, scope: .format("csv"))
        #expect(closed.status == status)
        let again = try env.requests.file(accountId: account.id, type: .portability, scope: .format("csv"))
        #expect(again.status == .submitted)
    }

    @Test("an account's requests come newest first; support can list all, or those in one status")
    func listing() throws {
        let env = try TestEnvironment()
        let ada = try env.makeAccount()
        let bob = try env.makeAccount(email: "bob@example.com", username: "bob")
        let service = env.requests
        let a1 = try service.file(accountId: ada.id, type: .access, scope: .all)
        env.clock.advance(by: 60)
        let b1 = try service.file(accountId: bob.id, type: .access, scope: .all)
        env.clock.advance(by: 60)
        let a2 = try service.file(accountId: ada.id, type: .objection, scope: .purpose("marketing"))
        try service.acknowledge(reference: a1.reference, actor: .support)

        #expect(try service.requests(accountId: ada.id).map(\.reference) == [a2.reference, a1.reference])
        #expect(try service.allRequests().map(\.reference) == [a2.reference, b1.reference, a1.reference])
        #expect(try service.allRequests(status: .submitted).map(\.reference) == [a2.reference, b1.reference])
        #expect(try service.allRequests(status: .acknowledged).map(\.reference) == [a1.reference])
        #expect(try service.allRequests(status: .completed).isEmpty)
    }
}
