import Foundation
import GRDB
import Testing

@testable import PrivacyModel

@Suite("corrections of stored records")
struct RecordCorrectionTests {
    /// The fixture's oldest regular viewing event ("Programme 0") and the service.
    private struct Setup {
        let fixture: ExportFixture
        let viewingKey: Int64
        let deviceKey: Int64
        var service: RecordCorrectionService { RecordCorrectionService(context: fixture.env.context) }

        init() throws {
            fixture = try ExportFixture()
            let keys = try fixture.env.context.store.read { db -> (Int64?, Int64?) in
                (
                    try Int64.fetchOne(db, sql: "SELECT id FROM viewing_event WHERE title = 'Programme 0'"),
                    try Int64.fetchOne(db, sql: "SELECT id FROM device")
                )
            }
            viewingKey = try #require(keys.0)
            deviceKey = try #require(keys.1)
        }

        func title() throws -> String? {
            try fixture.env.context.store.read { db in
                try String.fetchOne(db, sql: "SELECT title FROM viewing_event WHERE id = ?", arguments: [viewingKey])
            }
        }

        /// Files the title correction and takes it to in progress as support would.
        func inProgressTitleCorrection() throws -> RightsRequest {
            let filed = try service.request(
                accountId: fixture.account.id, recordSet: "viewing-events", recordKey: viewingKey, field: "title",
                newValue: "Metropolis", note: "I never watched programme 0")
            let requests = fixture.env.requests
            try requests.acknowledge(reference: filed.reference, actor: .support)
            try requests.verifyIdentity(reference: filed.reference, actor: .support)
            return try requests.start(reference: filed.reference, actor: .support)
        }
    }

