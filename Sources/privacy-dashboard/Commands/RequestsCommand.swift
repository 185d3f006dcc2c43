import ArgumentParser
import Foundation
import PrivacyModel

/// `requests`: the rights requests support staff work through.
struct RequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests", abstract: "Follow and process rights requests.",
        discussion: """
            Support staff move a request on one step at a time: acknowledge, verify, start, then complete \
            (or deny with a reason, or extend the deadline once). Completing a request carries it out: access \
            and portability write their files, deletions, objections, restrictions and corrections of stored \
            records are applied.
            """,
        subcommands: [
            List.self, Show.self, Acknowledge.self, Verify.self, Start.self, Complete.self, Deny.self, Extend.self,
        ])

    /// `requests list`: every request (or one subscriber's), with due dates and days left.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List rights requests, soonest due first among the open ones.")

        @OptionGroup var storeOptions: StoreOptions
        @OptionGroup var signIn: StaffSignInOptions
        @Option(help: "Only this subscriber's requests (email or username).") var email: String?
        @Option(
            help: ArgumentHelp(
                "Only requests in this status: \(RequestStatus.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "status"))
        var status: String?
        @Flag(help: "Print JSON instead of a table.") var json = false

        func run() throws {
            let context = try storeOptions.open()
            _ = try signIn.identity(context, for: .viewQueue)
            let service = RequestService(context: context)
            var wanted: RequestStatus?
            if let status {
                guard let parsed = RequestStatus(rawValue: status) else {
                    throw CommandFailure.usage(
                        "unknown status \"\(status)\"; use one of \(RequestStatus.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                }
                wanted = parsed
            }
            var requests: [RightsRequest]
            if let email {
                let account = try AccountService(context: context).require(email)
                requests = try service.requests(accountId: account.id).filter { wanted == nil || $0.status == wanted }
            } else {
                requests = try service.allRequests(status: wanted)
            }
            let accounts = Dictionary(
                uniqueKeysWithValues: try AccountService(context: context).list().map { ($0.id, $0) })
            if json {
                Console.out(
                    try Formatting.json(
                        requests.map {
                            RequestListing($0, email: accounts[$0.accountId]?.email, service: service)
                        }))
                return
            }
            guard !requests.isEmpty else {
                Console.out("No requests match.")
                return
            }
            var table = TextTable(["Reference", "Subscriber", "Right", "Scope", "Filed", "Due", "Days left", "Status"])
            var missedReceipts = 0
            for request in requests {
                let receiptMissed = service.isReceiptOverdue(request)
                if receiptMissed { missedReceipts += 1 }
                let daysLeft = service.daysLeft(request)
                table.add([
                    request.reference, accounts[request.accountId]?.email ?? "#\(request.accountId)",
                    request.type.rawValue,
                    request.scope.value.isEmpty ? request.scope.kind.rawValue : request.scope.value,
                    Formatting.day(request.filedAt), Formatting.day(request.currentDueAt),
                    !request.isOpen ? "-" : service.isOverdue(request) ? "overdue \(-daysLeft)" : String(daysLeft),
                    request.status.label + (receiptMissed ? " ! receipt missed" : ""),
                ])
            }
            Console.out(table.render())
            if missedReceipts > 0 {
                let hours = context.catalogue.deadlines.receiptHours
                Console.out(
                    "! \(missedReceipts) request(s) not acknowledged within \(hours) hours of filing: "
                        + "acknowledge them now (requests acknowledge REF).")
            }
        }
    }
}

/// The JSON shape of one request in `requests list --json`.
struct RequestListing: Encodable {
    let reference: String
    let accountId: Int64
    let email: String?
    let type: String
    let scopeKind: String
    let scopeValue: String
    let status: String
    let channel: String
    let filedAt: Date
    let receiptDueAt: Date
    let responseDueAt: Date
    let extendedDueAt: Date?
    let acknowledgedAt: Date?
    let closedAt: Date?
    let daysLeft: Int?
    let overdue: Bool
    let receiptOverdue: Bool
    let resolution: String?
    /// The files a completion wrote (access and portability), only after `requests complete`.
    var outputs: [String]?

    init(_ request: RightsRequest, email: String?, service: RequestService) {
        reference = request.reference
        accountId = request.accountId
        self.email = email
        type = request.type.rawValue
        scopeKind = request.scope.kind.rawValue
        scopeValue = request.scope.value
        status = request.status.rawValue
        channel = request.channel
        filedAt = request.filedAt
        receiptDueAt = request.receiptDueAt
        responseDueAt = request.responseDueAt
        extendedDueAt = request.extendedDueAt
        acknowledgedAt = request.acknowledgedAt
        closedAt = request.closedAt
        daysLeft = request.isOpen ? service.daysLeft(request) : nil
        overdue = service.isOverdue(request)
        receiptOverdue = service.isReceiptOverdue(request)
        resolution = request.resolution.map(MessageWording.english(catalogue: service.context.catalogue).text)
    }
}
