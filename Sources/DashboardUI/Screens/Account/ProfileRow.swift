import Foundation
import PrivacyModel

/// One line of the Account screen's profile: a label, the value held and whether it can be corrected here.
struct ProfileRow: Sendable, Equatable {
    /// What the row shows.
    enum Kind: Sendable, Equatable {
        /// A field the subscriber entered (correctable or not, as the catalogue says).
        case field(ProfileField)
        /// The day the account was opened.
        case memberSince
        /// The last successful sign-in.
        case lastSignIn
    }

    /// Whether and how the value can be put right.
    enum Correction: Sendable, Equatable {
        /// The catalogue lets the subscriber correct it here, at once.
        case selfService
        /// Only through a correction request that support checks.
        case byRequest
        /// Recorded by the service, nothing to correct.
        case recorded
    }

    let kind: Kind
    /// The value as shown, or nil when none is held.
    let value: String?
    /// The value as stored, for the correction dialog.
    let rawValue: String?
    let correction: Correction

    /// The strings key of the label.
    var labelKey: String {
        switch kind {
        case .field(let field): return "account.field.\(field.rawValue)"
        case .memberSince: return "account.field.memberSince"
        case .lastSignIn: return "account.field.lastSignIn"
        }
    }

    /// The field to correct, when the row is one.
    var field: ProfileField? {
        if case .field(let field) = kind { return field }
        return nil
    }

    /// The strings key of the short word in the right column.
    var tagKey: String {
        switch correction {
        case .selfService: return "account.tag.correctable"
        case .byRequest: return "account.tag.byRequest"
        case .recorded: return "account.tag.recorded"
        }
    }

    /// Every row for an account, in display order.
    @MainActor
    static func rows(account: Account, profile: Profile?, session: Session) -> [ProfileRow] {
        let service = ProfileCorrectionService(context: session.context)
        let fields: [ProfileField] = [.email, .username, .fullName, .contactEmail, .phone, .country, .language]
        var rows = fields.map { field in
            let value = field.value(account: account, profile: profile)
            // A language the dashboard is shipped in shows by its own name ("Deutsch"), any other by its code.
            let shown = field == .language ? value.map { DisplayLanguage(code: $0)?.endonym ?? $0 } : value
            return ProfileRow(
                kind: .field(field), value: shown, rawValue: value,
                correction: field == .language || service.isSelfCorrectable(field) ? .selfService : .byRequest)
        }
        let birthdate = account.birthdate
        rows.append(
            ProfileRow(
                kind: .field(.birthdate), value: UTCCalendar.day(birthdate).map(session.formats.date) ?? birthdate,
                rawValue: birthdate,
                correction: service.isSelfCorrectable(.birthdate) ? .selfService : .byRequest))
        rows.append(
            ProfileRow(
                kind: .memberSince, value: session.formats.date(Date(epochSeconds: account.createdAt)), rawValue: nil,
                correction: .recorded))
        rows.append(
            ProfileRow(
                kind: .lastSignIn,
                value: account.lastSignInAt.map { session.formats.dateTime(Date(epochSeconds: $0)) }, rawValue: nil,
                correction: .recorded))
        return rows
    }
}