    @Test("a correction is filed by the subscriber with the record, the field and the values before and after")
    func filed() throws {
        let setup = try Setup()
        let request = try setup.service.request(
            accountId: setup.fixture.account.id, recordSet: "viewing-events", recordKey: setup.viewingKey,
            field: "title", newValue: "  Metropolis  ", note: "wrong programme")
        #expect(request.type == .correction)
        #expect(request.status == .submitted)
        #expect(request.scope == .record("viewing-events", key: setup.viewingKey, field: "title"))
        #expect(
            request.details
                == RequestDetails(
                    field: "title", currentValue: "Programme 0", requestedValue: "Metropolis", note: "wrong programme",
                    recordSet: "viewing-events", recordKey: setup.viewingKey))
        let events = try setup.fixture.env.requests.events(requestId: request.id)
        #expect(events.map(\.actor) == [.subscriber])
        #expect(try setup.title() == "Programme 0")
    }

    @Test("a second open correction of the same record and field is refused; another field is not")
    func duplicate() throws {
        let setup = try Setup()
        let account = setup.fixture.account.id
        let first = try setup.service.request(
            accountId: account, recordSet: "viewing-events", recordKey: setup.viewingKey, field: "title",
            newValue: "Metropolis")
        #expect(throws: RequestError.duplicate(existingReference: first.reference)) {
            try setup.service.request(
                accountId: account, recordSet: "viewing-events", recordKey: setup.viewingKey, field: "title",
                newValue: "Nosferatu")
        }
        let other = try setup.service.request(
            accountId: account, recordSet: "viewing-events", recordKey: setup.viewingKey, field: "durationSeconds",
            newValue: "660")
        #expect(other.details.currentValue == "600")
        let device = try setup.service.request(
            accountId: account, recordSet: "devices", recordKey: setup.deviceKey, field: "client", newValue: "app 4.3")
        #expect(device.details.currentValue == "app 4.2")
    }

    @Test("keys that are not the account's, fields that cannot be corrected and bad values are refused")
    func refusals() throws {
        let setup = try Setup()
        let other = try setup.fixture.env.makeAccount(email: "bob@example.com", username: "bob")
        #expect(throws: RecordCorrectionError.recordNotFound(recordSet: "viewing-events", key: setup.viewingKey)) {
            try setup.service.request(
                accountId: other.id, recordSet: "viewing-events", recordKey: setup.viewingKey, field: "title",
                newValue: "Mine now")
        }
        #expect(throws: RecordCorrectionError.recordNotFound(recordSet: "viewing-events", key: 999_999)) {
            try setup.service.request(
                accountId: setup.fixture.account.id, recordSet: "viewing-events", recordKey: 999_999, field: "title",
                newValue: "x")
        }
        let allowed = ["channel", "title", "genre", "durationSeconds"]
        #expect(
            throws: RecordCorrectionError.notCorrectable(
                recordSet: "viewing-events", field: "startedAt", allowed: allowed)
        ) {
            try setup.service.request(
                accountId: setup.fixture.account.id, recordSet: "viewing-events", recordKey: setup.viewingKey,
                field: "startedAt", newValue: "0")
        }
        #expect(throws: RecordCorrectionError.notCorrectable(recordSet: "profile", field: "phone", allowed: [])) {
            try setup.service.request(
                accountId: setup.fixture.account.id, recordSet: "profile", recordKey: setup.fixture.account.id,
                field: "phone", newValue: "+353 1 234 5678")
        }
        #expect(setup.service.correctableFields(recordSet: "connection-records") == [])
        #expect(throws: RecordCorrectionError.unknownRecordSet("films")) {
            try setup.service.request(
                accountId: setup.fixture.account.id, recordSet: "films", recordKey: 1, field: "title", newValue: "x")
        }
        #expect(throws: RecordCorrectionError.self) {
            try setup.service.request(
                accountId: setup.fixture.account.id, recordSet: "viewing-events", recordKey: setup.viewingKey,
                field: "durationSeconds", newValue: "ten minutes")
        }
        #expect(throws: RecordCorrectionError.unchanged) {
            try setup.service.request(
                accountId: setup.fixture.account.id, recordSet: "viewing-events", recordKey: setup.viewingKey,
                field: "title", newValue: "Programme 0")
        }
        #expect(try setup.fixture.env.requests.requests(accountId: setup.fixture.account.id).isEmpty)
    }

    @Test("support completing the request changes the record and completes it in one step")
    func applied() throws {
        let setup = try Setup()
        let request = try setup.inProgressTitleCorrection()
        let outcome = try RequestFulfilment(context: setup.fixture.env.context).complete(
            reference: request.reference, note: "checked the playback log")
        #expect(try setup.title() == "Metropolis")
        #expect(outcome.request.status == .completed)
        #expect(
            english(outcome.request.resolution, catalogue: setup.fixture.env.context.catalogue)
                == "checked the playback log. Corrected Title of Viewing events record \(setup.viewingKey) to the requested value."
        )
        #expect(outcome.work == .recordCorrected)
        let actions = try setup.fixture.env.auditActions(setup.fixture.account)
        #expect(actions.suffix(2) == ["record-corrected", "request-completed"])
    }

    @Test("a record that changed since filing is left alone and the request stays in progress")
    func changedMeanwhile() throws {
        let setup = try Setup()
        let request = try setup.inProgressTitleCorrection()
        try setup.fixture.env.context.store.write { db in
            try db.execute(
                sql: "UPDATE viewing_event SET title = 'Programme Zero' WHERE id = ?", arguments: [setup.viewingKey])
        }
        let error = try #require(throws: RecordCorrectionError.self) {
            try RequestFulfilment(context: setup.fixture.env.context).complete(reference: request.reference)
        }
        #expect(
            error
                == .recordChanged(
                    reference: request.reference, field: "title", expected: "Programme 0", found: "Programme Zero"))
        #expect(error.kind == .dataError)
        #expect(try setup.title() == "Programme Zero")
        let after = try setup.fixture.env.requests.require(reference: request.reference)
        #expect(after.status == .inProgress)
        #expect(try setup.fixture.env.eventCount(after) == 4)
        #expect(!(try setup.fixture.env.auditActions(setup.fixture.account)).contains("record-corrected"))
    }

    @Test("a record erased since filing is refused with a clear error")
    func erasedMeanwhile() throws {
        let setup = try Setup()
        let request = try setup.inProgressTitleCorrection()
        try setup.fixture.env.context.store.write { db in
            try db.execute(sql: "DELETE FROM viewing_event WHERE id = ?", arguments: [setup.viewingKey])
        }
        #expect(
            throws: RecordCorrectionError.recordGone(
                reference: request.reference, recordSet: "viewing-events", key: setup.viewingKey)
        ) {
            try RequestFulfilment(context: setup.fixture.env.context).complete(reference: request.reference)
        }
        #expect(try setup.fixture.env.requests.require(reference: request.reference).status == .inProgress)
    }

    @Test("stored details without record parts still read, and record parts round-trip through JSON")
    func detailsCompatibility() throws {
        let old = try RequestDetails(jsonText: #"{"field":"phone","requestedValue":"+353 1 234 5678"}"#)
        #expect(old.recordSet == nil)
        #expect(old.recordKey == nil)
        #expect(!old.isRecordCorrection)
        #expect(try old.jsonText() == #"{"field":"phone","requestedValue":"+353 1 234 5678"}"#)
        let new = RequestDetails(
            field: "title", currentValue: "", requestedValue: "A", recordSet: "viewing-events", recordKey: 7)
        #expect(try RequestDetails(jsonText: try new.jsonText()) == new)
    }

    @Test("a record-field scope filed directly must agree with its details")
    func scopeAndDetailsAgree() throws {
        let setup = try Setup()
        #expect(throws: RequestError.self) {
            try setup.fixture.env.requests.file(
                accountId: setup.fixture.account.id, type: .correction,
                scope: .record("viewing-events", key: setup.viewingKey, field: "title"),
                details: RequestDetails(
                    field: "title", requestedValue: "x", recordSet: "viewing-events", recordKey: setup.viewingKey + 1))
        }
        #expect(throws: RequestError.self) {
            try setup.fixture.env.requests.file(
                accountId: setup.fixture.account.id, type: .correction,
                scope: .record("connection-records", key: 1, field: "ipAddress"),
                details: RequestDetails(requestedValue: "x", recordSet: "connection-records", recordKey: 1))
        }
        #expect(throws: RequestError.self) {
            try setup.fixture.env.requests.file(
                accountId: setup.fixture.account.id, type: .access, scope: .all,
                details: RequestDetails(recordSet: "viewing-events", recordKey: 1))
        }
    }
}
