import Foundation
import GRDB
import TestSupport
import Testing

@testable import PrivacyModel

/// Staff rows inserted directly (the staff sign-in service is the only maker of identities outside tests).
struct StaffFixture {
    let env: TestEnvironment
    let account: Account
    let other: Account
    /// An open request of `account`.
    let open: RightsRequest
    /// A closed (cancelled) request of `account`.
    let closed: RightsRequest
    /// An open request of `other`.
    let foreign: RightsRequest

    init() throws {
        env = try TestEnvironment()
        account = try env.makeAccount()
        other = try env.makeAccount(email: "bob@example.com", username: "bob")
        let requests = RequestService(context: env.context)
        open = try requests.file(accountId: account.id, type: .access, scope: .all)
        let cancelled = try requests.file(accountId: account.id, type: .access, scope: .category("viewing"))
        closed = try requests.cancel(reference: cancelled.reference)
        foreign = try requests.file(accountId: other.id, type: .access, scope: .all)
        try env.context.store.write { db in
            for role in StaffRole.allCases {
                let id = Self.id(role)
                try db.execute(
                    sql: """
                        INSERT INTO staff (id, username, displayName, pseudonym, role, status, passwordHash, createdAt)
                        VALUES (?, ?, ?, ?, ?, 'active', 'x', 0)
                        """, arguments: [id, role.rawValue, "Name of \(role.rawValue)", "S-\(id)X", role.rawValue])
            }
        }
    }

    static func id(_ role: StaffRole) -> Int64 { Int64(StaffRole.allCases.firstIndex(of: role) ?? 0) + 1 }

    /// A signed-in member of staff with `role` giving `reason`.
    func access(_ role: StaffRole, _ reason: AccessReason?) -> StaffAccess {
        StaffAccess(
            staff: StaffIdentity(
                id: Self.id(role), username: role.rawValue, displayName: "Name of \(role.rawValue)",
                pseudonym: "S-\(Self.id(role))X", role: role),
            reason: reason)
    }

    /// How many audit entries the store holds.
    func auditCount() throws -> Int {
        try env.context.store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") ?? 0 }
    }

    /// Runs the guard for one action inside a transaction.
    func check(_ access: StaffAccess, _ action: StaffAction, accountId: Int64?) throws {
        try env.context.store.read { db in try StaffAccessGuard.check(access, action, accountId: accountId, db) }
    }
}

@Suite("staff access guard")
struct StaffAccessGuardTests {
    /// What each role may do, written out here on its own (not read back from `StaffPermissions`):
    /// columns owner, approver, agent, auditor; "x" allowed, "-" refused.
    static let expected: [StaffAction: String] = [
        .manageStaff: "x---",
        .viewQueue: "-xx-",
        .viewQueueFigures: "-xxx",
        .readAuditLog: "---x",
        .readSubscriberData: "-xx-",
        .acknowledgeRequest: "-xx-",
        .verifyIdentity: "-xx-",
        .startRequest: "-xx-",
        .completeRequest: "-xx-",
        .approveErasure: "-x--",
        .denyRequest: "-xx-",
        .extendRequest: "-xx-",
        .fileOnBehalf: "-xx-",
        .resetSubscriberPassword: "-xx-",
        .manageSubscribers: "-xx-",
        .closeUnderageAccount: "-x--",
        .manageBreaches: "-x--",
        .viewBreaches: "-x-x",
        .publishPolicy: "-x--",
        .viewOutbox: "-xx-",
    ]
    static let columns: [StaffRole] = [.owner, .approver, .agent, .auditor]

    @Test("the expected matrix names every action and every role")
    func matrixIsComplete() {
        #expect(Set(Self.expected.keys) == Set(StaffAction.allCases))
        #expect(Set(Self.columns) == Set(StaffRole.allCases))
        #expect(Self.expected.values.allSatisfy { $0.count == Self.columns.count })
    }

