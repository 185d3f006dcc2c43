import Foundation
import PrivacyModel
import TerminalKit

/// The subscriber's details staff check a requester against: name, email, username, birthdate and age, and
/// when the account was made.
struct ConsoleIdentity {
    let account: Account
    let profile: Profile?

    /// Reads the details of the account a request is about; nil when the account is gone.
    @MainActor
    static func load(accountId: Int64, session: ConsoleSession) throws -> ConsoleIdentity? {
        guard let account = try session.accounts.account(id: accountId) else { return nil }
        return ConsoleIdentity(account: account, profile: try session.accounts.profile(accountId: accountId))
    }

    /// The labelled lines of the details at `width` columns.
    @MainActor
    func lines(width: Int, session: ConsoleSession) -> [RequestStyledLine] {
        let strings = session.strings
        let formats = session.formats
        let fullName = profile?.fullName ?? ""
        let birthdate =
            UTCCalendar.day(account.birthdate).map {
                strings(
                    "console.identity.age",
                    ["date": formats.date($0), "age": String(AccountService.age(bornOn: $0, at: session.now))])
            } ?? account.birthdate
        let pairs: [(String, String)] = [
            ("name", fullName.isEmpty ? strings["console.identity.noName"] : fullName),
            ("email", account.email),
            ("username", account.username),
            ("birthdate", birthdate),
            ("created", formats.dateTime(Date(epochSeconds: account.createdAt))),
            ("account", strings["console.identity.status.\(account.status.rawValue)"]),
        ]
        let labelWidth = pairs.map { TextWidth.columns(of: strings["console.identity.\($0.0)"]) }.max() ?? 0
        var lines = [RequestStyledLine(strings["console.identity.heading"], style: .heading)]
        for (key, value) in pairs {
            lines += RequestStyledLine.labelled(
                strings["console.identity.\(key)"], value, labelWidth: labelWidth, width: width, indent: 2)
        }
        return lines + [.blank]
    }
}
