import Foundation
import Testing

@testable import PrivacyModel

@Suite("Stored text: keys and values, put into words when read")
struct StoredTextTests {
    @Test("every kind of value survives the stored form")
    func roundTrip() {
        let day = Date(epochSeconds: 1_795_942_800)
        let text =
            StoredText.message(
                "stored.keptUntil",
                [
                    "count": .number(1_826), "date": .day(day), "set": .catalogue(["recordSet.viewing-events.name"]),
                    "at": .instant(day), "list": .list(["a", "b"]), "term": .term("requests.field.phone"),
                ]) + .typed("{\"messages\": a note that looks like JSON")
        let stored = text.storedForm
        #expect(stored.hasPrefix("{\"messages\":"))
        #expect(StoredText(storedForm: stored) == text)
        #expect(StoredText.empty.storedForm == "")
        #expect(StoredText(storedForm: "") == .empty)
    }

    @Test("a row written before messages were stored reads back as its plain text")
    func oldPlainText() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .acknowledged)
        // Events are append-only, so the old extension is added as an older program wrote it.
        try env.context.store.write { db in
            try db.execute(
                sql: "UPDATE rights_request SET resolution = ? WHERE id = ?",
                arguments: ["Sent by post on 3 May.", request.id])
            try db.execute(
                sql: """
                    INSERT INTO request_event (requestId, sequence, at, fromStatus, toStatus, actor, note)
                    VALUES (?, 99, ?, 'acknowledged', 'acknowledged', 'support', ?)
                    """,
                arguments: [
                    request.id, env.context.now.epochSeconds,
                    "extended to 2027-01-12T09:00:00Z: the export spans many years",
                ])
        }
        let read = try env.requests.require(reference: request.reference)
        #expect(read.resolution == .typed("Sent by post on 3 May."))
        #expect(english(read.resolution, catalogue: env.context.catalogue) == "Sent by post on 3 May.")
        let event = try #require(try env.requests.events(requestId: request.id).last)
        #expect(event.extensionReason == .typed("the export spans many years"))
    }

    @Test("a denial keeps the reason as typed and the complaint reminder as a key, in the reader's language")
    func denialInGerman() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let request = try env.request(for: account, in: .acknowledged)
        let denied = try env.requests.deny(reference: request.reference, actor: .support, reason: "Nicht belegt.")
        let stored = try #require(denied.resolution)
        #expect(stored.typedTexts == ["Nicht belegt."])
        let german = Strings.reportWords(language: "de").plainWording(catalogue: env.context.catalogue).text(stored)
        #expect(german.hasPrefix("Nicht belegt. Wenn Sie nicht einverstanden sind"))
        #expect(!german.contains("complain"))
    }

    @Test("an erasure's resolution names the category by its catalogue key, so each reader sees it in their language")
    func erasureResolution() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let receipt = try ErasureService(context: env.context).erase(accountId: account.id, categoryId: "viewing")
        let request = try env.requests.require(reference: receipt.reference)
        let first = try #require(request.resolution?.messages.first)
        #expect(first.key == "stored.erasure.erased")
        #expect(first.values["category"] == .catalogue(["category.viewing.name"]))
        let texts = try CatalogueLoader.bundledTexts(language: "de")
        let german = Strings.reportWords(language: "de").plainWording(catalogue: env.context.catalogue.localized(texts))
            .text(try #require(request.resolution))
        #expect(german.contains(texts["category.viewing.name"] ?? "?"))
        #expect(!german.contains("Viewing history") && !german.contains("Erased"))
    }

    @Test("the model's code table names every code the schema allows in words")
    func codeWords() throws {
        let codes: [(String, String, [String])] = [
            ("account", "status", ["active", "deletion-pending", "purged"]),
            ("payment-transactions", "outcome", ["paid", "refunded", "failed"]),
            ("support-messages", "channel", ["whatsapp", "email", "live-chat"]),
            ("support-messages", "direction", ["from-subscriber", "from-support"]),
            ("usage-events", "kind", ["sign-in", "sign-in-failed", "sign-out", "feature", "navigation"]),
            ("technical-logs", "level", ["error", "warning", "info", "metric"]),
        ]
        // Every key is in English here; the translation parity test holds German and French to the same keys.
        let words = Strings.english
        for (set, column, values) in codes {
            for value in values {
                let key = try #require(RecordCodeWords.key(recordSet: set, column: column, value: value))
                #expect(words.optional(key) != nil, "\(key)")
            }
        }
        #expect(RecordCodeWords.key(recordSet: "viewing-events", column: "title", value: "Metropolis") == nil)
    }
}

@Suite("Which scopes a right can take")
struct RightScopesTests {
    @Test("every scope offered for a right is accepted by the request rules, and only objectable purposes are offered")
    func offeredScopesAreAccepted() throws {
        let env = try TestEnvironment()
        let catalogue = env.context.catalogue
        let scopes = RightScopes(catalogue: catalogue)
        for right in RightKind.allCases {
            let offered = scopes.scopes(for: right)
            #expect(!offered.isEmpty, "\(right)")
            for scope in offered {
                let details =
                    right == .correction
                    ? RequestDetails(requestedValue: "x", note: "wrong") : RequestDetails.empty
                #expect(throws: Never.self, "\(right) \(scope)") {
                    try RequestValidation.validate(type: right, scope: scope, details: details, catalogue: catalogue)
                }
            }
        }
        let objectable = scopes.scopes(for: .objection).map(\.value)
        #expect(objectable == catalogue.purposes.filter { $0.objectable == true }.map(\.id))
        #expect(scopes.scopes(for: .correction).last == .field(RequestScope.otherField))
        #expect(scopes.scopes(for: .deletion).contains(.account))
    }
}

@Suite("An extension given as a day")
struct ExtensionDayTests {
    @Test("a day means its end (UTC); the latest allowed day means the latest allowed instant")
    func endOfDay() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let first = try env.request(for: account, in: .acknowledged)
        let day = try #require(UTCCalendar.day("2027-01-05"))
        let extended = try env.requests.extend(
            reference: first.reference, untilEndOf: day, reason: "volume", actor: .support)
        #expect(extended.currentDueAt.iso8601UTC == "2027-01-05T23:59:59Z")
        let second = try env.request(for: account, in: .acknowledged, type: .access, scope: .category("viewing"))
        let latest = env.requests.deadlines(for: second).latestExtension
        let last = try env.requests.extend(
            reference: second.reference, untilEndOf: latest, reason: "volume", actor: .support)
        #expect(last.currentDueAt == latest)
    }
}
