import Foundation
import TestSupport
import Testing

@testable import PrivacyModel

@Suite("what can be filed and completed")
struct RequestRulesTests {
    @Test("deletion offers the whole account, never the category that holds the account itself")
    func deletionScopes() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let scopes = RightScopes(catalogue: env.context.catalogue).scopes(for: .deletion)
        #expect(scopes.contains(.account))
        #expect(!scopes.contains(.category("account")))
        #expect(scopes.contains(.category("contact")))
        #expect(throws: RequestError.useAccountDeletion) {
            try env.requests.file(accountId: account.id, type: .deletion, scope: .category("account"))
        }
        #expect(try env.requests.requests(accountId: account.id).isEmpty)
    }

    @Test("an 'other data' correction is completed only with a note saying what was corrected")
    func otherDataNeedsResolution() throws {
        let env = try TestEnvironment()
        let account = try env.makeAccount()
        let filed = try env.requests.file(
            accountId: account.id, type: .correction, scope: .field(RequestScope.otherField),
            details: RequestDetails(field: RequestScope.otherField, note: "a film I never watched"))
        try env.requests.acknowledge(reference: filed.reference, actor: .support)
        try env.requests.verifyIdentity(reference: filed.reference, actor: .support)
        try env.requests.start(reference: filed.reference, actor: .support)
        let fulfilment = RequestFulfilment(context: env.context)
        #expect(throws: RequestError.resolutionRequired) {
            try fulfilment.carryOut(reference: filed.reference, options: FulfilmentOptions(actor: .support, note: " "))
        }
        #expect(try env.requests.require(reference: filed.reference).status == .inProgress)
        let done = try fulfilment.carryOut(
            reference: filed.reference,
            options: FulfilmentOptions(actor: .support, note: "Removed the film from the history."))
        #expect(done.request.status == .completed)
        #expect(
            english(done.request.resolution, catalogue: env.context.catalogue) == "Removed the film from the history.")
    }
}