    @Test(
        "every role against every action, on a subscriber with a valid reason: allowed passes, refused says which",
        arguments: StaffRole.allCases)
    func everyRoleEveryAction(role: StaffRole) throws {
        let fixture = try StaffFixture()
        let column = try #require(Self.columns.firstIndex(of: role))
        for action in StaffAction.allCases {
            let row = Array(try #require(Self.expected[action]))
            let allowed = row[column] == "x"
            for reason in [AccessReason.request(fixture.open.reference), .ticket("T-100")] {
                let access = fixture.access(role, reason)
                if allowed {
                    #expect(throws: Never.self, "\(role) \(action)") {
                        try fixture.check(access, action, accountId: fixture.account.id)
                    }
                } else {
                    #expect(throws: StaffError.notPermitted(role: role, action: action), "\(role) \(action)") {
                        try fixture.check(access, action, accountId: fixture.account.id)
                    }
                }
            }
            // Without a subscriber no reason is asked for; the role alone decides.
            if allowed {
                try fixture.check(fixture.access(role, nil), action, accountId: nil)
            } else {
                #expect(throws: StaffError.notPermitted(role: role, action: action)) {
                    try fixture.check(fixture.access(role, nil), action, accountId: nil)
                }
            }
            #expect(fixture.access(role, nil).staff.may(action) == allowed, "\(role) \(action)")
        }
    }

    @Test("a subscriber's data needs a reason: one of their open requests, or a well-formed ticket")
    func reasons() throws {
        let fixture = try StaffFixture()
        let id = fixture.account.id
        func check(_ reason: AccessReason?) throws {
            try fixture.check(fixture.access(.agent, reason), .readSubscriberData, accountId: id)
        }
        #expect(throws: StaffError.reasonRequired) { try check(nil) }
        #expect(throws: StaffError.requestNotOpenForAccount(reference: fixture.foreign.reference)) {
            try check(.request(fixture.foreign.reference))
        }
        #expect(throws: StaffError.requestNotOpenForAccount(reference: fixture.closed.reference)) {
            try check(.request(fixture.closed.reference))
        }
        #expect(throws: StaffError.requestNotOpenForAccount(reference: "PD-NOPE")) { try check(.request("PD-NOPE")) }
        for bad in ["", "ab", "T 1", "T-1\u{1B}[2J", String(repeating: "x", count: 41), " T-1"] {
            #expect(throws: StaffError.invalidTicket, "\(bad.debugDescription)") { try check(.ticket(bad)) }
        }
        try check(.ticket("T-1"))
        try check(.ticket("ZD#4411/2"))
        try check(.request(fixture.open.reference))
        try check(.request(fixture.open.reference.lowercased()))
    }
}

@Suite("staff data access")
struct StaffDataAccessTests {
    /// Each of the five reads through the facade.
    static func reads(_ data: StaffDataAccess, fixture: StaffFixture) -> [(StaffRead, () throws -> Void)] {
        let id = fixture.account.id
        let folder = fixture.env.directory
        return [
            (
                .requestDetails(reference: fixture.open.reference),
                { _ = try data.request(reference: fixture.open.reference) }
            ),
            (.dataSummary, { _ = try data.summaries(accountId: id) }),
            (.records(recordSet: "viewing-events"), { _ = try data.page(recordSet: "viewing-events", accountId: id) }),
            (
                .export(format: "json"),
                {
                    try data.export(
                        accountId: id, to: folder.path("e-\(UUID().uuidString).json"), options: .init(format: .json))
                }
            ),
            (
                .accessReport,
                { try data.writeAccessReport(accountId: id, to: folder.path("r-\(UUID().uuidString).txt")) }
            ),
        ]
    }

    @Test("each allowed read leaves exactly one audit entry naming the staff member, role, reason and what was read")
    func allowedReadsAreAudited() throws {
        let fixture = try StaffFixture()
        for role in [StaffRole.agent, .approver] {
            for reason in [AccessReason.request(fixture.open.reference), .ticket("T-7")] {
                let access = fixture.access(role, reason)
                let data = StaffDataAccess(context: fixture.env.context, access: access)
                for (read, run) in Self.reads(data, fixture: fixture) {
                    let before = try fixture.auditCount()
                    try run()
                    #expect(try fixture.auditCount() == before + 1, "\(role) \(read)")
                    let entry = try #require(
                        try fixture.env.context.store.read { db in
                            try AuditLog.entries(db, accountId: fixture.account.id, limit: 1).first
                        })
                    #expect(entry.actor == "staff")
                    #expect(entry.staffId == StaffFixture.id(role))
                    #expect(entry.staffRole == role.rawValue)
                    #expect(entry.reason == reason.storedForm)
                    #expect(entry.action == read.auditAction)
                    #expect(entry.detail == read.auditDetail)
                }
            }
        }
        #expect(try AuditChain.verify(store: fixture.env.context.store) == nil)
    }

    @Test("a refused read (role or reason) reads nothing and writes nothing")
    func refusedReadsLeaveNoTrace() throws {
        let fixture = try StaffFixture()
        let cases: [(StaffAccess, StaffError)] = [
            (fixture.access(.owner, .ticket("T-1")), .notPermitted(role: .owner, action: .readSubscriberData)),
            (fixture.access(.auditor, .ticket("T-1")), .notPermitted(role: .auditor, action: .readSubscriberData)),
            (fixture.access(.agent, nil), .reasonRequired),
            (
                fixture.access(.agent, .request(fixture.foreign.reference)),
                .requestNotOpenForAccount(reference: fixture.foreign.reference)
            ),
            (
                fixture.access(.approver, .request(fixture.closed.reference)),
                .requestNotOpenForAccount(reference: fixture.closed.reference)
            ),
            (fixture.access(.agent, .ticket("no good")), .invalidTicket),
        ]
        let before = try fixture.auditCount()
        for (access, error) in cases {
            let data = StaffDataAccess(context: fixture.env.context, access: access)
            for (read, run) in Self.reads(data, fixture: fixture) {
                #expect(throws: error, "\(read)") { try run() }
            }
        }
        #expect(try fixture.auditCount() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.env.directory.url.path)
            .filter { !$0.hasPrefix("store.sqlite") }
        #expect(leftovers.isEmpty)
    }
}
